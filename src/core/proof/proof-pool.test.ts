/**
 * The proof pool's sharing, in one thread: each "worker" here runs the proof worker's API (verifyProofsHere on its
 * share, a coded error returned as a value), so the split into shares, the order of results, progress, errors, a
 * worker's failure, cancel and the workers' clean-up are checked without starting threads (workers/ tests the
 * threads themselves). Fixtures are built inside the tests.
 */
import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { encodeProof } from './groth16-encoding';
import { parseProofJson, parsePublicSignalsJson } from './groth16-json';
import { loadCircuit } from './groth16-vectors.test-util';
import { proofWorkerApi } from '../../../workers/proof-worker';
import { verifyProofs, verifyProofsHere, type ProofWorkerHandle, type WireProof } from './proof-pool';

const circuit = () => loadCircuit('poseidon-leaf');
function proofs(n: number): WireProof[] {
  const base = circuit().proofs.slice(0, 4).map((p) => ({ proof: encodeProof(parseProofJson(p.proof)), publicSignals: parsePublicSignalsJson(p.publicSignals) }));
  return Array.from({ length: n }, (_, i) => base[i % base.length]!);
}
const spoil = (w: WireProof): WireProof => ({ ...w, publicSignals: [w.publicSignals[0]! + 1n, ...w.publicSignals.slice(1)] });

interface Log { shares: number[]; terminated: number; failures: ((reason: string) => void)[] }

/** A worker that runs the proof worker's own API (workers/proof-worker.ts) on its share, in this thread. */
function inThread(log: Log, verify?: ProofWorkerHandle['api']['verify']): () => ProofWorkerHandle {
  return () => ({
    api: {
      verify: verify ?? ((key, items, onProgress) => {
        log.shares.push(items.length);
        return proofWorkerApi.verify(key, items, onProgress);
      }),
    },
    terminate: () => { log.terminated++; },
    onFailure: (listener) => { log.failures.push(listener); },
  });
}
const newLog = (): Log => ({ shares: [], terminated: 0, failures: [] });

describe('a month\'s proofs spread over workers', () => {
  it('are cut into equal shares, one per thread, whose results come back in the items\' order', async () => {
    const log = newLog();
    const items = proofs(7);
    items[5] = spoil(items[5]!);
    const progress: { done: number; total: number }[] = [];
    const r = await verifyProofs(circuit().vkey, items, { threads: 3, minPerThread: 1, spawn: inThread(log), onProgress: (p) => progress.push(p) });
    expect(log.shares).toEqual([3, 3, 1]);
    expect(r.results.map((x) => x.ok)).toEqual([true, true, true, true, true, false, true]);
    expect(r.results).toEqual((await verifyProofsHere(circuit().vkey, items)).results);
    expect([r.ok, r.combined]).toEqual([false, false]);
    expect(progress.every((p) => p.total === 7)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: 7, total: 7 });
    expect(log.terminated).toBe(3);
  });

  it('all valid: ok and combined', async () => {
    const log = newLog();
    const r = await verifyProofs(circuit().vkey, proofs(8), { threads: 2, minPerThread: 2, spawn: inThread(log) });
    expect(log.shares).toEqual([4, 4]);
    expect([r.ok, r.combined, r.results.length]).toEqual([true, true, 8]);
    expect(r.results.every((x) => x.ok)).toBe(true);
  });

  it('use no more threads than give each at least minPerThread proofs (at least 1)', async () => {
    const log = newLog();
    await verifyProofs(circuit().vkey, proofs(10), { threads: 4, minPerThread: 4, spawn: inThread(log) });
    expect(log.shares).toEqual([5, 5]);
    const all = newLog();
    await verifyProofs(circuit().vkey, proofs(10), { threads: 4, minPerThread: 0, spawn: inThread(all) });
    expect(all.shares).toEqual([3, 3, 3, 1]);
  });

  it('run in this thread when one thread would do, or when there is no way to start a worker', async () => {
    for (const opts of [{ threads: 4, minPerThread: 6 }, { minPerThread: 1 }, { threads: 1, minPerThread: 1 }, { threads: 0, minPerThread: 1 }]) {
      const log = newLog();
      const r = await verifyProofs(circuit().vkey, proofs(10), { ...opts, spawn: inThread(log) });
      expect(log.shares, JSON.stringify(opts)).toEqual([]);
      expect(log.terminated).toBe(0);
      expect(r.results).toHaveLength(10);
    }
    expect((await verifyProofs(circuit().vkey, proofs(300), { threads: 4 })).ok).toBe(true);
  });

  it('with the default minimum, 255 proofs stay in this thread and 256 use two workers', async () => {
    const few = newLog();
    await verifyProofs(circuit().vkey, proofs(255), { threads: 2, spawn: inThread(few) });
    expect(few.shares).toEqual([]);
    const enough = newLog();
    await verifyProofs(circuit().vkey, proofs(256), { threads: 2, spawn: inThread(enough) });
    expect(enough.shares).toEqual([128, 128]);
  });

  it('a key a worker refuses fails the call with the worker\'s code, message and evidence', async () => {
    const log = newLog();
    const refused = inThread(log, async () => ({ error: { code: 'PROOF_POINT_NOT_IN_SUBGROUP' as const, message: 'vk_delta_2: outside', evidence: { what: 'vk_delta_2' } } }));
    const e = await verifyProofs(circuit().vkey, proofs(4), { threads: 2, minPerThread: 1, spawn: refused }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VerifyError);
    expect(e).toMatchObject({ code: 'PROOF_POINT_NOT_IN_SUBGROUP', message: 'vk_delta_2: outside', evidence: { what: 'vk_delta_2' } });
    expect(log.terminated).toBe(2);
  });

  it('a worker that dies fails the call instead of leaving it waiting', async () => {
    const log = newLog();
    const stuck = inThread(log, () => new Promise(() => undefined));
    const run = verifyProofs(circuit().vkey, proofs(4), { threads: 2, minPerThread: 1, spawn: stuck });
    await Promise.resolve();
    expect(log.failures).toHaveLength(2);
    log.failures[1]!('out of memory');
    await expect(run).rejects.toThrow('a proof worker failed: out of memory');
    expect(log.terminated).toBe(2);
  });

  it('a cancel before the start spawns nothing; a cancel during the run rejects with its reason and stops the workers', async () => {
    const before = new AbortController();
    before.abort(new Error('left the page'));
    const none = newLog();
    await expect(verifyProofs(circuit().vkey, proofs(4), { threads: 2, minPerThread: 1, spawn: inThread(none), signal: before.signal })).rejects.toThrow('left the page');
    expect(none.shares).toEqual([]);
    const during = new AbortController();
    const log = newLog();
    const run = verifyProofs(circuit().vkey, proofs(4), { threads: 2, minPerThread: 1, spawn: inThread(log, () => new Promise(() => undefined)), signal: during.signal });
    const reason = new Error('cancelled');
    during.abort(reason);
    await expect(run).rejects.toBe(reason);
    expect(log.terminated).toBe(2);
  });

  it('a finished run leaves no listener on the signal: a later cancel changes nothing', async () => {
    const c = new AbortController();
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const signal = c.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, l: EventListener, o?: AddEventListenerOptions) => { added.push(l); add(type, l, o); }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, l: EventListener) => { removed.push(l); remove(type, l); }) as typeof signal.removeEventListener;
    const r = await verifyProofs(circuit().vkey, proofs(4), { threads: 2, minPerThread: 1, spawn: inThread(newLog()), signal });
    expect(r.ok).toBe(true);
    expect(added).toHaveLength(1);
    expect(removed).toEqual(added);
  });
});

describe('proofs verified in this thread', () => {
  it('one proof: its result, progress 1 of 1, and combined as its result', async () => {
    const seen: unknown[] = [];
    const [good] = proofs(1);
    expect(await verifyProofsHere(circuit().vkey, [good!], { onProgress: (p) => seen.push(p) })).toMatchObject({ ok: true, combined: true, results: [{ ok: true }] });
    expect(seen).toEqual([{ done: 1, total: 1 }]);
    expect(await verifyProofsHere(circuit().vkey, [spoil(good!)])).toMatchObject({ ok: false, combined: false, results: [{ ok: false, code: 'PROOF_INVALID' }] });
  });

  it('accepts snarkjs JSON proofs as well as compact bytes', async () => {
    const json = circuit().proofs.slice(0, 3).map((p) => ({ proof: p.proof, publicSignals: parsePublicSignalsJson(p.publicSignals) }));
    expect((await verifyProofsHere(circuit().vkey, json)).results.map((r) => r.ok)).toEqual([true, true, true]);
  });

  it('parses and checks a key object once: later calls with the same object reuse it', async () => {
    const key = structuredClone(circuit().vkey) as Record<string, unknown>;
    expect((await verifyProofsHere(key, proofs(2))).ok).toBe(true);
    key.vk_alpha_1 = ['1', '1', '1'];
    expect((await verifyProofsHere(key, proofs(2))).ok).toBe(true);
    await expect(verifyProofsHere({ ...key }, proofs(2))).rejects.toMatchObject({ code: 'PROOF_POINT_NOT_ON_CURVE' });
  });
});
