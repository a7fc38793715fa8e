/**
 * A month's Groth16 proofs verified on mcl-wasm with one random linear combination per thread, spread over worker
 * threads (each folds its share into one combined check; a failing share names its bad proofs by halving), with
 * progress ("proofs 640/1,300") and cancel. Workers are injected (`spawn`): nested Workers in the browser's verifier
 * Worker, worker_threads in Node (workers/); without them everything runs in this thread, chunk by chunk.
 */
import { VerifyError, type VerifyCode } from '../errors';
import { groth16Bn254Snarkjs } from './groth16-system';
import { outcome } from './groth16';
import { mclKey, verifyGroth16BatchMcl, verifyGroth16Mcl, type McItem, type McKey } from './groth16-mcl';
import type { BatchOptions, BatchResult } from './groth16';
import { loadMcl, type Mcl } from './mcl';
import { decodeProofMcl, parseProofJsonMcl } from './mcl-points';

/** One proof as it crosses a worker boundary: the compact bytes (or snarkjs JSON) and its public inputs. */
export interface WireProof {
  proof: Uint8Array | unknown;
  publicSignals: readonly bigint[];
}

/** A coded error as a value (a key that fails its checks in a worker; comlink would drop an error's code). */
export interface WireError {
  error: { code: VerifyCode; message: string; evidence: Record<string, unknown> };
}

/** What a proof worker serves (workers/proof-worker.ts). */
export interface ProofWorkerApi {
  verify(key: unknown, items: readonly WireProof[], onProgress: (done: number) => void): Promise<BatchResult | WireError>;
}

export interface ProofWorkerHandle {
  api: ProofWorkerApi;
  terminate(): void;
  /** Calls back once if the worker dies or cannot start (its calls would otherwise never answer). */
  onFailure(listener: (reason: string) => void): void;
}

export interface ProofProgress {
  done: number;
  total: number;
}

/** Where a month's proofs run besides this thread: a worker factory and how many to start. */
export interface ProofWorkers {
  /** How many workers to use (navigator.hardwareConcurrency / os.availableParallelism()). */
  threads: number;
  spawn: () => ProofWorkerHandle;
  /** Fewest proofs worth a thread of their own (default MIN_PER_THREAD); fewer proofs in all run in this thread. */
  minPerThread?: number;
}

export interface VerifyProofsOptions extends BatchOptions, Partial<ProofWorkers> {
  signal?: AbortSignal;
  onProgress?: (p: ProofProgress) => void;
}

/**
 * Below this many proofs per thread, starting workers costs more than it saves: a worker's start (its script and the
 * mcl-wasm module compiled again) takes a few hundred milliseconds, about as long as 100–300 batched proofs here.
 */
const MIN_PER_THREAD = 128;

function decoder(mcl: Mcl): (w: WireProof) => McItem {
  return (w) => ({ proof: w.proof instanceof Uint8Array ? decodeProofMcl(mcl, w.proof) : parseProofJsonMcl(mcl, w.proof), publicSignals: w.publicSignals });
}

const keys = new WeakMap<object, McKey>();

/** The key in mcl form, parsed and checked once per key object (every check; G2 subgroups on mcl). */
function keyOf(mcl: Mcl, input: unknown): McKey {
  const cached = typeof input === 'object' && input !== null ? keys.get(input) : undefined;
  if (cached) return cached;
  const key = mclKey(mcl, groth16Bn254Snarkjs.parseVerifyingKeyDeferred(input), false);
  if (typeof input === 'object' && input !== null) keys.set(input, key);
  return key;
}

/**
 * A key's checks that need no curve engine (format, coordinates, points on their curves), in this thread: a bad key
 * fails with its PROOF_ code before any worker starts. β, γ, δ's subgroup test runs where the proofs are verified.
 */
export function checkKey(input: unknown): void {
  groth16Bn254Snarkjs.parseVerifyingKeyDeferred(input);
}

/** Verify here, in this thread (what each worker runs on its share). The key is a snarkjs JSON key or compact bytes. */
export async function verifyProofsHere(key: unknown, items: readonly WireProof[], options: Omit<VerifyProofsOptions, 'threads' | 'spawn'> = {}): Promise<BatchResult> {
  const mcl = await loadMcl();
  const k = keyOf(mcl, key);
  const decode = decoder(mcl);
  if (items.length === 1) {
    // One proof: a plain multi-Miller loop over its four pairs (no scalars, no precomputed lines).
    const result = outcome(() => verifyGroth16Mcl(mcl, k, decode(items[0]!)));
    options.onProgress?.({ done: 1, total: 1 });
    return { ok: result.ok, combined: result.ok, results: [result] };
  }
  return verifyGroth16BatchMcl(mcl, k, items, decode, {
    ...(options.randomBytes ? { randomBytes: options.randomBytes } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done, total) => options.onProgress?.({ done, total }),
  });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Every proof of a month (all packages together) under one key. Results are per item, in order; `combined` is true
 * when every share passed its combined check.
 */
export async function verifyProofs(key: unknown, items: readonly WireProof[], options: VerifyProofsOptions = {}): Promise<BatchResult> {
  const perThread = Math.max(1, options.minPerThread ?? MIN_PER_THREAD);
  const threads = Math.min(options.spawn ? Math.max(1, options.threads ?? 1) : 1, Math.max(1, Math.floor(items.length / perThread)));
  if (threads <= 1 || !options.spawn) return verifyProofsHere(key, items, options);
  const signal = options.signal;
  signal?.throwIfAborted();
  const size = Math.ceil(items.length / threads);
  const shares = Array.from({ length: threads }, (_, t) => items.slice(t * size, (t + 1) * size)).filter((s) => s.length > 0);
  const done = shares.map(() => 0);
  const report = (): void => options.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: items.length });
  const workers = shares.map(() => options.spawn!());
  let onAbort: (() => void) | undefined;
  try {
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const died = new Promise<never>((_, reject) => {
      for (const w of workers) w.onFailure((reason) => reject(new Error(`a proof worker failed: ${reason}`)));
    });
    const runs = Promise.all(shares.map((share, t) => workers[t]!.api.verify(key, share, (d) => { done[t] = d; report(); })));
    const answers = await Promise.race(signal ? [runs, died, aborted] : [runs, died]);
    const parts = answers.map((r) => {
      if ('error' in r) throw new VerifyError(r.error.code, r.error.message, r.error.evidence);
      return r;
    });
    const results = parts.flatMap((r) => r.results);
    return { ok: results.every((r) => r.ok), combined: parts.every((r) => r.combined), results };
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    for (const w of workers) w.terminate();
  }
}
