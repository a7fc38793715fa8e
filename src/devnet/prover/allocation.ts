/** The month's allocation of docs/allocation-formula.md in bigint, with the division remainders the circuit needs. */
import { AMOUNT_LIMIT, RATE_MAX, RATE_ONE } from '../../core/commit/field';
import type { InputsLeafRow } from '../../core/commit/leaf-rows';

/** Per row: weight w and its remainder, share s and its remainder, new allocation; and the month's F, W, R. */
export interface MonthAllocation {
  w: bigint[];
  wRem: bigint[];
  share: bigint[];
  shareRem: bigint[];
  next: bigint[];
  F: bigint;
  W: bigint;
  R: bigint;
}

/** prev[i]: row i's allocation last month (0 for rows beyond last month's table). Input errors are RangeErrors. */
export function allocateMonth(prev: readonly bigint[], inputs: readonly InputsLeafRow[]): MonthAllocation {
  if (prev.length > inputs.length) throw new RangeError('the month has fewer rows than last month');
  const alloc = inputs.map((_, i) => prev[i] ?? 0n);
  inputs.forEach((row, i) => {
    if (row.q < 0n || row.q > RATE_MAX) throw new RangeError(`row ${i}: q ${row.q} outside [0, Q/2]`);
    if (!row.alive && row.deposit !== 0n) throw new RangeError(`row ${i}: a deceased member deposits nothing`);
    if (row.deposit < 0n || row.deposit >= AMOUNT_LIMIT) throw new RangeError(`row ${i}: deposit out of range`);
    if (alloc[i]! < 0n || alloc[i]! >= AMOUNT_LIMIT) throw new RangeError(`row ${i}: allocation out of range`);
  });
  const w = inputs.map((r, i) => (r.alive ? (alloc[i]! * r.q) / (RATE_ONE - r.q) : 0n));
  const wRem = inputs.map((r, i) => (r.alive ? (alloc[i]! * r.q) % (RATE_ONE - r.q) : 0n));
  const F = inputs.reduce((s, r, i) => (r.alive ? s : s + alloc[i]!), 0n);
  const W = w.reduce((s, x) => s + x, 0n);
  const share = w.map((x) => (W > 0n ? (F * x) / W : 0n));
  const shareRem = w.map((x) => (W > 0n ? (F * x) % W : 0n));
  const R = F - share.reduce((s, x) => s + x, 0n);
  const next = inputs.map((r, i) => (r.alive ? alloc[i]! + r.deposit + share[i]! : 0n) + (i === 0 ? R : 0n));
  for (const v of [F, W, R]) if (v >= AMOUNT_LIMIT) throw new RangeError('a month total reaches 2^53');
  return { w, wRem, share, shareRem, next, F, W, R };
}
