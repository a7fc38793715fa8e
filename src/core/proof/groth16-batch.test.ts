import { describe, expect, it } from 'vitest';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from './groth16-json';
import { randomScalar, verifyGroth16, verifyGroth16Batch, type BatchItem, type BatchItemResult } from './groth16';
import { errorOf } from '../errors.test-util';
import { VerifyError } from '../errors';
import { loadCircuit } from './groth16-vectors.test-util';

/** A seeded byte source (xorshift32), so a failing batch can be replayed. */
function seeded(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0 || 1;
  return (n) => Uint8Array.from({ length: n }, () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s & 0xff;
  });
}

function oneByOne(vk: ReturnType<typeof parseVerifyingKeyJson>, items: BatchItem[]): BatchItemResult[] {
  return items.map((it) => {
    try {
      verifyGroth16(vk, it.proof, it.publicSignals);
      return { ok: true };
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      return { ok: false, code: e.code, message: e.message };
    }
  });
}

const v = loadCircuit('poseidon-leaf');
const vk = parseVerifyingKeyJson(v.vkey);
const good: BatchItem[] = v.proofs.slice(0, 4).map((p) => ({ proof: parseProofJson(p.proof), publicSignals: parsePublicSignalsJson(p.publicSignals) }));

/** Ways to make one item bad while every point stays valid (so only the pairing check can catch it). */
const SPOILERS: Record<string, (it: BatchItem, other: BatchItem) => BatchItem> = {
  'a public input +1': (it) => ({ ...it, publicSignals: [it.publicSignals[0]! + 1n, ...it.publicSignals.slice(1)] }),
  'C from another proof': (it, other) => ({ ...it, proof: { ...it.proof, c: other.proof.c } }),
  'A negated': (it) => ({ ...it, proof: { ...it.proof, a: it.proof.a.negate() } }),
  'B from another proof': (it, other) => ({ ...it, proof: { ...it.proof, b: other.proof.b } }),
  'one input too many': (it) => ({ ...it, publicSignals: [...it.publicSignals, 1n] }),
};

describe('when every proof in the batch is valid', () => {
  it('accepts them with the combined check alone', () => {
    const r = verifyGroth16Batch(vk, good, { randomBytes: seeded(1) });
    expect(r).toMatchObject({ ok: true, combined: true });
    expect(r.results.every((x) => x.ok)).toBe(true);
  });

  it('accepts an empty batch', () => {
    expect(verifyGroth16Batch(vk, []).ok).toBe(true);
  });

  it('accepts with the default (crypto.getRandomValues) scalars', () => {
    expect(verifyGroth16Batch(vk, good.slice(0, 3)).ok).toBe(true);
  });
});

describe.each(Object.keys(SPOILERS))('when one proof of the batch has %s', (spoiler) => {
  it.each([0, 3])('rejects the batch and names exactly proof #%i, as one-by-one verification does', (bad) => {
    const items = good.map((it, i) => (i === bad ? SPOILERS[spoiler]!(it, good[(i + 1) % good.length]!) : it));
    const r = verifyGroth16Batch(vk, items, { randomBytes: seeded(bad + 11) });
    expect(r.ok).toBe(false);
    expect(r.combined).toBe(false);
    expect(r.results).toEqual(oneByOne(vk, items));
    expect(r.results.map((x) => x.ok)).toEqual(items.map((_, i) => i !== bad));
  });
});

describe('when two bad proofs are crafted to cancel in an unweighted sum', () => {
  it('still rejects: C₁ + Δ and C₂ − Δ break the equation only with random weights', () => {
    const delta = good[2]!.proof.c;
    const items = good.slice(0, 4).map((it, i) => (i === 0 ? { ...it, proof: { ...it.proof, c: it.proof.c.add(delta) } }
      : i === 1 ? { ...it, proof: { ...it.proof, c: it.proof.c.subtract(delta) } } : it));
    // With all weights equal to one (a broken RNG) the forged pair would pass the combined check.
    const ones = (n: number): Uint8Array => { const b = new Uint8Array(n); b[n - 1] = 1; return b; };
    expect(verifyGroth16Batch(vk, items, { randomBytes: ones }).combined).toBe(true);
    const r = verifyGroth16Batch(vk, items, { randomBytes: seeded(5) });
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => x.ok)).toEqual([false, false, true, true]);
  });
});

describe('when a batch mixes several good and bad proofs', () => {
  it('matches one-by-one verification item for item', () => {
    const names = Object.keys(SPOILERS);
    const items = good.map((it, i) => (i % 3 === 1 ? SPOILERS[names[i % names.length]!]!(it, good[(i + 2) % good.length]!) : it));
    const r = verifyGroth16Batch(vk, items, { randomBytes: seeded(99) });
    expect(r.ok).toBe(false);
    expect(r.results).toEqual(oneByOne(vk, items));
  });
});

describe('the random weights and the shape checks (fixtures built inside the tests)', () => {
  it('a weight is 16 random bytes read big-endian, never zero; a source that returns fewer bytes is refused', () => {
    expect(randomScalar(() => Uint8Array.from({ length: 16 }, (_, i) => i + 1))).toBe(0x0102030405060708090a0b0c0d0e0f10n);
    expect(randomScalar(() => new Uint8Array(16))).toBe(1n);
    expect(() => randomScalar(() => new Uint8Array(15))).toThrow(RangeError);
    expect(() => randomScalar(() => new Uint8Array(17))).toThrow('randomBytes must return the requested length');
  });

  it('a proof with the wrong number of public inputs fails on its own; the others are judged one by one', () => {
    const c = loadCircuit('poseidon-leaf');
    const key = parseVerifyingKeyJson(c.vkey);
    const items: BatchItem[] = c.proofs.slice(0, 3).map((p) => ({ proof: parseProofJson(p.proof), publicSignals: parsePublicSignalsJson(p.publicSignals) }));
    items[1] = { ...items[1]!, publicSignals: [...items[1]!.publicSignals, 0n] };
    const r = verifyGroth16Batch(key, items);
    expect([r.ok, r.combined]).toEqual([false, false]);
    expect(r.results[0]).toEqual({ ok: true });
    expect(r.results[1]).toMatchObject({ ok: false, code: 'PROOF_PUBLIC_COUNT' });
    expect(r.results[2]).toEqual({ ok: true });
    const e = errorOf(() => verifyGroth16(key, items[1]!.proof, items[1]!.publicSignals));
    expect([e.code, e.evidence]).toEqual(['PROOF_PUBLIC_COUNT', { given: key.nPublic + 1, expected: key.nPublic }]);
  });
});
