/**
 * Bitcoin transaction Merkle trees (double SHA-256, odd last node paired with itself) and Esplora/electrs
 * `/tx/:txid/merkle-proof` branches (Electrum `get_merkle` format: display-order hashes, leaf to root).
 */
import { concatBytes, equalBytes, fromDisplayHex, sha256d, toDisplayHex } from '../bytes';
import { VerifyError, type VerifyCode } from '../errors';
import type { Header } from './header';

/** A block holds far fewer than 2^24 transactions; longer branches are refused before any hashing. */
export const MAX_BRANCH_LENGTH = 24;

export interface MerkleProof {
  block_height: number;
  /** Sibling hashes, display hex, from the leaf level up. */
  merkle: string[];
  /** Index of the transaction in the block. */
  pos: number;
}

/** Validate an untrusted merkle-proof JSON value's shape (field types and ranges only). */
export function parseMerkleProof(value: unknown, code: VerifyCode = 'CHAIN_MERKLE_PROOF_MALFORMED'): MerkleProof {
  const v = value as Partial<MerkleProof> | null;
  const bad = (what: string): never => {
    throw new VerifyError(code, `merkle proof: ${what}`, { proof: value });
  };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('not an object');
  if (!Number.isSafeInteger(v.block_height) || v.block_height! < 0) bad('block_height is not a non-negative integer');
  if (!Number.isSafeInteger(v.pos) || v.pos! < 0) bad('pos is not a non-negative integer');
  if (!Array.isArray(v.merkle)) return bad('merkle is not an array');
  if (v.merkle.length > MAX_BRANCH_LENGTH) bad(`branch longer than ${MAX_BRANCH_LENGTH}`);
  v.merkle.forEach((h, i) => {
    if (typeof h !== 'string' || !/^[0-9a-fA-F]{64}$/.test(h)) bad(`merkle[${i}] is not 32 bytes of hex`);
  });
  return { block_height: v.block_height!, merkle: v.merkle.map((h) => h.toLowerCase()), pos: v.pos! };
}

/**
 * Recompute the Merkle root (display hex) from a txid, its branch and its position.
 * Rejects positions that do not fit the branch, and a right-hand node equal to its sibling: a valid block never
 * has one (CVE-2012-2459), and accepting it would let a server claim a second position for the last transaction.
 */
export function rootFromMerkleProof(txid: string, merkle: readonly string[], pos: number): string {
  if (!Number.isSafeInteger(pos) || pos < 0) throw new VerifyError('CHAIN_MERKLE_POS_OUT_OF_RANGE', 'position is not a non-negative integer', { pos });
  if (merkle.length > MAX_BRANCH_LENGTH) throw new VerifyError('CHAIN_MERKLE_PROOF_MALFORMED', `branch longer than ${MAX_BRANCH_LENGTH}`, { length: merkle.length });
  if (pos >= 2 ** merkle.length) {
    throw new VerifyError('CHAIN_MERKLE_POS_OUT_OF_RANGE', `position ${pos} does not fit a branch of ${merkle.length} levels`, { pos, branchLength: merkle.length });
  }
  let node = fromDisplayHex(txid, 'CHAIN_MERKLE_PROOF_MALFORMED', 'txid');
  let index = pos;
  merkle.forEach((siblingHex, level) => {
    const sibling = fromDisplayHex(siblingHex, 'CHAIN_MERKLE_PROOF_MALFORMED', `merkle[${level}]`);
    const isRight = (index & 1) === 1;
    if (isRight && equalBytes(sibling, node)) {
      throw new VerifyError('CHAIN_MERKLE_DUPLICATE_NODE', 'a right-hand node equals its left sibling (mutated tree)', { level, pos });
    }
    node = sha256d(isRight ? concatBytes(sibling, node) : concatBytes(node, sibling));
    index = Math.floor(index / 2);
  });
  return toDisplayHex(node);
}

/** Verify a txid's branch against a header's Merkle root; returns the transaction's position in the block. */
export function verifyMerkleProof(txid: string, proof: MerkleProof, header: Header): number {
  const root = rootFromMerkleProof(txid, proof.merkle, proof.pos);
  if (root !== header.merkleRoot) {
    throw new VerifyError('CHAIN_MERKLE_ROOT_MISMATCH', 'the Merkle branch does not lead to the header\'s Merkle root', {
      txid, pos: proof.pos, computedRoot: root, headerRoot: header.merkleRoot, blockHash: header.hash,
    });
  }
  return proof.pos;
}

/** Merkle root (display hex) of a block's txids in block order (display hex each). */
export function merkleRootFromTxids(txids: readonly string[]): string {
  if (txids.length === 0) throw new RangeError('merkleRootFromTxids: no txids');
  let level = txids.map((t, i) => fromDisplayHex(t, 'CHAIN_MERKLE_PROOF_MALFORMED', `txids[${i}]`));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i]!;
      next.push(sha256d(concatBytes(left, level[i + 1] ?? left)));
    }
    level = next;
  }
  return toDisplayHex(level[0]!);
}

/** The Esplora-format branch for the transaction at `pos` (used by the devnet and tests). */
export function merkleProofFromTxids(txids: readonly string[], pos: number): string[] {
  if (!Number.isSafeInteger(pos) || pos < 0 || pos >= txids.length) throw new RangeError(`merkleProofFromTxids: pos ${pos} out of range`);
  let level = txids.map((t, i) => fromDisplayHex(t, 'CHAIN_MERKLE_PROOF_MALFORMED', `txids[${i}]`));
  const branch: string[] = [];
  let index = pos;
  while (level.length > 1) {
    branch.push(toDisplayHex(level[index ^ 1] ?? level[index]!));
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(sha256d(concatBytes(level[i]!, level[i + 1] ?? level[i]!)));
    level = next;
    index >>= 1;
  }
  return branch;
}
