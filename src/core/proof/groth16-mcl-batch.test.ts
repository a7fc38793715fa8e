/**
 * The mcl engine's batch at its edges: chunks and progress, items that fail to decode or have the wrong shape, a
 * chunk with nothing to fold, the verdict's flags, and the key's deferred subgroup test. Fixtures are built inside
 * the tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { errorOf } from '../errors.test-util';
import { R } from './bn254';
import { encodeProof } from './groth16-encoding';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from './groth16-json';
import { mclKey, verifyGroth16BatchMcl, verifyGroth16Mcl, type McItem } from './groth16-mcl';
import type { Groth16VerifyingKey } from './groth16-types';
import { loadCircuit } from './groth16-vectors.test-util';
import { loadMcl, type Mcl } from './mcl';
import { decodeProofMcl } from './mcl-points';
import { twistPointOutsideSubgroup } from './twist-points.test-util';

let mcl: Mcl;
beforeAll(async () => { mcl = await loadMcl(); });

interface Wire { bytes: Uint8Array; publicSignals: bigint[] }
function fixture(n: number) {
  const c = loadCircuit('poseidon-leaf');
  const vk = parseVerifyingKeyJson(c.vkey);
  const base = c.proofs.slice(0, 4).map((p) => ({ bytes: encodeProof(parseProofJson(p.proof)), publicSignals: parsePublicSignalsJson(p.publicSignals) }));
  const items: Wire[] = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]! }));
  return { vk, key: mclKey(mcl, vk), items };
}
const decode = (w: Wire): McItem => ({ proof: decodeProofMcl(mcl, w.bytes), publicSignals: w.publicSignals });
const spoil = (w: Wire): Wire => ({ ...w, publicSignals: [w.publicSignals[0]! + 1n, ...w.publicSignals.slice(1)] });
const garbled = (w: Wire): Wire => ({ ...w, bytes: w.bytes.slice(0, -1) });

describe('a batch on the mcl engine', () => {
  it('reports progress after each chunk, up to the total and never past it', () => {
    const { key, items } = fixture(7);
    const seen: [number, number][] = [];
    expect(verifyGroth16BatchMcl(mcl, key, items, decode, { chunk: 3, onProgress: (d, t) => seen.push([d, t]) }).ok).toBe(true);
    expect(seen).toEqual([[3, 7], [6, 7], [7, 7]]);
    const one: number[] = [];
    verifyGroth16BatchMcl(mcl, key, items.slice(0, 3), decode, { chunk: 0, onProgress: (d) => one.push(d) });
    expect(one).toEqual([1, 2, 3]);
    const byDefault: number[] = [];
    verifyGroth16BatchMcl(mcl, key, fixture(40).items, decode, { onProgress: (d) => byDefault.push(d) });
    expect(byDefault).toEqual([32, 40]);
  });

  it('an item that does not decode fails alone with its code; the others still count, and the batch is not ok', () => {
    const { key, items } = fixture(6);
    items[2] = garbled(items[2]!);
    const r = verifyGroth16BatchMcl(mcl, key, items, decode, { chunk: 2 });
    expect([r.ok, r.combined]).toEqual([false, true]);
    expect(r.results.map((x) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'ok', 'PROOF_MALFORMED_ENCODING', 'ok', 'ok', 'ok']);
  });

  it('a chunk whose items all fail on their own folds nothing, and a batch with nothing left is combined', () => {
    const { key, items } = fixture(6);
    items[2] = garbled(items[2]!);
    items[3] = { ...items[3]!, publicSignals: [] };
    const r = verifyGroth16BatchMcl(mcl, key, items, decode, { chunk: 2 });
    expect(r.results.map((x) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'ok', 'PROOF_MALFORMED_ENCODING', 'PROOF_PUBLIC_COUNT', 'ok', 'ok']);
    expect([r.ok, r.combined]).toEqual([false, true]);
    const none = verifyGroth16BatchMcl(mcl, key, items.slice(2, 4), decode);
    expect([none.ok, none.combined]).toEqual([false, true]);
    expect(verifyGroth16BatchMcl(mcl, key, [], decode)).toEqual({ ok: true, combined: true, results: [] });
  });

  it('a bad proof fails the combined check: not ok, not combined, and it alone named PROOF_INVALID', () => {
    const { key, items } = fixture(5);
    items[4] = spoil(items[4]!);
    const r = verifyGroth16BatchMcl(mcl, key, items, decode);
    expect([r.ok, r.combined]).toEqual([false, false]);
    expect(r.results.slice(0, 4).every((x) => x.ok)).toBe(true);
    expect(r.results[4]).toEqual({ ok: false, code: 'PROOF_INVALID', message: 'the Groth16 pairing equation does not hold for this proof and these public inputs' });
  });

  it('stops between chunks when cancelled', () => {
    const { key, items } = fixture(6);
    const c = new AbortController();
    const reason = new Error('stop');
    expect(() => verifyGroth16BatchMcl(mcl, key, items, decode, { chunk: 2, signal: c.signal, onProgress: (d) => { if (d === 2) c.abort(reason); } })).toThrow(reason);
  });
});

describe('one proof on the mcl engine', () => {
  it('refuses the wrong count and an input not below r with their codes and evidence, and a false statement with PROOF_INVALID', () => {
    const { key, items } = fixture(1);
    const item = decode(items[0]!);
    const count = errorOf(() => verifyGroth16Mcl(mcl, key, { ...item, publicSignals: [...item.publicSignals, 1n] }));
    expect([count.code, count.evidence, count.message]).toEqual(['PROOF_PUBLIC_COUNT', { given: key.nPublic + 1, expected: key.nPublic }, `${key.nPublic + 1} public inputs given, the key expects ${key.nPublic}`]);
    const range = errorOf(() => verifyGroth16Mcl(mcl, key, { ...item, publicSignals: [R, ...item.publicSignals.slice(1)] }));
    expect([range.code, range.evidence]).toEqual(['PROOF_PUBLIC_INPUT_RANGE', { index: 0, value: R.toString() }]);
    const invalid = errorOf(() => verifyGroth16Mcl(mcl, key, decode(spoil(items[0]!))));
    expect([invalid.code, invalid.evidence]).toEqual(['PROOF_INVALID', { nPublic: key.nPublic }]);
    expect(() => verifyGroth16Mcl(mcl, key, item)).not.toThrow();
  });
});

describe('a key in mcl form', () => {
  it('runs β, γ and δ\'s subgroup test only when the parser deferred it, naming the point', () => {
    const { vk } = fixture(0);
    for (const [field, swap] of [['vk_beta_2', 'beta'], ['vk_gamma_2', 'gamma'], ['vk_delta_2', 'delta']] as const) {
      const bad: Groth16VerifyingKey = { ...vk, [swap]: twistPointOutsideSubgroup() };
      const e = errorOf(() => mclKey(mcl, bad, false));
      expect([e.code, e.evidence]).toEqual(['PROOF_POINT_NOT_IN_SUBGROUP', { what: field }]);
      expect(() => mclKey(mcl, bad)).not.toThrow();
      expect(() => mclKey(mcl, bad, true)).not.toThrow();
    }
    expect(mclKey(mcl, vk, false).nPublic).toBe(vk.nPublic);
    expect(errorOf(() => mclKey(mcl, { ...vk, beta: twistPointOutsideSubgroup() }, false))).toBeInstanceOf(VerifyError);
  });
});
