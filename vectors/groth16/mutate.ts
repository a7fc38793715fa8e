/**
 * Writes <circuit>/mutations.json: every single-field mutation of each circuit's first proof, public signals and
 * verification key, each with the error code a verifier must give. The expected code is classified here with
 * noble's own point validation (independent of the verifier's parser): off the curve → PROOF_POINT_NOT_ON_CURVE,
 * on it but outside the subgroup → PROOF_POINT_NOT_IN_SUBGROUP, a valid point that breaks the equation → PROOF_INVALID.
 *
 * Run after generate.ts: npx tsx vectors/groth16/mutate.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bn254 } from '@noble/curves/bn254.js';

const here = dirname(fileURLToPath(import.meta.url));
const CIRCUITS = ['secret-product', 'poseidon-leaf', 'weighted-sum'];
const { Fp, Fp2 } = bn254.fields;
const p = Fp.ORDER;
const r = bn254.fields.Fr.ORDER;

type Json = unknown;
interface Case { name: string; expect: string; vkey?: Json; proof?: Json; publicSignals?: Json }
type G1Json = string[];
type G2Json = string[][];
interface SnarkjsProof { pi_a: G1Json; pi_b: G2Json; pi_c: G1Json; [k: string]: unknown }
interface SnarkjsVkey { nPublic: number; IC: G1Json[]; vk_alpha_1: G1Json; vk_beta_2: G2Json; vk_gamma_2: G2Json; vk_delta_2: G2Json; [k: string]: unknown }

const clone = <T>(v: T): T => structuredClone(v);
const big = (v: unknown): bigint => BigInt(v as string);

function g1Code(pt: string[]): string {
  try {
    bn254.G1.Point.fromAffine({ x: big(pt[0]), y: big(pt[1]) }).assertValidity();
    return 'PROOF_INVALID';
  } catch {
    return 'PROOF_POINT_NOT_ON_CURVE';
  }
}

function g2Code(pt: string[][]): string {
  const P = bn254.G2.Point.fromAffine({ x: Fp2.fromBigTuple([big(pt[0]![0]), big(pt[0]![1])]), y: Fp2.fromBigTuple([big(pt[1]![0]), big(pt[1]![1])]) });
  const b = bn254.G2.Point.CURVE().b;
  const { x, y } = P.toAffine();
  if (!Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), b))) return 'PROOF_POINT_NOT_ON_CURVE';
  return P.isTorsionFree() ? 'PROOF_INVALID' : 'PROOF_POINT_NOT_IN_SUBGROUP';
}

const dec = (v: bigint): string => v.toString();
const shift = (s: string, d: bigint, m: bigint): string => dec((((big(s) + d) % m) + m) % m);

/** A point on the twist outside the order-r subgroup (deterministic search on x = k + u). */
function g2OutsideSubgroup(): string[][] {
  const b = bn254.G2.Point.CURVE().b;
  for (let k = 1n; ; k++) {
    const x = Fp2.fromBigTuple([k, 1n]);
    const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), b);
    let y;
    try { y = Fp2.sqrt(rhs); } catch { continue; }
    if (!Fp2.eql(Fp2.sqr(y), rhs)) continue;
    const P = bn254.G2.Point.fromAffine({ x, y });
    if (P.isTorsionFree()) continue;
    return [[dec(x.c0), dec(x.c1)], [dec(y.c0), dec(y.c1)], ['1', '0']];
  }
}

function g1Mutations(prefix: string, pt: string[], set: (v: string[]) => void, out: Case[], make: () => Case): void {
  for (const [i, axis] of [[0, 'x'], [1, 'y']] as const) {
    for (const d of [1n, -1n]) {
      const m = clone(pt); m[i] = shift(m[i]!, d, p);
      const c = make(); set.call(c, m); c.name = `${prefix}.${axis} ${d > 0 ? '+1' : '-1'}`; c.expect = g1Code(m); out.push(c);
    }
  }
  const neg = clone(pt); neg[1] = dec(Fp.neg(big(neg[1])));
  const c = make(); set.call(c, neg); c.name = `${prefix} negated`; c.expect = 'PROOF_INVALID'; out.push(c);
}

function g2Mutations(prefix: string, pt: string[][], set: (v: string[][]) => void, out: Case[], make: () => Case): void {
  for (const [i, axis] of [[0, 'x'], [1, 'y']] as const) {
    for (const j of [0, 1]) {
      for (const d of [1n, -1n]) {
        const m = clone(pt); m[i]![j] = shift(m[i]![j]!, d, p);
        const c = make(); set.call(c, m); c.name = `${prefix}.${axis}.c${j} ${d > 0 ? '+1' : '-1'}`; c.expect = g2Code(m); out.push(c);
      }
    }
  }
  const swapped = clone(pt); swapped[0]!.reverse(); swapped[1]!.reverse();
  const s = make(); set.call(s, swapped); s.name = `${prefix} with [c1, c0] coordinate order`; s.expect = g2Code(swapped); out.push(s);
  const o = make(); set.call(o, g2OutsideSubgroup()); o.name = `${prefix} on the twist, outside the subgroup`; o.expect = 'PROOF_POINT_NOT_IN_SUBGROUP'; out.push(o);
  const inf = make(); set.call(inf, [['0', '0'], ['1', '0'], ['0', '0']]); inf.name = `${prefix} at infinity`; inf.expect = 'PROOF_POINT_AT_INFINITY'; out.push(inf);
}

for (const name of CIRCUITS) {
  const dir = join(here, name);
  const vkey = JSON.parse(readFileSync(join(dir, 'verification_key.json'), 'utf8')) as SnarkjsVkey;
  const proof = JSON.parse(readFileSync(join(dir, 'proof.json'), 'utf8')) as SnarkjsProof;
  const pub = JSON.parse(readFileSync(join(dir, 'public.json'), 'utf8')) as string[];
  const cases: Case[] = [];
  const blank = (): Case => ({ name: '', expect: '' });
  const inProof = (field: string) => function (this: Case, v: unknown) { this.proof = { ...clone(proof), [field]: v }; };
  const inVkey = (field: string, index?: number) => function (this: Case, v: unknown) {
    const k = clone(vkey) as Record<string, unknown>;
    if (index === undefined) k[field] = v; else (k[field] as unknown[])[index] = v;
    this.vkey = k;
  };

  // The proof: every coordinate, negations, swapped order, outside the subgroup, infinity, range and shape.
  g1Mutations('pi_a', proof.pi_a, inProof('pi_a'), cases, blank);
  g2Mutations('pi_b', proof.pi_b, inProof('pi_b'), cases, blank);
  g1Mutations('pi_c', proof.pi_c, inProof('pi_c'), cases, blank);
  cases.push({ name: 'pi_a and pi_c exchanged', expect: 'PROOF_INVALID', proof: { ...clone(proof), pi_a: proof.pi_c, pi_c: proof.pi_a } });
  cases.push({ name: 'pi_a at infinity', expect: 'PROOF_POINT_AT_INFINITY', proof: { ...clone(proof), pi_a: ['0', '1', '0'] } });
  cases.push({ name: 'pi_a.x + p (not reduced)', expect: 'PROOF_COORDINATE_RANGE', proof: { ...clone(proof), pi_a: [dec(big(proof.pi_a[0]) + p), proof.pi_a[1], '1'] } });
  cases.push({ name: 'pi_a.z = 2', expect: 'PROOF_MALFORMED_PROOF', proof: { ...clone(proof), pi_a: [proof.pi_a[0], proof.pi_a[1], '2'] } });
  cases.push({ name: 'pi_b.z = [1, 1]', expect: 'PROOF_MALFORMED_PROOF', proof: { ...clone(proof), pi_b: [proof.pi_b[0], proof.pi_b[1], ['1', '1']] } });
  cases.push({ name: 'pi_c.x with a leading zero', expect: 'PROOF_MALFORMED_PROOF', proof: { ...clone(proof), pi_c: ['0' + proof.pi_c[0], proof.pi_c[1], '1'] } });
  cases.push({ name: 'pi_c.x as a JSON number', expect: 'PROOF_MALFORMED_PROOF', proof: { ...clone(proof), pi_c: [1, 2, 1] } });
  cases.push({ name: 'pi_c missing', expect: 'PROOF_MALFORMED_PROOF', proof: { ...clone(proof), pi_c: undefined } });
  cases.push({ name: 'protocol plonk', expect: 'PROOF_MALFORMED_PROOF', proof: { ...clone(proof), protocol: 'plonk' } });

  // The public signals: each input ±1, at or above r, wrong count, not decimal.
  pub.forEach((s, i) => {
    for (const d of [1n, -1n]) {
      const m = clone(pub); m[i] = shift(s, d, r);
      cases.push({ name: `public[${i}] ${d > 0 ? '+1' : '-1'}`, expect: 'PROOF_INVALID', publicSignals: m });
    }
    const plusR = clone(pub); plusR[i] = dec(big(s) + r);
    cases.push({ name: `public[${i}] + r (same value mod r)`, expect: 'PROOF_PUBLIC_INPUT_RANGE', publicSignals: plusR });
  });
  cases.push({ name: 'one public input too many', expect: 'PROOF_PUBLIC_COUNT', publicSignals: [...pub, '1'] });
  if (pub.length > 0) cases.push({ name: 'one public input too few', expect: 'PROOF_PUBLIC_COUNT', publicSignals: pub.slice(1) });
  cases.push({ name: 'a public input in hex', expect: 'PROOF_MALFORMED_PUBLIC', publicSignals: ['0x10', ...pub.slice(1)] });
  cases.push({ name: 'public signals as an object', expect: 'PROOF_MALFORMED_PUBLIC', publicSignals: { 0: '1' } });

  // The verifying key: every point's coordinates, negations, swaps, IC length, header fields.
  g1Mutations('vk_alpha_1', vkey.vk_alpha_1, inVkey('vk_alpha_1'), cases, blank);
  for (const f of ['vk_beta_2', 'vk_gamma_2', 'vk_delta_2'] as const) g2Mutations(f, vkey[f], inVkey(f), cases, blank);
  (vkey.IC as string[][]).forEach((pt, i) => g1Mutations(`IC[${i}]`, pt, inVkey('IC', i), cases, blank));
  cases.push({ name: 'vk_gamma_2 and vk_delta_2 exchanged', expect: 'PROOF_INVALID', vkey: { ...clone(vkey), vk_gamma_2: vkey.vk_delta_2, vk_delta_2: vkey.vk_gamma_2 } });
  cases.push({ name: 'IC one point short', expect: 'PROOF_MALFORMED_VKEY', vkey: { ...clone(vkey), IC: vkey.IC.slice(1) } });
  cases.push({ name: 'nPublic one more', expect: 'PROOF_MALFORMED_VKEY', vkey: { ...clone(vkey), nPublic: vkey.nPublic + 1 } });
  cases.push({ name: 'nPublic negative', expect: 'PROOF_MALFORMED_VKEY', vkey: { ...clone(vkey), nPublic: -1 } });
  cases.push({ name: 'curve bls12381', expect: 'PROOF_MALFORMED_VKEY', vkey: { ...clone(vkey), curve: 'bls12381' } });
  cases.push({ name: 'protocol missing', expect: 'PROOF_MALFORMED_VKEY', vkey: { ...clone(vkey), protocol: undefined } });

  writeFileSync(join(dir, 'mutations.json'), JSON.stringify(cases, null, 1) + '\n');
  console.log(`${name}: ${cases.length} mutations`);
}
