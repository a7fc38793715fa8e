/** RFC 9162 §2.1 Merkle Tree Hash with SHA-256 (leaf prefix 0x00, node prefix 0x01): roots, inclusion and consistency proofs. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, equalBytes } from '../bytes';
import { VerifyError } from '../errors';

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

/** MTH({d}) = SHA-256(0x00 ‖ d). */
export function leafHash(data: Uint8Array): Uint8Array {
  return sha256(concatBytes(LEAF, data));
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concatBytes(NODE, left, right));
}

/** The largest power of two strictly less than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over already-hashed leaves; the empty tree's root is SHA-256 of the empty string. */
export function rootFromLeafHashes(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(rootFromLeafHashes(leaves.slice(0, k)), rootFromLeafHashes(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]) over leaf hashes. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Uint8Array[] {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) throw new RangeError('inclusionProof: index out of range');
  if (leaves.length === 1) return [];
  const k = splitPoint(leaves.length);
  return index < k
    ? [...inclusionProof(leaves.slice(0, k), index), rootFromLeafHashes(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), index - k), rootFromLeafHashes(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) over leaf hashes (0 < m ≤ n). */
export function consistencyProof(leaves: readonly Uint8Array[], m: number): Uint8Array[] {
  if (!Number.isSafeInteger(m) || m <= 0 || m > leaves.length) throw new RangeError('consistencyProof: size out of range');
  return subproof(m, leaves, true);
}

function subproof(m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [rootFromLeafHashes(leaves)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), b), rootFromLeafHashes(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), rootFromLeafHashes(leaves.slice(0, k))];
}

function checkSize(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new VerifyError('MERKLE_BAD_SIZE', `${what} must be a non-negative integer`, { [what]: n });
}

function checkHashes(proof: readonly Uint8Array[]): void {
  proof.forEach((p, i) => {
    if (p.length !== 32) throw new VerifyError('MERKLE_MALFORMED', `proof element ${i} is ${p.length} bytes, not 32`, { position: i });
  });
}

const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/** RFC 9162 §2.1.3.2: the root that an inclusion proof implies for `leaf` at `index` in a tree of `size` leaves. */
export function rootFromInclusionProof(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  checkSize(index, 'index');
  checkSize(size, 'size');
  if (index >= size) throw new VerifyError('MERKLE_BAD_INDEX', `leaf index ${index} is not below tree size ${size}`, { index, size });
  if (leaf.length !== 32) throw new VerifyError('MERKLE_MALFORMED', `leaf hash is ${leaf.length} bytes, not 32`, {});
  checkHashes(proof);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) throw new VerifyError('MERKLE_PROOF_LENGTH', 'inclusion proof is longer than the tree is deep', { index, size, length: proof.length });
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) while (!isOdd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new VerifyError('MERKLE_PROOF_LENGTH', 'inclusion proof is shorter than the tree is deep', { index, size, length: proof.length });
  return r;
}

/** Compute the root from the proof, then compare it with the expected root (MERKLE_INCLUSION_MISMATCH carries both). */
export function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  if (root.length !== 32) throw new VerifyError('MERKLE_MALFORMED', `root is ${root.length} bytes, not 32`, {});
  const computed = rootFromInclusionProof(index, size, leaf, proof);
  if (!equalBytes(computed, root)) {
    throw new VerifyError('MERKLE_INCLUSION_MISMATCH', `inclusion proof for leaf ${index} of ${size} gives another root`, {
      index, size, computed: bytesToHex(computed), expected: bytesToHex(root),
    });
  }
}

/**
 * RFC 9162 §2.1.4.2: the two roots a consistency proof implies, given the old root (needed when size1 is a power of
 * two). Requires 0 < size1 < size2.
 */
export function rootsFromConsistencyProof(size1: number, size2: number, root1: Uint8Array, proof: readonly Uint8Array[]): { root1: Uint8Array; root2: Uint8Array } {
  checkHashes(proof);
  if (proof.length === 0) throw new VerifyError('MERKLE_PROOF_LENGTH', 'consistency proof is empty', { size1, size2 });
  const path = isPow2(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) { fn = half(fn); sn = half(sn); }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new VerifyError('MERKLE_PROOF_LENGTH', 'consistency proof is too long', { size1, size2, length: proof.length });
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) while (!isOdd(fn) && fn !== 0) { fn = half(fn); sn = half(sn); }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new VerifyError('MERKLE_PROOF_LENGTH', 'consistency proof is too short', { size1, size2, length: proof.length });
  return { root1: fr, root2: sr };
}

function isPow2(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/**
 * Verify that the tree of `size2` leaves with `root2` extends the tree of `size1` leaves with `root1`.
 * Sizes must satisfy 0 < size1 ≤ size2 (a proof from the empty tree proves nothing and is refused);
 * equal sizes need an empty proof and equal roots.
 */
export function verifyConsistency(size1: number, size2: number, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): void {
  checkSize(size1, 'size1');
  checkSize(size2, 'size2');
  if (size1 === 0) throw new VerifyError('MERKLE_BAD_SIZE', 'a consistency proof from the empty tree proves nothing', { size1, size2 });
  if (size1 > size2) throw new VerifyError('MERKLE_BAD_SIZE', `old size ${size1} is larger than new size ${size2}`, { size1, size2 });
  if (size1 === size2) {
    if (proof.length !== 0) throw new VerifyError('MERKLE_PROOF_LENGTH', 'equal sizes need an empty consistency proof', { size1, length: proof.length });
    if (!equalBytes(root1, root2)) {
      throw new VerifyError('MERKLE_CONSISTENCY_MISMATCH', `two different roots for the same size ${size1}`, {
        which: 'root2', computed: bytesToHex(root1), expected: bytesToHex(root2),
      });
    }
    return;
  }
  const computed = rootsFromConsistencyProof(size1, size2, root1, proof);
  for (const [which, got, want] of [['root1', computed.root1, root1], ['root2', computed.root2, root2]] as const) {
    if (!equalBytes(got, want)) {
      throw new VerifyError('MERKLE_CONSISTENCY_MISMATCH', `consistency proof ${size1}→${size2} gives another ${which}`, {
        which, size1, size2, computed: bytesToHex(got), expected: bytesToHex(want),
      });
    }
  }
}
