/**
 * Groth16 over BN254 (eprint 2016/260 §3.2) on mcl-wasm: e(A, B) = e(α, β) · e(L, γ) · e(C, δ), checked as one
 * product of Miller loops (β, γ, δ precomputed per key) and one final exponentiation. Many proofs of one key are
 * checked with one random linear combination (128-bit scalars rᵢ):
 *   ∏ e(rᵢAᵢ, Bᵢ) · e(−(Σrᵢ)α, β) · e(−Σrᵢ·Lᵢ, γ) · e(−Σrᵢ·Cᵢ, δ) = 1,
 * one Miller loop per proof (a shared multi-Miller loop) and one final exponentiation. When the combination fails,
 * halving the set with the same scalars finds the bad proofs: a failing set whose left half passes has a failing
 * right half (the check is multiplicative), so k bad proofs among n cost about 2k·log₂(n) smaller checks.
 * The noble implementation (groth16.ts) is independent of this one; tests hold their verdicts equal.
 */
import { VerifyError } from '../errors';
import { R } from './bn254';
import { checkPublicInput } from './groth16-json';
import { defaultRandomBytes, outcome, randomScalar, type BatchItemResult, type BatchOptions, type BatchResult } from './groth16';
import type { Groth16VerifyingKey } from './groth16-types';
import { frOf, type Mcl, type McG1, type McG2 } from './mcl';
import { checkSubgroup, g1FromNoble, g2FromNoble, type McProof } from './mcl-points';

type McLib = Mcl;
type Precomputed = InstanceType<McLib['PrecomputedG2']>;

/** A verifying key in mcl form: −α, β, γ, δ, IC, and β, γ, δ's Miller-loop lines once a batch needs them. */
export interface McKey {
  nPublic: number;
  alphaNeg: McG1;
  beta: McG2;
  gamma: McG2;
  delta: McG2;
  ic: McG1[];
  lines?: { beta: Precomputed; gamma: Precomputed; delta: Precomputed };
}

/**
 * The key in mcl form. Its points were checked when it was parsed, except β, γ, δ's subgroup test when the parser
 * deferred it (`subgroupChecked: false`): then it runs here, on mcl (PROOF_POINT_NOT_IN_SUBGROUP).
 */
export function mclKey(mcl: Mcl, vk: Groth16VerifyingKey, subgroupChecked = true): McKey {
  const g2 = (p: Groth16VerifyingKey['beta'], what: string): McG2 => (subgroupChecked ? g2FromNoble(mcl, p) : checkSubgroup(mcl, g2FromNoble(mcl, p), what));
  return {
    nPublic: vk.nPublic,
    alphaNeg: mcl.neg(g1FromNoble(mcl, vk.alpha)),
    beta: g2(vk.beta, 'vk_beta_2'),
    gamma: g2(vk.gamma, 'vk_gamma_2'),
    delta: g2(vk.delta, 'vk_delta_2'),
    ic: vk.ic.map((p) => g1FromNoble(mcl, p)),
  };
}

function linesOf(mcl: Mcl, key: McKey): NonNullable<McKey['lines']> {
  key.lines ??= { beta: new mcl.PrecomputedG2(key.beta), gamma: new mcl.PrecomputedG2(key.gamma), delta: new mcl.PrecomputedG2(key.delta) };
  return key.lines;
}

export interface McItem {
  proof: McProof;
  publicSignals: readonly bigint[];
}

function checkSignals(key: McKey, publicSignals: readonly bigint[]): void {
  if (publicSignals.length !== key.nPublic) {
    throw new VerifyError('PROOF_PUBLIC_COUNT', `${publicSignals.length} public inputs given, the key expects ${key.nPublic}`, { given: publicSignals.length, expected: key.nPublic });
  }
  publicSignals.forEach((x, i) => checkPublicInput(x, i));
}

/** Σ sⱼ·Pⱼ (mcl's multi-scalar multiplication); the identity for an empty list. */
function msm(mcl: Mcl, points: McG1[], scalars: bigint[]): McG1 {
  if (points.length === 0) return new mcl.G1();
  return mcl.mulVec(points, scalars.map((s) => frOf(mcl, s)));
}

interface RawModule { _malloc(n: number): number; _free(p: number): void; HEAP32: Int32Array; _mclBn_millerLoopVec(f: number, p: number, q: number, n: number): void }

/** An mcl value's backing words (its layout in wasm memory). */
const words = (x: unknown): Uint32Array => (x as { a_: Uint32Array }).a_;

/** ∏ e(Pᵢ, Qᵢ) before the final exponentiation, through mcl's multi-Miller loop (chunks bound wasm memory). */
function millerLoopVec(mcl: Mcl, ps: readonly McG1[], qs: readonly McProof['b'][]): InstanceType<McLib['GT']> {
  const mod = (mcl as unknown as { mod: RawModule }).mod;
  let out = new mcl.GT();
  out.setInt(1);
  const CHUNK = 256;
  for (let start = 0; start < ps.length; start += CHUNK) {
    const n = Math.min(CHUNK, ps.length - start);
    const g1Words = words(ps[0]).length;
    const g2Words = words(qs[0]).length;
    const f = new mcl.GT();
    const pa = mod._malloc(4 * g1Words * n);
    const qa = mod._malloc(4 * g2Words * n);
    const fa = mod._malloc(4 * words(f).length);
    try {
      for (let i = 0; i < n; i++) {
        mod.HEAP32.set(words(ps[start + i]), pa / 4 + i * g1Words);
        mod.HEAP32.set(words(qs[start + i]), qa / 4 + i * g2Words);
      }
      mod._mclBn_millerLoopVec(fa, pa, qa, n);
      words(f).set(new Uint32Array(mod.HEAP32.buffer, fa, words(f).length));
      out = mcl.mul(out, f);
    } finally {
      mod._free(pa);
      mod._free(qa);
      mod._free(fa);
    }
  }
  return out;
}

/** One proof, one multi-Miller loop over its four pairs: throws PROOF_PUBLIC_COUNT, PROOF_PUBLIC_INPUT_RANGE or PROOF_INVALID. */
export function verifyGroth16Mcl(mcl: Mcl, key: McKey, item: McItem): void {
  checkSignals(key, item.publicSignals);
  const l = mcl.add(key.ic[0]!, msm(mcl, key.ic.slice(1), [...item.publicSignals]));
  const f = millerLoopVec(mcl, [item.proof.a, key.alphaNeg, mcl.neg(l), mcl.neg(item.proof.c)], [item.proof.b, key.beta, key.gamma, key.delta]);
  if (!mcl.finalExp(f).isOne()) {
    throw new VerifyError('PROOF_INVALID', 'the Groth16 pairing equation does not hold for this proof and these public inputs', { nPublic: key.nPublic });
  }
}

/** An item ready for combined checks: its scalar r and r·A, computed once and reused by every subset check. */
interface Weighted { item: McItem; r: bigint; ra: McG1 }

/**
 * The combined check over a subset (same scalars for every subset: the check is multiplicative over subsets);
 * `miller` is the subset's ∏ e(rᵢAᵢ, Bᵢ) when already computed.
 */
function combinedHolds(mcl: Mcl, key: McKey, set: readonly Weighted[], miller?: InstanceType<McLib['GT']>): boolean {
  const ic = new Array<bigint>(key.nPublic + 1).fill(0n);
  let s = 0n;
  for (const w of set) {
    s += w.r;
    ic[0] = (ic[0]! + w.r) % R;
    w.item.publicSignals.forEach((x, j) => { ic[j + 1] = (ic[j + 1]! + w.r * x) % R; });
  }
  let f = miller ?? millerLoopVec(mcl, set.map((w) => w.ra), set.map((w) => w.item.proof.b));
  const alpha = mcl.mul(key.alphaNeg, frOf(mcl, s % R));
  const lines = linesOf(mcl, key);
  f = mcl.mul(f, mcl.precomputedMillerLoop2(alpha, lines.beta, mcl.neg(msm(mcl, key.ic, ic)), lines.gamma));
  const c = msm(mcl, set.map((w) => w.item.proof.c), set.map((w) => w.r));
  f = mcl.mul(f, mcl.precomputedMillerLoop(mcl.neg(c), lines.delta));
  return mcl.finalExp(f).isOne();
}

/** Indexes of the bad items of a set known to fail, by halving. */
function badOf(mcl: Mcl, key: McKey, set: readonly (Weighted & { index: number })[], bad: Set<number>): void {
  if (set.length === 1) {
    bad.add(set[0]!.index);
    return;
  }
  const left = set.slice(0, set.length >> 1);
  const right = set.slice(set.length >> 1);
  if (combinedHolds(mcl, key, left)) {
    badOf(mcl, key, right, bad);
    return;
  }
  badOf(mcl, key, left, bad);
  if (!combinedHolds(mcl, key, right)) badOf(mcl, key, right, bad);
}

export interface McBatchOptions extends BatchOptions {
  /** Called after each chunk of proofs has been folded into the combined check: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; an aborted signal stops the run with its reason. */
  signal?: AbortSignal;
  /** Proofs per chunk (default 32). */
  chunk?: number;
}

/**
 * Many proofs of one key: one combined check, folded chunk by chunk (progress and cancel between chunks); on failure
 * the bad ones are found by halving and each is named with PROOF_INVALID. Items whose public inputs have the wrong
 * count or a value ≥ r fail on their own. `decode` turns an item into mcl points (it may throw a coded error for
 * that item alone), so decoding, the subgroup test and r·A are spread over the chunks too.
 */
export function verifyGroth16BatchMcl<T>(mcl: Mcl, key: McKey, items: readonly T[], decode: (item: T) => McItem, options: McBatchOptions = {}): BatchResult {
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const chunk = Math.max(1, options.chunk ?? 32);
  const results: BatchItemResult[] = new Array<BatchItemResult>(items.length);
  const set: (Weighted & { index: number })[] = [];
  let f = new mcl.GT();
  f.setInt(1);
  for (let start = 0; start < items.length; start += chunk) {
    options.signal?.throwIfAborted();
    const fresh: (Weighted & { index: number })[] = [];
    for (let index = start; index < Math.min(items.length, start + chunk); index++) {
      let item: McItem | undefined;
      results[index] = outcome(() => {
        item = decode(items[index]!);
        checkSignals(key, item.publicSignals);
      });
      if (!item || !results[index]!.ok) continue;
      const r = randomScalar(randomBytes);
      fresh.push({ item, index, r, ra: mcl.mul(item.proof.a, frOf(mcl, r)) });
    }
    if (fresh.length > 0) f = mcl.mul(f, millerLoopVec(mcl, fresh.map((w) => w.ra), fresh.map((w) => w.item.proof.b)));
    set.push(...fresh);
    options.onProgress?.(Math.min(items.length, start + chunk), items.length);
  }
  if (set.length === 0 || combinedHolds(mcl, key, set, f)) {
    return { ok: results.every((x) => x.ok), combined: true, results };
  }
  const bad = new Set<number>();
  badOf(mcl, key, set, bad);
  for (const i of bad) {
    results[i] = { ok: false, code: 'PROOF_INVALID', message: 'the Groth16 pairing equation does not hold for this proof and these public inputs' };
  }
  return { ok: false, combined: false, results };
}
