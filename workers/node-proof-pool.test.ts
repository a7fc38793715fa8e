import { describe, expect, it } from 'vitest';
import { checkKey, verifyProofs, verifyProofsHere, type WireProof } from '../src/core/proof/proof-pool';
import { verifyGroth16 } from '../src/core/proof/groth16';
import { codeOf } from '../src/core/errors.test-util';
import { encodeProof } from '../src/core/proof/groth16-encoding';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from '../src/core/proof/groth16-json';
import { loadCircuit } from '../src/core/proof/groth16-vectors.test-util';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import { nodeProofWorker } from './node-proof-pool';
import { endpointFromPort } from './node-worker';
import { proofWorkerHandle } from './proof-worker-handle';

const v = loadCircuit('poseidon-leaf');
const base: WireProof[] = v.proofs.slice(0, 4).map((p) => ({ proof: encodeProof(parseProofJson(p.proof)), publicSignals: parsePublicSignalsJson(p.publicSignals) }));
const many = (n: number): WireProof[] => Array.from({ length: n }, (_, i) => base[i % base.length]!);
const spoil = (w: WireProof): WireProof => ({ ...w, publicSignals: [w.publicSignals[0]! + 1n, ...w.publicSignals.slice(1)] });

describe('when a month\'s proofs are spread over two worker threads', () => {
  it('accepts valid proofs and reports progress up to the total', async () => {
    const seen: number[] = [];
    const r = await verifyProofs(v.vkey, many(96), { threads: 2, minPerThread: 16, spawn: nodeProofWorker, onProgress: (p) => seen.push(p.done) });
    expect(r).toMatchObject({ ok: true, combined: true });
    expect(r.results).toHaveLength(96);
    expect(Math.max(...seen)).toBe(96);
  }, 120_000);

  it('names the one bad proof, as the in-thread run does', async () => {
    const items = many(96);
    items[70] = spoil(items[70]!);
    const pooled = await verifyProofs(v.vkey, items, { threads: 2, minPerThread: 16, spawn: nodeProofWorker });
    const here = await verifyProofs(v.vkey, items);
    expect(pooled.results.flatMap((x, i) => (x.ok ? [] : [i]))).toEqual([70]);
    expect(pooled.results).toEqual(here.results);
  }, 120_000);

  it('a key outside the subgroup fails in the caller with its code, as the in-thread run does', async () => {
    const bad = v.mutations.find((m) => m.name === 'vk_delta_2 on the twist, outside the subgroup')!.vkey;
    expect(() => checkKey(bad)).not.toThrow();
    await expect(verifyProofs(bad, many(40), { threads: 2, minPerThread: 16, spawn: nodeProofWorker })).rejects.toMatchObject({ code: 'PROOF_POINT_NOT_IN_SUBGROUP' });
    await expect(verifyProofs(bad, many(40))).rejects.toMatchObject({ code: 'PROOF_POINT_NOT_IN_SUBGROUP' });
  }, 120_000);

  it('fails, instead of waiting for ever, when a worker dies', async () => {
    const dying = () => {
      const w = new Worker('process.exit(3)', { eval: true });
      return proofWorkerHandle(wrap(endpointFromPort(w)), () => { void w.terminate(); }, (listener) => { w.on('exit', (code) => listener(`exited with code ${code}`)); });
    };
    await expect(verifyProofs(v.vkey, many(40), { threads: 2, minPerThread: 16, spawn: dying })).rejects.toThrow('a proof worker failed: exited with code 3');
  });

  it('starts no worker for a month of fewer than 256 proofs (two threads of 128), and one per thread above', async () => {
    let spawned = 0;
    const counting = () => { spawned++; return nodeProofWorker(); };
    expect((await verifyProofs(v.vkey, many(255), { threads: 2, spawn: counting })).ok).toBe(true);
    expect(spawned).toBe(0);
    expect((await verifyProofs(v.vkey, many(256), { threads: 2, spawn: counting })).ok).toBe(true);
    expect(spawned).toBe(2);
  }, 120_000);

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    const run = verifyProofs(v.vkey, many(400), { threads: 2, minPerThread: 16, spawn: nodeProofWorker, signal: abort.signal, onProgress: (p) => { if (p.done > 0) abort.abort(new Error('cancelled by the user')); } });
    await expect(run).rejects.toThrow('cancelled by the user');
  }, 120_000);
});

describe('when the proofs are checked in this thread', () => {
  it('a cancelled run stops between chunks', async () => {
    const abort = new AbortController();
    abort.abort(new Error('stop'));
    await expect(verifyProofs(v.vkey, many(64), { signal: abort.signal })).rejects.toThrow('stop');
  });

  it('a proof that does not decode fails alone with its code', async () => {
    const items = many(8);
    items[3] = { ...items[3]!, proof: new Uint8Array(128) };
    const r = await verifyProofs(v.vkey, items);
    expect(r.results.map((x) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'ok', 'ok', 'PROOF_MALFORMED_ENCODING', 'ok', 'ok', 'ok', 'ok']);
  });
});

describe.each(['poseidon-leaf', 'secret-product', 'weighted-sum'])('when the verifying key of %s is mutated', (name) => {
  const c = loadCircuit(name);
  const keyMutations = c.mutations.filter((m) => m.vkey !== undefined);
  it.each(keyMutations.map((m) => [m.name, m] as const))('%s: the deferred-subgroup path gives noble\'s code', async (_n, m) => {
    const signals = parsePublicSignalsJson(m.publicSignals ?? c.publicSignals);
    const noble = codeOf(() => verifyGroth16(parseVerifyingKeyJson(m.vkey), parseProofJson(m.proof ?? c.proof), signals));
    let code: string;
    try {
      const r = await verifyProofsHere(m.vkey, [{ proof: m.proof ?? c.proof, publicSignals: signals }]);
      code = r.results[0]!.ok ? 'ok' : r.results[0]!.code;
    } catch (e) {
      code = (e as { code?: string }).code ?? String(e);
    }
    expect(code).toBe(noble);
  });
});
