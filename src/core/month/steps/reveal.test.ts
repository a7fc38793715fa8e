import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schnorr } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '../../bytes';
import { parseInscriptionId } from '../../protocol/ids';
import { sealPackage } from '../../protocol/kem';
import { buildPackage } from '../package';
import type { MessageRecord } from '../records';
import type { RaceResult } from './race';
import { openCommit, openCountedCommits, verifyReveal, type RevealContext } from './reveal';
import { PARAMS, commit } from './test-records.test-util';

const vector = JSON.parse(readFileSync(new URL('../../../../vectors/protocol/kem/kem-512.json', import.meta.url), 'utf8')) as { n: string };
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
    const codes = (h: number) => openCountedCommits(ctx, reveal(h), race, { anchor: 1000, eligible: [], ineligible: new Map() }).checks.filter((c) => c.step === 'reveal' && (c.code.startsWith('REVEAL_TOO') || c.message.startsWith('reveal at'))).map((c) => c.code);
    expect(codes(1017)).toEqual(['REVEAL_TOO_EARLY']);
    expect(codes(1018)).toEqual(['OK']);
  });
});

/** A commit whose package opens under `k` (a valid package signed by actuary i). */
function openingCommit(i: number, height: number, k: Uint8Array): MessageRecord<'commit'> {
  const plain = sealPackage(n, k, buildPackage({ network: 'regtest', genesis: genesisId, month: 1, actuary: pub(i), newRoot: 'ab'.repeat(32), tableSha256: 'cd'.repeat(32), F: 0n, W: 0n, R: 0n, batches: [{ newRoot: 1n, partialF: 0n, partialW: 0n, partialS: 0n, proof: new Uint8Array(128) }] }, secret(i)), { network: 'regtest', genesis: parseInscriptionId(genesisId), month: 1, actuary: pub(i) });
  const c = commit(pub(i), height);
  return { ...c, payload: { ...c.payload, kem: bytesToHex(plain.kem), ciphertext: bytesToHex(plain.ciphertext) } };
}

function revealOf(height: number, keys: { commit: string; key: string }[]): MessageRecord<'reveal'> {
  const r = commit(pub(1), height);
  return { inscription: r.inscription, type: 'reveal', signer: '', payload: { network: 'regtest', genesis: genesisId, month: 1, signer: '', keys }, message: undefined as never };
}

const K1 = new Uint8Array(32).fill(1);
const K2 = new Uint8Array(32).fill(2);
const leadCommit = openingCommit(1, 1005, K1);
const secCommit = openingCommit(2, 1012, K2);
const race: RaceResult = {
  window: { from: 1012, to: 1015 }, quorum: 1, pending: false,
  entries: [{ commit: leadCommit, actuary: pub(1), status: 'lead' }, { commit: secCommit, actuary: pub(2), status: 'counted', rank: 1 }],
  counted: [{ commit: leadCommit, actuary: pub(1), status: 'lead' }, { commit: secCommit, actuary: pub(2), status: 'counted', rank: 1 }],
};
const eligibility = { anchor: 1000, eligible: [], ineligible: new Map() };
const bothKeys = [{ commit: leadCommit.inscription.id, key: bytesToHex(K1) }, { commit: secCommit.inscription.id, key: bytesToHex(K2) }];
const failures = (r: { checks: { ok: boolean; code: string }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.code);

describe('when the group reveals every counted commit\'s key in its window', () => {
  it('opens every package (full depth)', () => {
    const r = verifyReveal({ depth: 'full', context: ctx, reveals: [revealOf(1020, bothKeys)], race, eligibility, commits: [] });
    expect(failures(r)).toEqual([]);
    expect(r.value?.packages.map((p) => p.status)).toEqual(['valid', 'valid']);
  });
});

describe('when the reveal leaves out a counted commit or names a stranger', () => {
  it('is REVEAL_KEY_MISSING for the missing key and REVEAL_UNKNOWN_COMMIT for the stranger', () => {
    const stranger = { commit: `${'ee'.repeat(32)}i0`, key: '00'.repeat(32) };
    const r = verifyReveal({ depth: 'full', context: ctx, reveals: [revealOf(1020, [bothKeys[0]!, stranger])], race, eligibility, commits: [] });
    expect(failures(r)).toEqual(['REVEAL_UNKNOWN_COMMIT', 'REVEAL_KEY_MISSING']);
  });
  it('is REVEAL_MALFORMED when it names one commit twice', () => {
    const r = verifyReveal({ depth: 'full', context: ctx, reveals: [revealOf(1020, [...bothKeys, bothKeys[1]!])], race, eligibility, commits: [] });
    expect(failures(r)).toEqual(['REVEAL_MALFORMED']);
  });
});

describe('when the reveal gives a key to a commit the race did not count', () => {
  it('is RACE_VOID_COUNTED for a void commit, and the signer\'s refusal for an ineligible one', () => {
    const voided = { ...race, entries: [...race.entries, { commit: commit(pub(3), 1006), actuary: pub(3), status: 'void' as const }, { commit: commit(pub(4), 1013), actuary: pub(4), status: 'not-eligible' as const }] };
    const keys = [...bothKeys, { commit: voided.entries[2]!.commit.inscription.id, key: '00'.repeat(32) }, { commit: voided.entries[3]!.commit.inscription.id, key: '00'.repeat(32) }];
    const r = verifyReveal({ depth: 'full', context: ctx, reveals: [revealOf(1020, keys)], race: voided, eligibility, commits: [] });
    expect(failures(r)).toEqual(['RACE_VOID_COUNTED', 'MESSAGE_NOT_ACTUARY']);
  });
});

describe('when there is no reveal', () => {
  it('the month is pending while the reveal window is open, and REVEAL_MISSING after it', () => {
    const open = verifyReveal({ depth: 'full', context: { ...ctx, tipHeight: 1020 }, reveals: [], race, eligibility, commits: [] });
    expect(open).toMatchObject({ checks: [], pending: 'the reveal window has not ended' });
    expect(failures(verifyReveal({ depth: 'full', context: ctx, reveals: [], race, eligibility, commits: [] }))).toEqual(['REVEAL_MISSING']);
  });
  it('the step does not apply before the race is over', () => {
    expect(verifyReveal({ depth: 'full', context: ctx, reveals: [], race: { ...race, pending: true }, eligibility, commits: [] })).toEqual({ checks: [] });
  });
});

describe('when the reveal confirms after its window', () => {
  it('is REVEAL_TOO_LATE', () => {
    expect(failures(verifyReveal({ depth: 'full', context: ctx, reveals: [revealOf(1100, bothKeys)], race, eligibility, commits: [] }))).toEqual(['REVEAL_TOO_LATE']);
  });
});

describe('when a depositor\'s quick check opens only the final lead\'s package', () => {
  const final = (lead: string): MessageRecord<'final'> => ({ ...commit(lead, 1030), type: 'final', payload: { lead } as never });
  it('opens it when the reveal has its key', () => {
    const r = verifyReveal({ depth: 'quick', context: ctx, reveals: [revealOf(1020, bothKeys)], final: final(pub(1)), commits: [leadCommit, secCommit] });
    expect(r.checks.map((c) => c.message)).toEqual(['the lead\'s package: valid']);
    expect(r.value?.packages).toHaveLength(1);
  });
  it('is REVEAL_KEY_MISSING without a key for the final\'s lead, REVEAL_MISSING without a reveal, nothing without a final', () => {
    expect(failures(verifyReveal({ depth: 'quick', context: ctx, reveals: [revealOf(1020, bothKeys.slice(1))], final: final(pub(1)), commits: [leadCommit, secCommit] }))).toEqual(['REVEAL_KEY_MISSING']);
    expect(failures(verifyReveal({ depth: 'quick', context: ctx, reveals: [], final: final(pub(1)), commits: [leadCommit] }))).toEqual(['REVEAL_MISSING']);
    expect(verifyReveal({ depth: 'quick', context: ctx, reveals: [], commits: [] })).toEqual({ checks: [] });
  });
  it('fails with the group\'s fault when the key does not re-encrypt (REVEAL_KEM_MISMATCH)', () => {
    const wrong = [{ commit: leadCommit.inscription.id, key: bytesToHex(K2) }];
    expect(failures(verifyReveal({ depth: 'quick', context: ctx, reveals: [revealOf(1020, wrong)], final: final(pub(1)), commits: [leadCommit] }))).toEqual(['REVEAL_KEM_MISMATCH']);
  });
});
