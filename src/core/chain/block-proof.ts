/**
 * A block's height, proven by the block itself (BIP34): the header re-hashes to the block hash and meets its proof
 * of work; the coinbase (its raw bytes, re-hashed) is leaf 0 of a Merkle branch that leads to the header's Merkle
 * root; and its scriptSig starts with the height. Leaf 0 of a block's tree is its coinbase, so a host can only lie
 * about a block's height by mining a block. The proof is compact: the coinbase and one branch, not the txid list.
 */
import { VerifyError } from '../errors';
import { heightFromCoinbase } from './bip34';
import { verifyPow, type Header } from './header';
import { rootFromMerkleProof } from './merkle';
import type { NetworkParams } from './network';
import type { ParsedTx } from './tx';

export interface HeightProof {
  /** The block's first transaction, re-hashed to its txid: its scriptSig starts with the height. */
  coinbase: ParsedTx;
  /** The coinbase's Merkle branch (position 0) to the header's root: sibling hashes, display hex, leaf level up. */
  branch: readonly string[];
}

export interface ProvableBlock {
  hash: string;
  header: Header;
  proof: HeightProof;
}

/**
 * The height `block` proves. Throws CHAIN_HEADER_HASH_MISMATCH or a proof-of-work code for the header,
 * CHAIN_TX_64_BYTES for a coinbase whose non-witness serialization is 64 bytes (it could pose as an inner node of the
 * tree, CVE-2017-12842), CHAIN_MERKLE_* when the branch does not lead to the header's root, CHAIN_COINBASE_MALFORMED
 * when leaf 0 is no coinbase with a height, CHAIN_HEIGHT_UNPROVABLE for a block before BIP34 (version 1, or a
 * height below the network's activation). Every one says the answers are at fault, never the month.
 */
export function provenHeight(block: ProvableBlock, network: NetworkParams): number {
  const { hash, header, proof } = block;
  const evidence = { hash, coinbase: proof.coinbase.txid };
  if (header.hash !== hash) throw new VerifyError('CHAIN_HEADER_HASH_MISMATCH', 'the header does not hash to the block hash', { hash, computed: header.hash });
  verifyPow(header, network);
  if (proof.coinbase.strippedSize === 64) {
    throw new VerifyError('CHAIN_TX_64_BYTES', 'the coinbase is 64 bytes without its witness: it could pose as an inner Merkle node', evidence);
  }
  const root = rootFromMerkleProof(proof.coinbase.txid, proof.branch, 0);
  if (root !== header.merkleRoot) {
    throw new VerifyError('CHAIN_MERKLE_ROOT_MISMATCH', 'the coinbase\'s Merkle branch does not lead to the header\'s Merkle root', { ...evidence, computedRoot: root, headerRoot: header.merkleRoot });
  }
  // Core refuses version-1 blocks from BIP34's activation: such a block predates it and its coinbase proves nothing.
  if (header.version < 2) throw new VerifyError('CHAIN_HEIGHT_UNPROVABLE', `block version ${header.version} predates BIP34: its coinbase proves no height`, { ...evidence, version: header.version });
  const height = heightFromCoinbase(proof.coinbase);
  if (height < network.bip34Height) {
    throw new VerifyError('CHAIN_HEIGHT_UNPROVABLE', `height ${height} is below BIP34's activation on ${network.name} (${network.bip34Height}): its coinbase proves no height`, { ...evidence, height, bip34Height: network.bip34Height });
  }
  return height;
}

/**
 * `block` is at `height`: its proof (above) proves that very height. A height below the network's BIP34 activation
 * cannot be proven (CHAIN_HEIGHT_UNPROVABLE); another proven height is CHAIN_HEIGHT_MISMATCH (whoever named the block
 * at `height` named a real block at the wrong height).
 */
export function verifyBlockHeight(block: ProvableBlock, height: number, network: NetworkParams): number {
  if (height < network.bip34Height) {
    throw new VerifyError('CHAIN_HEIGHT_UNPROVABLE', `height ${height} is below BIP34's activation on ${network.name} (${network.bip34Height}): no block proves it`, { hash: block.hash, height, bip34Height: network.bip34Height });
  }
  const proven = provenHeight(block, network);
  if (proven !== height) {
    throw new VerifyError('CHAIN_HEIGHT_MISMATCH', `block ${block.hash} is used at height ${height}, but its coinbase proves height ${proven}`, { hash: block.hash, height, proven });
  }
  return proven;
}
