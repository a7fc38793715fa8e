/** Quaternary Merkle tree of the commitments: nodes Poseidon(c0, c1, c2, c3), leaf count a power of four. */
import { poseidon } from '../crypto/poseidon';

/** True for 1, 4, 16, 64, … */
export function isPowerOfFour(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  while (n % 4 === 0) n /= 4;
  return n === 1;
}

/** The smallest power of four ≥ n (n ≥ 1). */
export function nextPowerOfFour(n: number): number {
  let p = 1;
  while (p < n) p *= 4;
  return p;
}

/** Every level of the tree, leaves first, root last (a single-element level). */
export function quadLevels(leaves: readonly bigint[]): bigint[][] {
  if (!isPowerOfFour(leaves.length)) throw new RangeError(`quad tree: ${leaves.length} leaves is not a power of four`);
  const levels: bigint[][] = [leaves.slice()];
  let level = levels[0]!;
  while (level.length > 1) {
    const next: bigint[] = [];
    for (let i = 0; i < level.length; i += 4) next.push(poseidon(level.slice(i, i + 4)));
    levels.push(next);
    level = next;
  }
  return levels;
}

/** The root over a power-of-four count of leaves. */
export function quadRoot(leaves: readonly bigint[]): bigint {
  const levels = quadLevels(leaves);
  return levels[levels.length - 1]![0]!;
}

/** The three siblings of `index` at every level, leaves first. */
export function quadSiblings(levels: readonly bigint[][], index: number): bigint[][] {
  const out: bigint[][] = [];
  let i = index;
  for (const level of levels.slice(0, -1)) {
    const start = i - (i % 4);
    out.push([0, 1, 2, 3].filter((c) => start + c !== i).map((c) => level[start + c]!));
    i = Math.floor(i / 4);
  }
  return out;
}

/** The root from a leaf, its index and its siblings (three per level, leaves first). */
export function rootFromQuadSiblings(leaf: bigint, index: number, siblings: readonly (readonly bigint[])[]): bigint {
  let node = leaf;
  let i = index;
  for (const three of siblings) {
    const pos = i % 4;
    const children = [...three.slice(0, pos), node, ...three.slice(pos)];
    node = poseidon(children);
    i = Math.floor(i / 4);
  }
  return node;
}
