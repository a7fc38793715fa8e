/**
 * Poseidon's optimised schedule (eprint 2019/458 appendix B, as circomlib's poseidon_opt runs it) derived from the
 * plain parameters: round constants moved through M⁻¹ so partial rounds add one scalar, and each partial round's
 * MDS matrix factored as a sparse matrix times a block-diagonal one pushed into the round before.
 *
 * Plain round k: s ← M·sbox(s + Cₖ). Optimised: s ← s + C₀; each round sboxes, adds the next round's constant
 * (already multiplied by M⁻¹) and mixes; RF = 8 full rounds, half before and half after the partial ones.
 */
import { FIELD as F } from './poseidon-wat';

export interface OptimisedParams {
  t: number;
  roundsP: number;
  /** 8t + roundsP constants in the order the rounds consume them. */
  c: bigint[];
  /** roundsP sparse matrices, each 2t − 1 values: the first row (t), then the first column below the diagonal (t − 1). */
  s: bigint[];
  /** M and P row-major, as applied: sᵢ ← Σⱼ A[i][j]·sⱼ. */
  m: bigint[];
  p: bigint[];
}

type Matrix = bigint[][];
const HALF_F = 4;

const mod = (a: bigint): bigint => ((a % F) + F) % F;

function inverse(a: bigint): bigint {
  let [t, newT, r, newR] = [0n, 1n, F, mod(a)];
  while (newR !== 0n) {
    const q = r / newR;
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  if (r !== 1n) throw new RangeError('poseidon parameters: singular matrix');
  return mod(t);
}

/** Gauss–Jordan inverse over the field. */
function invert(a: Matrix): Matrix {
  const n = a.length;
  const m = a.map((row, i) => [...row.map(mod), ...a.map((_, j) => (i === j ? 1n : 0n))]);
  for (let col = 0; col < n; col++) {
    const pivot = m.findIndex((row, i) => i >= col && row[col] !== 0n);
    if (pivot < 0) throw new RangeError('poseidon parameters: singular matrix');
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const rowCol = m[col]!;
    const k = inverse(rowCol[col]!);
    for (let j = 0; j < 2 * n; j++) rowCol[j] = (rowCol[j]! * k) % F;
    for (let i = 0; i < n; i++) {
      if (i === col || m[i]![col] === 0n) continue;
      const f = m[i]![col]!;
      for (let j = 0; j < 2 * n; j++) m[i]![j] = mod(m[i]![j]! - f * rowCol[j]!);
    }
  }
  return m.map((row) => row.slice(n));
}

const times = (a: Matrix, b: Matrix): Matrix => a.map((row) => b[0]!.map((_, j) => row.reduce((acc, v, k) => acc + v * b[k]![j]!, 0n) % F));
const apply = (a: Matrix, v: readonly bigint[]): bigint[] => a.map((row) => row.reduce((acc, x, k) => acc + x * v[k]!, 0n) % F);

/** The optimised schedule for width t from the plain round constants ((8 + roundsP)·t, round after round) and M. */
export function optimiseParams(t: number, roundsP: number, plainC: readonly bigint[], M: Matrix): OptimisedParams {
  if (plainC.length !== (2 * HALF_F + roundsP) * t || M.length !== t) throw new RangeError('poseidon parameters: wrong sizes');
  const Minv = invert(M);
  const round = (k: number): bigint[] => plainC.slice(k * t, (k + 1) * t);
  const shifted = (k: number): bigint[] => apply(Minv, round(k));

  // Constants added after the sbox of partial round j belong to round half + j + 1; v[0] follows the last full
  // round of the first half. Walking back, every part that misses s₀ moves before the sbox, through M⁻¹.
  const v: bigint[][] = Array.from({ length: roundsP + 1 }, (_, j) => shifted(HALF_F + j));
  for (let j = roundsP; j >= 1; j--) {
    const rest = [0n, ...v[j]!.slice(1)];
    const back = apply(Minv, rest);
    v[j - 1] = v[j - 1]!.map((x, i) => (x + back[i]!) % F);
    v[j] = [v[j]![0]!, ...new Array<bigint>(t - 1).fill(0n)];
  }
  const c = [
    ...round(0),
    ...Array.from({ length: HALF_F - 1 }, (_, r) => shifted(r + 1)).flat(),
    ...v[0]!,
    ...v.slice(1).map((x) => x[0]!),
    ...Array.from({ length: HALF_F - 1 }, (_, r) => shifted(HALF_F + roundsP + 1 + r)).flat(),
  ];

  // Factor each partial round's matrix A = S·B, S sparse, B = diag(1, Â) commuting with the partial sbox; B joins
  // the matrix of the round before, and after the first partial round becomes P = B·M for the last full round.
  // Walking back from the last partial round, A is M with its lower-right block M̂ multiplied by M̂ once more per round
  // (Â = M̂ᵏ for the k-th round from the end) and its first row unchanged, so S's first row is (M₀₀, M₀,₁..·M̂⁻ᵏ) and
  // its first column M̂ᵏ⁻¹·M₁..,₀: one inversion and a vector product per round instead of a matrix inverse per round.
  const hat = M.slice(1).map((row) => row.slice(1));
  const hatInv = invert(hat);
  const sparse: bigint[][] = new Array<bigint[]>(roundsP);
  let top = M[0]!.slice(1);
  let column = M.slice(1).map((r) => r[0]!);
  for (let k = 1; k <= roundsP; k++) {
    top = hatInv[0]!.map((_, j) => top.reduce((acc, x, i) => acc + x * hatInv[i]![j]!, 0n) % F);
    sparse[roundsP - k] = [M[0]![0]!, ...top, ...column];
    column = apply(hat, column);
  }
  const p = [M[0]!.map((x) => x % F), ...times(power(hat, roundsP), M.slice(1))];
  return { t, roundsP, c, s: sparse.flat(), m: M.flat(), p: p.flat() };
}

/** Aᵉ by squaring (e ≥ 1). */
function power(a: Matrix, e: number): Matrix {
  let result: Matrix | undefined;
  let base = a;
  for (let k = e; k > 0; k >>= 1) {
    if (k & 1) result = result ? times(result, base) : base;
    if (k > 1) base = times(base, base);
  }
  return result!;
}
