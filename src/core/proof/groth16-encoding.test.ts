import { describe, expect, it } from 'vitest';

import { P } from './bn254';
import { G1_BYTES, PROOF_BYTES, decodeProof, decodeVkey, encodeProof, encodeVkey } from './groth16-encoding';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from './groth16-json';
import { verifyGroth16 } from './groth16';
import { CIRCUITS, loadCircuit } from './groth16-vectors.test-util';
import { codeOf } from '../errors.test-util';


function withBytes(bytes: Uint8Array, offset: number, patch: number[]): Uint8Array {
  const out = bytes.slice();
  out.set(patch, offset);
  return out;
}

function bigBytes(v: bigint): number[] {
  return Array.from({ length: 32 }, (_, i) => Number((v >> BigInt(8 * (31 - i))) & 0xffn));
}

describe.each(CIRCUITS)('compact encoding of circuit %s', (name) => {
  const v = loadCircuit(name);
  const vk = parseVerifyingKeyJson(v.vkey);
  const proofs = v.proofs.slice(0, 4).map((p) => ({ proof: parseProofJson(p.proof), publicSignals: parsePublicSignalsJson(p.publicSignals) }));

  it('round-trips every proof to 128 bytes and back to equal points that still verify', () => {
    for (const { proof, publicSignals } of proofs) {
      const bytes = encodeProof(proof);
      expect(bytes.length).toBe(PROOF_BYTES);
      const back = decodeProof(bytes);
      expect(back.a.equals(proof.a) && back.b.equals(proof.b) && back.c.equals(proof.c)).toBe(true);
      expect(encodeProof(back)).toEqual(bytes);
      verifyGroth16(vk, back, publicSignals);
    }
  });

  it('round-trips the verifying key', () => {
    const bytes = encodeVkey(vk);
    expect(bytes.length).toBe(4 + 32 + 3 * 64 + 32 * (vk.nPublic + 1));
    const back = decodeVkey(bytes);
    expect(back.nPublic).toBe(vk.nPublic);
    expect(encodeVkey(back)).toEqual(bytes);
    verifyGroth16(back, proofs[0]!.proof, proofs[0]!.publicSignals);
  });

  it('flips the result when only the y-sign flag of A is flipped (the negated A)', () => {
    const bytes = encodeProof(proofs[0]!.proof);
    const flipped = withBytes(bytes, 0, [bytes[0]! ^ 0b0100_0000]);
    expect(codeOf(() => verifyGroth16(vk, decodeProof(flipped), proofs[0]!.publicSignals))).toBe('PROOF_INVALID');
  });
});

describe('when the compact bytes are malformed', () => {
  const v = loadCircuit('weighted-sum');
  const vk = parseVerifyingKeyJson(v.vkey);
  const proof = encodeProof(parseProofJson(v.proof));
  const key = encodeVkey(vk);
  const B = G1_BYTES;

  it.each([
    ['one byte short', proof.slice(0, -1), 'PROOF_MALFORMED_ENCODING'],
    ['one byte too long', Uint8Array.of(...proof, 0), 'PROOF_MALFORMED_ENCODING'],
    ['A with flag bits 0b00 (uncompressed)', withBytes(proof, 0, [proof[0]! & 0x3f]), 'PROOF_MALFORMED_ENCODING'],
    ['A as infinity with nonzero bits', withBytes(proof, 0, [0x40]), 'PROOF_MALFORMED_ENCODING'],
    ['A as a well-formed infinity', withBytes(proof, 0, [0x40, ...new Array(31).fill(0)]), 'PROOF_POINT_AT_INFINITY'],
    ['B as a well-formed infinity', withBytes(proof, B, [0x40, ...new Array(63).fill(0)]), 'PROOF_POINT_AT_INFINITY'],
    ['A.x = p', withBytes(proof, 0, bigBytes(P | (2n << 254n))), 'PROOF_COORDINATE_RANGE'],
    ['B.x.c0 = p', withBytes(proof, B + 32, bigBytes(P)), 'PROOF_COORDINATE_RANGE'],
    ['A.x with no curve point (x = 4: 67 is not a square mod p)', withBytes(proof, 0, bigBytes(4n | (2n << 254n))), 'PROOF_POINT_NOT_ON_CURVE'],
  ] as const)('rejects a proof with %s', (_n, bytes, code) => {
    expect(codeOf(() => decodeProof(bytes))).toBe(code);
  });

  it('rejects a G2 x that has a twist point outside the subgroup, or none at all', () => {
    const codes = new Set<string>();
    for (let k = 1; k < 12; k++) codes.add(codeOf(() => decodeProof(withBytes(proof, B, [0x80, ...new Array(62).fill(0), k]))));
    expect([...codes].sort()).toEqual(['PROOF_POINT_NOT_IN_SUBGROUP', 'PROOF_POINT_NOT_ON_CURVE']);
  });

  it.each([
    ['truncated', key.slice(0, -1), 'PROOF_MALFORMED_ENCODING'],
    ['nPublic one more than IC holds', withBytes(key, 0, [0, 0, 0, vk.nPublic + 1]), 'PROOF_MALFORMED_ENCODING'],
    ['nPublic huge', withBytes(key, 0, [0xff, 0xff, 0xff, 0xff]), 'PROOF_MALFORMED_ENCODING'],
    ['α at infinity', withBytes(key, 4, [0x40, ...new Array(31).fill(0)]), 'PROOF_POINT_AT_INFINITY'],
    ['shorter than the fixed part', key.slice(0, 100), 'PROOF_MALFORMED_ENCODING'],
  ] as const)('rejects a key %s', (_n, bytes, code) => {
    expect(codeOf(() => decodeVkey(bytes))).toBe(code);
  });
});
