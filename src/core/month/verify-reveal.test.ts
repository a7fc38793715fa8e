import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../bytes';
import { parseInscriptionId } from '../protocol/ids';
import { sealPackage } from '../protocol/kem';
import { schnorr } from '@noble/curves/secp256k1.js';
import { bytesToHex } from '../bytes';
import { PARAMS, commit } from './test-records.test-util';
import { buildPackage } from './package';
import { openCommit, verifyReveal, type RevealContext } from './verify-reveal';
import type { MessageRecord } from './records';
import type { RaceResult } from './verify-race';

const vector = JSON.parse(readFileSync(new URL('../../../vectors/protocol/kem/kem-512.json', import.meta.url), 'utf8')) as { n: string };
const n = BigInt('0x' + vector.n);
const genesisId = `${'11'.repeat(32)}i0`;
const ctx: RevealContext = { network: 'regtest', genesisId, month: 1, params: PARAMS, paillierN: n, tipHeight: 5000 };
const secret = (i: number) => hexToBytes(i.toString(16).padStart(64, '0'));
const pub = (i: number) => bytesToHex(schnorr.getPublicKey(secret(i)));

function sealedCommit(i: number, height: number, packageKey: Uint8Array) {
  const plaintext = buildPackage({ network: 'regtest', genesis: genesisId, month: 1, actuary: pub(i), newRoot: 'ab'.repeat(32), tableSha256: 'cd'.repeat(32), F: 0n, W: 0n, R: 0n, batches: [{ newRoot: 1n, partialF: 0n, partialW: 0n, partialS: 0n, proof: new Uint8Array(128) }] }, secret(i));
  const s = sealPackage(n, packageKey, plaintext, { network: 'regtest', genesis: parseInscriptionId(genesisId), month: 1, actuary: pub(i) });
  return commit(pub(i), height, 1, 0, bytesToHex(s.kem));
}

function withCiphertext(c: MessageRecord<'commit'>, from: MessageRecord<'commit'>): MessageRecord<'commit'> {
  return { ...c, payload: { ...c.payload, kem: from.payload.kem, ciphertext: from.payload.ciphertext } };
}

describe('when the revealed key opens the package', () => {
  it('the package is valid', () => {
    const k = new Uint8Array(32).fill(7);
    const original = sealedCommit(2, 1010, k);
    const plain = sealPackage(n, k, buildPackage({ network: 'regtest', genesis: genesisId, month: 1, actuary: pub(2), newRoot: 'ab'.repeat(32), tableSha256: 'cd'.repeat(32), F: 0n, W: 0n, R: 0n, batches: [{ newRoot: 1n, partialF: 0n, partialW: 0n, partialS: 0n, proof: new Uint8Array(128) }] }, secret(2)), { network: 'regtest', genesis: parseInscriptionId(genesisId), month: 1, actuary: pub(2) });
    const c = { ...original, payload: { ...original.payload, ciphertext: bytesToHex(plain.ciphertext) } };
    expect(openCommit(ctx, { commit: c, actuary: pub(2), status: 'counted' }, bytesToHex(k), []).status).toBe('valid');
  });
});

describe('when an actuary re-submits another actuary\'s KEM and ciphertext', () => {
  it('the copy is copied_package, and a wrong key is REVEAL_KEM_MISMATCH', () => {
    const k = new Uint8Array(32).fill(9);
    const plain = sealPackage(n, k, new TextEncoder().encode('{}'), { network: 'regtest', genesis: parseInscriptionId(genesisId), month: 1, actuary: pub(2) });
    const original = { ...commit(pub(2), 1010), payload: { ...commit(pub(2), 1010).payload, kem: bytesToHex(plain.kem), ciphertext: bytesToHex(plain.ciphertext) } };
    const copy = withCiphertext(commit(pub(3), 1011), original);
    expect(openCommit(ctx, { commit: copy, actuary: pub(3), status: 'counted' }, bytesToHex(k), [original]).status).toBe('copied');
    expect(openCommit(ctx, { commit: copy, actuary: pub(3), status: 'counted' }, bytesToHex(k), []).status).toBe('unopenable');
    expect(() => openCommit(ctx, { commit: copy, actuary: pub(3), status: 'counted' }, '00'.repeat(32), [original])).toThrow(expect.objectContaining({ code: 'REVEAL_KEM_MISMATCH' }));
  });
});

describe('when the reveal confirms one block before the counted commits have 6 confirmations', () => {
  it('fails with REVEAL_TOO_EARLY, and at exactly h_c + 6 it is in its window', () => {
    const lead = commit(pub(1), 1005);
    const sec = commit(pub(2), 1012);
    const race: RaceResult = { window: { from: 1012, to: 1015 }, entries: [{ commit: lead, actuary: pub(1), status: 'lead' }, { commit: sec, actuary: pub(2), status: 'counted', rank: 1 }], counted: [], quorum: 1, pending: false };
    race.counted = race.entries;
    const reveal = (h: number) => [{ inscription: { ...commit(pub(1), h).inscription }, type: 'reveal' as const, signer: '', payload: { network: 'regtest' as const, genesis: genesisId, month: 1, signer: '', keys: [] }, message: undefined as never }];
    const codes = (h: number) => verifyReveal(ctx, reveal(h), race, { anchor: 1000, eligible: [], ineligible: new Map() }).checks.filter((c) => c.step === 'reveal' && (c.code.startsWith('REVEAL_TOO') || c.message.startsWith('reveal at'))).map((c) => c.code);
    expect(codes(1017)).toEqual(['REVEAL_TOO_EARLY']);
    expect(codes(1018)).toEqual(['OK']);
  });
});
