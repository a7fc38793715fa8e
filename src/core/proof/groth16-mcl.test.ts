import { beforeAll, describe, expect, it } from 'vitest';
import { bn254 } from '@noble/curves/bn254.js';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from './groth16-json';
import { verifyGroth16, verifyGroth16Batch, type BatchItem } from './groth16';
import { decodeProof as decodeNoble, encodeProof } from './groth16-encoding';
import { mclKey, verifyGroth16BatchMcl, verifyGroth16Mcl, type McItem } from './groth16-mcl';
import { decodeProofMcl, g2FromNoble, parseProofJsonMcl } from './mcl-points';
import { frOf, loadMcl, mclConstants, type Mcl } from './mcl';
import { isInG2, mulPlain, type TwistOps } from './g2-subgroup';
import { CIRCUITS, loadCircuit, type Mutation } from './groth16-vectors.test-util';
import { codeOf } from '../errors.test-util';
import { twistPointAt } from './twist-points.test-util';
import type { Groth16Proof, Groth16VerifyingKey } from './groth16-types';

let mcl: Mcl;
beforeAll(async () => { mcl = await loadMcl(); });

/** A seeded byte source (xorshift32), so a failing batch can be replayed. */
function seeded(seed: number): (n: number) => Uint8Array {
  let s = seed >>> 0 || 1;
  return (n) => Uint8Array.from({ length: n }, () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s & 0xff;
  });
}

describe('the endomorphism G2 subgroup test', () => {
  const { Fp, Fp2 } = bn254.fields;
  const G2 = bn254.G2.Point;
  type Pt = InstanceType<typeof G2>;
  const p = Fp.ORDER;
  const xi = { c0: 9n, c1: 1n };
  const gx = Fp2.pow(xi, (p - 1n) / 3n);
  const gy = Fp2.pow(xi, (p - 1n) / 2n);
  const conj = (a: { c0: bigint; c1: bigint }) => ({ c0: a.c0, c1: Fp.neg(a.c1) });
  const noble: TwistOps<Pt> = {
    add: (a, b) => a.add(b), dbl: (a) => a.double(), eq: (a, b) => a.equals(b),
    psi: (a) => { if (a.is0()) return a; const { x, y } = a.toAffine(); return G2.fromAffine({ x: Fp2.mul(conj(x), gx), y: Fp2.mul(conj(y), gy) }); },
  };
  /** Points of the twist found from x = (7919·s, s); almost none is in G2 (the cofactor is about 2^254). */
  const twistPoints = (count: number): Pt[] => {
    const out: Pt[] = [];
    for (let s = 1n; out.length < count; s++) {
      const q = twistPointAt({ c0: s * 7919n, c1: s });
      if (q) out.push(q);
    }
    return out;
  };
  const r = bn254.fields.Fr.ORDER;
  const naive = (q: Pt): boolean => mulPlain(noble, q, r).is0();

  it('accepts the generator and its multiples, on noble and on mcl', () => {
    for (const k of [1n, 2n, 12345n, 2n ** 200n + 7n, r - 1n]) {
      const q = G2.BASE.multiply(k);
      expect(isInG2(noble, q)).toBe(true);
      expect(isInG2(mclConstants(mcl).ops, g2FromNoble(mcl, q))).toBe(true);
    }
  });

  it('agrees with [r]Q = O on points outside G2: random twist points, their cofactor parts and mixtures', () => {
    const points = twistPoints(6);
    const cofactorParts = points.slice(0, 3).map((q) => mulPlain(noble, q, r));
    const mixed = cofactorParts.map((c) => c.add(G2.BASE.multiply(99n)));
    for (const q of [...points, ...cofactorParts.filter((c) => !c.is0()), ...mixed]) {
      expect(naive(q)).toBe(false);
      expect(isInG2(noble, q)).toBe(false);
      expect(isInG2(mclConstants(mcl).ops, g2FromNoble(mcl, q))).toBe(false);
    }
  });
});

describe.each(CIRCUITS)('circuit %s: the mcl engine and the noble engine agree', (name) => {
  const v = loadCircuit(name);
  const vk = parseVerifyingKeyJson(v.vkey);
  const mclRun = (key: Groth16VerifyingKey, proof: unknown, signals: unknown): string => codeOf(() => {
    verifyGroth16Mcl(mcl, mclKey(mcl, key), { proof: parseProofJsonMcl(mcl, proof), publicSignals: parsePublicSignalsJson(signals) });
  });
  const nobleRun = (key: Groth16VerifyingKey, proof: unknown, signals: unknown): string => codeOf(() => {
    verifyGroth16(key, parseProofJson(proof), parsePublicSignalsJson(signals));
  });

  it('accepts every valid proof, from JSON and from the compact bytes', () => {
    for (const { proof, publicSignals } of v.proofs.slice(0, 4)) {
      expect(mclRun(vk, proof, publicSignals)).toBe('ok');
      const bytes = encodeProof(parseProofJson(proof));
      expect(codeOf(() => verifyGroth16Mcl(mcl, mclKey(mcl, vk), { proof: decodeProofMcl(mcl, bytes), publicSignals: parsePublicSignalsJson(publicSignals) }))).toBe('ok');
    }
  });

  it.each(v.mutations.map((m: Mutation) => [m.name, m] as const))('gives the same code as noble for %s', (_n, m) => {
    const key = (): Groth16VerifyingKey => (m.vkey === undefined ? vk : parseVerifyingKeyJson(m.vkey));
    const expected = nobleRun(vk, m.proof ?? v.proof, m.publicSignals ?? v.publicSignals);
    if (m.vkey !== undefined) {
      expect(codeOf(() => mclRun(key(), m.proof ?? v.proof, m.publicSignals ?? v.publicSignals))).toBe(codeOf(() => nobleRun(key(), m.proof ?? v.proof, m.publicSignals ?? v.publicSignals)));
      return;
    }
    expect(mclRun(vk, m.proof ?? v.proof, m.publicSignals ?? v.publicSignals)).toBe(expected);
    expect(expected).toBe(m.expect);
  });
});

describe('when the compact encoding is tampered with', () => {
  const v = loadCircuit('poseidon-leaf');
  const bytes = encodeProof(parseProofJson(v.proof));
  it.each([0, 1, 31, 32, 33, 63, 64, 95, 96, 127])('byte %i flipped: the same code as the noble decoder', (i) => {
    const bad = bytes.slice();
    bad[i]! ^= 0x04;
    const vk = parseVerifyingKeyJson(v.vkey);
    const signals = parsePublicSignalsJson(v.publicSignals);
    const nobleCode = codeOf(() => verifyGroth16(vk, decodeNoble(bad), signals));
    expect(codeOf(() => verifyGroth16Mcl(mcl, mclKey(mcl, vk), { proof: decodeProofMcl(mcl, bad), publicSignals: signals }))).toBe(nobleCode);
  });
});

/** Groth16 re-randomisation: A′ = A/θ, B′ = θ·B + θ·ρ·δ, C′ = C + ρ·A proves the same statement. */
function rerandomise(proof: Groth16Proof, vk: Groth16VerifyingKey, theta: bigint, rho: bigint): Groth16Proof {
  const Fr = bn254.fields.Fr;
  return {
    a: proof.a.multiply(Fr.inv(theta)),
    b: proof.b.multiply(theta).add(vk.delta.multiply(Fr.mul(theta, rho))),
    c: proof.c.add(proof.a.multiply(rho)),
  };
}

describe('batch verification', () => {
  const v = loadCircuit('poseidon-leaf');
  const vk = parseVerifyingKeyJson(v.vkey);
  const base: BatchItem[] = v.proofs.slice(0, 4).map((p) => ({ proof: parseProofJson(p.proof), publicSignals: parsePublicSignalsJson(p.publicSignals) }));
  // Distinct valid proofs of the same statements: re-randomised copies.
  const copies: BatchItem[] = Array.from({ length: 12 }, (_, i) => {
    const it = base[i % base.length]!;
    return { ...it, proof: rerandomise(it.proof, vk, BigInt(1000 + i), BigInt(77 + i)) };
  });
  const same = (it: McItem): McItem => it;
  const toMcl = (items: readonly BatchItem[]): McItem[] => items.map((it) => ({ proof: decodeProofMcl(mcl, encodeProof(it.proof)), publicSignals: it.publicSignals }));

  it('re-randomised copies are valid for both engines', () => {
    for (const it of copies) expect(codeOf(() => verifyGroth16(vk, it.proof, it.publicSignals))).toBe('ok');
    expect(verifyGroth16BatchMcl(mcl, mclKey(mcl, vk), toMcl(copies), same, { randomBytes: seeded(3) })).toMatchObject({ ok: true, combined: true });
  });

  it.each([[0], [7], [3, 9], [0, 1, 2, 11]])('names exactly the bad proofs %j, as noble one by one does', (...bad) => {
    const items = copies.map((it, i) => (bad.includes(i) ? { ...it, publicSignals: [it.publicSignals[0]! + 1n, ...it.publicSignals.slice(1)] } : it));
    const got = verifyGroth16BatchMcl(mcl, mclKey(mcl, vk), toMcl(items), same, { randomBytes: seeded(bad.length) });
    const want = verifyGroth16Batch(vk, items, { randomBytes: seeded(9) });
    expect(got.ok).toBe(false);
    expect(got.results.map((r) => r.ok)).toEqual(want.results.map((r) => r.ok));
    expect(got.results.map((r) => r.ok)).toEqual(items.map((_, i) => !bad.includes(i)));
  });

  it('rejects two bad proofs crafted to cancel in an unweighted sum, but not with all weights one', () => {
    const delta = copies[2]!.proof.c;
    const items = copies.map((it, i) => (i === 0 ? { ...it, proof: { ...it.proof, c: it.proof.c.add(delta) } }
      : i === 1 ? { ...it, proof: { ...it.proof, c: it.proof.c.subtract(delta) } } : it));
    const ones = (n: number): Uint8Array => { const b = new Uint8Array(n); b[n - 1] = 1; return b; };
    expect(verifyGroth16BatchMcl(mcl, mclKey(mcl, vk), toMcl(items), same, { randomBytes: ones }).combined).toBe(true);
    const r = verifyGroth16BatchMcl(mcl, mclKey(mcl, vk), toMcl(items), same, { randomBytes: seeded(5) });
    expect(r.results.map((x) => x.ok)).toEqual(items.map((_, i) => i > 1));
  });

  it('rejects a single bad proof among 1,300 and names it', () => {
    const many = toMcl(copies);
    const items: McItem[] = Array.from({ length: 1300 }, (_, i) => many[i % many.length]!);
    const badAt = 917;
    items[badAt] = { ...items[badAt]!, publicSignals: [items[badAt]!.publicSignals[0]! + 1n, ...items[badAt]!.publicSignals.slice(1)] };
    const r = verifyGroth16BatchMcl(mcl, mclKey(mcl, vk), items, same, { randomBytes: seeded(1300) });
    expect(r.ok).toBe(false);
    expect(r.results.flatMap((x, i) => (x.ok ? [] : [i]))).toEqual([badAt]);
  }, 120_000);

  it('keeps shape errors per item and still checks the rest together', () => {
    const items = toMcl(copies.slice(0, 4));
    items[1] = { ...items[1]!, publicSignals: [...items[1]!.publicSignals, 1n] };
    const r = verifyGroth16BatchMcl(mcl, mclKey(mcl, vk), items, same, { randomBytes: seeded(8) });
    expect(r.results.map((x) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'PROOF_PUBLIC_COUNT', 'ok', 'ok']);
    expect(r.combined).toBe(true);
  });

  it('an Fr helper keeps scalars below r', () => {
    expect(frOf(mcl, 5n).getStr(10)).toBe('5');
  });
});
