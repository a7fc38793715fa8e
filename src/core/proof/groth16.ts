/**
 * Groth16 verification over BN254 (eprint 2016/260 §3.2): e(A, B) = e(α, β) · e(L, γ) · e(C, δ) with
 * L = IC₀ + Σ xᵢ·ICᵢ, checked as one multi-Miller-loop and one final exponentiation. Batches of proofs of one key
 * use a random linear combination (128-bit scalars) so that a single bad proof makes the whole batch fail.
 */
import { bn254 } from '@noble/curves/bn254.js';
import { VerifyError, type VerifyCode } from '../errors';
import { Fp12, G1Point, R, type G1, type G2 } from './bn254';
import { checkPublicInput } from './groth16-json';
import type { Groth16Proof, Groth16VerifyingKey } from './groth16-types';

type Fp12T = ReturnType<typeof bn254.millerLoopBatch>;
type Lines = ReturnType<typeof bn254.utils.calcPairingPrecomputes>;
type MillerPair = [Lines, bigint, bigint];

/** What one key costs once: the Miller loop of (α, β) and the line coefficients of β, γ and δ. */
interface PreparedKey {
  alphaBeta: Fp12T;
  betaLines: Lines;
  gammaLines: Lines;
  deltaLines: Lines;
}

const prepared = new WeakMap<Groth16VerifyingKey, PreparedKey>();

function prepare(vk: Groth16VerifyingKey): PreparedKey {
  let p = prepared.get(vk);
  if (!p) {
    const betaLines = bn254.utils.calcPairingPrecomputes(vk.beta);
    const a = vk.alpha.toAffine();
    p = {
      alphaBeta: bn254.millerLoopBatch([[betaLines, a.x, a.y]]),
      betaLines,
      gammaLines: bn254.utils.calcPairingPrecomputes(vk.gamma),
      deltaLines: bn254.utils.calcPairingPrecomputes(vk.delta),
    };
    prepared.set(vk, p);
  }
  return p;
}

/** A Miller-loop term e(P, Q) with Q's lines; the identity contributes 1 and is left out. */
function term(lines: Lines, p: G1, out: MillerPair[]): void {
  if (p.is0()) return;
  const { x, y } = p.toAffine();
  out.push([lines, x, y]);
}

function linesOf(q: G2): Lines {
  return bn254.utils.calcPairingPrecomputes(q);
}

/** Σ sⱼ·Pⱼ for public scalars (variable time: every input here is public). */
function linearCombination(points: readonly G1[], scalars: readonly bigint[]): G1 {
  let acc = G1Point.ZERO;
  for (let j = 0; j < points.length; j++) {
    const s = scalars[j]!;
    if (s !== 0n && !points[j]!.is0()) acc = acc.add(points[j]!.multiplyUnsafe(s));
  }
  return acc;
}

function checkPublicSignals(vk: Groth16VerifyingKey, publicSignals: readonly bigint[]): void {
  if (publicSignals.length !== vk.nPublic) {
    throw new VerifyError('PROOF_PUBLIC_COUNT', `${publicSignals.length} public inputs given, the key expects ${vk.nPublic}`, { given: publicSignals.length, expected: vk.nPublic });
  }
  publicSignals.forEach((x, i) => checkPublicInput(x, i));
}

/** L = IC₀ + Σ xᵢ·ICᵢ₊₁: the public inputs' commitment. */
export function publicInputPoint(vk: Groth16VerifyingKey, publicSignals: readonly bigint[]): G1 {
  checkPublicSignals(vk, publicSignals);
  return linearCombination(vk.ic, [1n, ...publicSignals]);
}

/** The Groth16 equation as a product that equals 1 exactly when the proof is valid. */
function isValid(vk: Groth16VerifyingKey, proof: Groth16Proof, publicSignals: readonly bigint[]): boolean {
  const key = prepare(vk);
  const pairs: MillerPair[] = [];
  term(linesOf(proof.b), proof.a.negate(), pairs);
  term(key.gammaLines, publicInputPoint(vk, publicSignals), pairs);
  term(key.deltaLines, proof.c, pairs);
  const f = Fp12.mul(bn254.millerLoopBatch(pairs), key.alphaBeta);
  return Fp12.eql(Fp12.finalExponentiate(f), Fp12.ONE);
}

/** Verifies one proof; throws PROOF_PUBLIC_COUNT, PROOF_PUBLIC_INPUT_RANGE or PROOF_INVALID. */
export function verifyGroth16(vk: Groth16VerifyingKey, proof: Groth16Proof, publicSignals: readonly bigint[]): void {
  if (!isValid(vk, proof, publicSignals)) {
    throw new VerifyError('PROOF_INVALID', 'the Groth16 pairing equation does not hold for this proof and these public inputs', { nPublic: vk.nPublic });
  }
}

export interface BatchItem {
  proof: Groth16Proof;
  publicSignals: readonly bigint[];
}

/** Per-proof outcome as a plain value (it crosses worker boundaries). */
export type BatchItemResult = { ok: true } | { ok: false; code: VerifyCode; message: string };

export interface BatchResult {
  /** True when every proof verified. */
  ok: boolean;
  /** True when the combined check alone decided (all valid); false when proofs were re-checked one by one. */
  combined: boolean;
  results: BatchItemResult[];
}

export interface BatchOptions {
  /** Source of the random scalars; crypto.getRandomValues by default. Tests inject a seeded one. */
  randomBytes?: (length: number) => Uint8Array;
}

export function defaultRandomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A uniformly random nonzero 128-bit scalar. */
export function randomScalar(randomBytes: (length: number) => Uint8Array): bigint {
  const bytes = randomBytes(16);
  if (bytes.length !== 16) throw new RangeError('randomBytes must return the requested length');
  let s = 0n;
  for (const b of bytes) s = (s << 8n) | BigInt(b);
  return s === 0n ? 1n : s;
}

/**
 * ∏ e(rᵢAᵢ, Bᵢ) = e((Σrᵢ)α, β) · e(Σ rᵢLᵢ, γ) · e(Σ rᵢCᵢ, δ) for random rᵢ: one Miller loop per proof plus three,
 * one final exponentiation. A batch holding any invalid proof passes with probability about 2⁻¹²⁸.
 */
function isBatchValid(vk: Groth16VerifyingKey, items: readonly BatchItem[], randomBytes: (length: number) => Uint8Array): boolean {
  const key = prepare(vk);
  const pairs: MillerPair[] = [];
  const icScalars = new Array<bigint>(vk.nPublic + 1).fill(0n);
  const cs: G1[] = [];
  const rs: bigint[] = [];
  for (const { proof, publicSignals } of items) {
    const r = randomScalar(randomBytes);
    term(linesOf(proof.b), proof.a.multiplyUnsafe(r).negate(), pairs);
    icScalars[0] = (icScalars[0]! + r) % R;
    publicSignals.forEach((x, j) => { icScalars[j + 1] = (icScalars[j + 1]! + r * x) % R; });
    cs.push(proof.c);
    rs.push(r);
  }
  term(key.betaLines, vk.alpha.multiplyUnsafe(icScalars[0]!), pairs);
  term(key.gammaLines, linearCombination(vk.ic, icScalars), pairs);
  term(key.deltaLines, linearCombination(cs, rs), pairs);
  return Fp12.eql(Fp12.finalExponentiate(bn254.millerLoopBatch(pairs)), Fp12.ONE);
}

/** A coded failure as a plain per-item result (it crosses worker boundaries); other errors propagate. */
export function outcome(fn: () => void): BatchItemResult {
  try {
    fn();
    return { ok: true };
  } catch (e) {
    if (e instanceof VerifyError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/**
 * Verifies many proofs of one key with a single combined check; when it fails, re-checks each proof alone so the
 * result says which ones are bad. Proofs with the wrong number of public inputs or an input ≥ r fail on their own.
 */
export function verifyGroth16Batch(vk: Groth16VerifyingKey, items: readonly BatchItem[], options: BatchOptions = {}): BatchResult {
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const shape = items.map((it) => outcome(() => checkPublicSignals(vk, it.publicSignals)));
  const wellFormed = items.filter((_, i) => shape[i]!.ok);
  if (wellFormed.length === items.length && (items.length === 0 || isBatchValid(vk, items, randomBytes))) {
    return { ok: true, combined: true, results: shape };
  }
  const results = items.map((it, i) => (shape[i]!.ok ? outcome(() => verifyGroth16(vk, it.proof, it.publicSignals)) : shape[i]!));
  return { ok: results.every((r) => r.ok), combined: false, results };
}
