/** Bitcoin transaction Merkle trees: root (duplicate-last rule), Electrum branch, BIP37 partial merkle tree. */
import { concatBytes, sha256d } from '../core/bytes';
import { ByteWriter } from './encoding';

const hashPair = (a: Uint8Array, b: Uint8Array): Uint8Array => sha256d(concatBytes(a, b));

/** Merkle root of leaves in internal byte order. */
export function merkleRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) throw new RangeError('merkleRoot: no leaves');
  let level = leaves;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(hashPair(level[i]!, level[i + 1] ?? level[i]!));
    level = next;
  }
  return level[0]!;
}

/** Electrum-style branch for the leaf at `pos`: sibling at each level, leaf to root (as electrs builds it). */
export function merkleBranch(leaves: Uint8Array[], pos: number): Uint8Array[] {
  if (pos < 0 || pos >= leaves.length) throw new RangeError('merkleBranch: position out of range');
  const branch: Uint8Array[] = [];
  let level = leaves;
  let p = pos;
  while (level.length > 1) {
    if (level.length % 2 === 1) level = [...level, level[level.length - 1]!];
    branch.push(level[p ^ 1]!);
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(hashPair(level[i]!, level[i + 1]!));
    level = next;
    p >>= 1;
  }
  return branch;
}

/** BIP37 `merkleblock` serialization matching one transaction: header ‖ total ‖ hashes ‖ flag bits. */
export function merkleBlock(header: Uint8Array, leaves: Uint8Array[], pos: number): Uint8Array {
  const n = leaves.length;
  let height = 0;
  while (widthAt(n, height) > 1) height++;
  const hashes: Uint8Array[] = [];
  const bits: boolean[] = [];
  const hashAt = (h: number, i: number): Uint8Array => {
    if (h === 0) return leaves[i]!;
    const left = hashAt(h - 1, i * 2);
    const right = i * 2 + 1 < widthAt(n, h - 1) ? hashAt(h - 1, i * 2 + 1) : left;
    return hashPair(left, right);
  };
  const walk = (h: number, i: number): void => {
    const parentOfMatch = (pos >> h) === i;
    bits.push(parentOfMatch);
    if (h === 0 || !parentOfMatch) {
      hashes.push(hashAt(h, i));
      return;
    }
    walk(h - 1, i * 2);
    if (i * 2 + 1 < widthAt(n, h - 1)) walk(h - 1, i * 2 + 1);
  };
  walk(height, 0);
  const flags = new Uint8Array(Math.ceil(bits.length / 8));
  bits.forEach((b, i) => {
    if (b) flags[i >> 3]! |= 1 << (i & 7);
  });
  const w = new ByteWriter().bytes(header).u32(n).varint(hashes.length);
  for (const h of hashes) w.bytes(h);
  return w.varint(flags.length).bytes(flags).finish();
}

function widthAt(n: number, height: number): number {
  return (n + (1 << height) - 1) >> height;
}
