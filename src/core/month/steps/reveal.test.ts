import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schnorr } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '../../bytes';
import { parseInscriptionId } from '../../protocol/ids';
import { sealPackage } from '../../protocol/kem';
import { buildPackage } from '../package';
import type { MessageRecord } from '../records';
import type { RaceResult } from './race';
import { openCommit, openCountedCommits, revealOf as revealOfAttempt, verifyReveal, type RevealContext } from './reveal';
import { PARAMS, commit } from './test-records.test-util';
import { once } from '../../once.test-util';

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
    const reveal = (h: number) => ({ inscription: { ...commit(pub(1), h).inscription }, type: 'reveal' as const, signer: '', payload: { network: 'regtest' as const, genesis: genesisId, month: 1, signer: '', attempt: 0, keys: [] }, message: undefined as never });
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
  return { inscription: r.inscription, type: 'reveal', signer: '', payload: { network: 'regtest', genesis: genesisId, month: 1, signer: '', attempt: 0, keys }, message: undefined as never };
}

const K1 = new Uint8Array(32).fill(1);
const K2 = new Uint8Array(32).fill(2);
/** The two opening commits, their race and the reveal's keys, built on first use (inside a test, not at collection). */
function fixtures() {
  const leadCommit = openingCommit(1, 1005, K1);
  const secCommit = openingCommit(2, 1012, K2);
  const race: RaceResult = {
    window: { from: 1012, to: 1015 }, quorum: 1, pending: false,
    entries: [{ commit: leadCommit, actuary: pub(1), status: 'lead' }, { commit: secCommit, actuary: pub(2), status: 'counted', rank: 1 }],
    counted: [{ commit: leadCommit, actuary: pub(1), status: 'lead' }, { commit: secCommit, actuary: pub(2), status: 'counted', rank: 1 }],
  };
  const bothKeys = [{ commit: leadCommit.inscription.id, key: bytesToHex(K1) }, { commit: secCommit.inscription.id, key: bytesToHex(K2) }];
  return { leadCommit, secCommit, race, bothKeys };
}
const fx = once(fixtures);
const eligibility = { anchor: 1000, eligible: [], ineligible: new Map() };
const failures = (r: { checks: { ok: boolean; code: string }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.code);
/** Full depth: an attempt's reveal against its race (lottery.ts picks the reveal by attempt). */
const full = (reveal: MessageRecord<'reveal'> | undefined, r: RaceResult = fx().race, context: RevealContext = ctx, copies = new Map<string, string>()) => {
  const out = openCountedCommits(context, reveal, r, eligibility, copies);
  return { checks: out.checks, value: out.result };
};

describe('when the group reveals every counted commit\'s key in its window', () => {
  it('opens every package (full depth)', () => {
    const r = full(revealOf(1020, fx().bothKeys));
    expect(failures(r)).toEqual([]);
    expect(r.value?.packages.map((p) => p.status)).toEqual(['valid', 'valid']);
  });
});

describe('when the reveal leaves out a counted commit or names a stranger', () => {
  it('is REVEAL_KEY_MISSING for the missing key and REVEAL_UNKNOWN_COMMIT for the stranger', () => {
    const stranger = { commit: `${'ee'.repeat(32)}i0`, key: '00'.repeat(32) };
    const r = full(revealOf(1020, [fx().bothKeys[0]!, stranger]));
    expect(failures(r)).toEqual(['REVEAL_UNKNOWN_COMMIT', 'REVEAL_KEY_MISSING']);
  });
  it('is REVEAL_MALFORMED when it names one commit twice', () => {
    const r = full(revealOf(1020, [...fx().bothKeys, fx().bothKeys[1]!]));
    expect(failures(r)).toEqual(['REVEAL_MALFORMED']);
  });
});

describe('when the reveal gives a key to a commit the race did not count', () => {
  it('is RACE_VOID_COUNTED for a void commit, and the signer\'s refusal for an ineligible one', () => {
    const voided = { ...fx().race, entries: [...fx().race.entries, { commit: commit(pub(3), 1006), actuary: pub(3), status: 'void' as const }, { commit: commit(pub(4), 1013), actuary: pub(4), status: 'not-eligible' as const }] };
    const keys = [...fx().bothKeys, { commit: voided.entries[2]!.commit.inscription.id, key: '00'.repeat(32) }, { commit: voided.entries[3]!.commit.inscription.id, key: '00'.repeat(32) }];
    const r = full(revealOf(1020, keys), voided);
    expect(failures(r)).toEqual(['RACE_VOID_COUNTED', 'MESSAGE_NOT_ACTUARY']);
  });
  it.each([
    ['late', 'RACE_LATE_COUNTED'], ['repeat', 'RACE_REPEAT_COUNTED'], ['other-attempt', 'RACE_OTHER_ATTEMPT_COUNTED'],
  ] as const)('a %s commit given a key is %s', (status, code) => {
    const entries = [...fx().race.entries, { commit: commit(pub(3), 1013), actuary: pub(3), status }];
    const r = full(revealOf(1020, [...fx().bothKeys, { commit: entries[2]!.commit.inscription.id, key: '00'.repeat(32) }]), { ...fx().race, entries });
    expect(failures(r)).toEqual([code]);
  });
});

describe('when there is no reveal', () => {
  it('the month is pending while the reveal window is open, and REVEAL_MISSING after it', () => {
    const open = full(undefined, fx().race, { ...ctx, tipHeight: 1020 });
    expect(open).toMatchObject({ checks: [], value: { pending: true, packages: [] } });
    expect(failures(full(undefined))).toEqual(['REVEAL_MISSING']);
  });
});

describe('when the reveal confirms after its window', () => {
  it('is REVEAL_TOO_LATE', () => {
    expect(failures(full(revealOf(1100, fx().bothKeys)))).toEqual(['REVEAL_TOO_LATE']);
  });
});

describe('when a depositor\'s quick check opens only the final lead\'s package', () => {
  const final = (lead: string, attempt = 0): MessageRecord<'final'> => ({ ...commit(lead, 1030), type: 'final', payload: { lead, attempt } as never });
  const quick = (reveals: MessageRecord<'reveal'>[], f: MessageRecord<'final'> | undefined, commits: MessageRecord<'commit'>[], copies = new Map<string, string>()) => verifyReveal({ context: ctx, reveals, ...(f ? { final: f } : {}), commits, copies });
  it('opens it when the reveal has its key', () => {
    const r = quick([revealOf(1020, fx().bothKeys)], final(pub(1)), [fx().leadCommit, fx().secCommit]);
    expect(r.checks.map((c) => c.message)).toEqual(['the lead\'s package: valid']);
    expect(r.value?.packages).toHaveLength(1);
  });
  it('is REVEAL_KEY_MISSING without a key for the final\'s lead, REVEAL_MISSING without a reveal, nothing without a final', () => {
    expect(failures(quick([revealOf(1020, fx().bothKeys.slice(1))], final(pub(1)), [fx().leadCommit, fx().secCommit]))).toEqual(['REVEAL_KEY_MISSING']);
    expect(failures(quick([], final(pub(1)), [fx().leadCommit]))).toEqual(['REVEAL_MISSING']);
    expect(quick([], undefined, [])).toEqual({ checks: [] });
  });
  it('fails with the group\'s fault when the key does not re-encrypt (REVEAL_KEM_MISMATCH)', () => {
    const wrong = [{ commit: fx().leadCommit.inscription.id, key: bytesToHex(K2) }];
    expect(failures(quick([revealOf(1020, wrong)], final(pub(1)), [fx().leadCommit]))).toEqual(['REVEAL_KEM_MISMATCH']);
  });
});

describe('when a reveal names a byte-for-byte copy of a commit (§2.5: one message)', () => {
  it('the copy\'s id names the earliest copy: the package opens, and naming both is naming it twice', () => {
    const copyId = `${'cc'.repeat(32)}i0`;
    const copies = new Map([[copyId, fx().secCommit.inscription.id]]);
    const viaCopy = [fx().bothKeys[0]!, { commit: copyId, key: bytesToHex(K2) }];
    expect(failures(full(revealOf(1020, viaCopy), fx().race, ctx, copies))).toEqual([]);
    expect(failures(full(revealOf(1020, [...fx().bothKeys, { commit: copyId, key: bytesToHex(K2) }]), fx().race, ctx, copies))).toEqual(['REVEAL_MALFORMED']);
  });
});

describe('when the group reveals several attempts (§6.6: one reveal per attempt)', () => {
  it('an attempt\'s reveal is the first one naming that attempt', () => {
    const r0 = revealOf(1020, fx().bothKeys);
    const r1a = { ...revealOf(1030, []), payload: { ...revealOf(1030, []).payload, attempt: 1 } };
    const r1b = { ...revealOf(1031, fx().bothKeys), payload: { ...revealOf(1031, fx().bothKeys).payload, attempt: 1 } };
    expect(revealOfAttempt([r0, r1a, r1b], 1)).toBe(r1a);
    expect(revealOfAttempt([r0, r1a, r1b], 0)).toBe(r0);
    expect(revealOfAttempt([r0], 2)).toBeUndefined();
  });

  it('quick depth opens the lead\'s package from the reveal of the final\'s attempt', () => {
    const final = { ...commit(pub(1), 1030), type: 'final' as const, payload: { lead: pub(1), attempt: 1 } as never } as MessageRecord<'final'>;
    const other = revealOf(1020, fx().bothKeys);
    expect(failures(verifyReveal({ context: ctx, reveals: [other], final, commits: [fx().leadCommit], copies: new Map() }))).toEqual(['REVEAL_MISSING']);
    const own = { ...other, payload: { ...other.payload, attempt: 1 } };
    expect(failures(verifyReveal({ context: ctx, reveals: [other, own], final, commits: [fx().leadCommit], copies: new Map() }))).toEqual([]);
  });
});

// The race above: lead at 1005, last counted commit at 1012. Reveal window: max(1005, 1012) + 6 = 1018 up to the race
// window's end (1005 + 7 + 4 − 1 = 1015) + 6 + 6 = 1027.
describe('the reveal window\'s ends', () => {
  const windowOf = { from: 1018, to: 1027 };
  const timing = (h: number) => full(revealOf(h, fx().bothKeys)).checks[0];

  it('a reveal at the last block of the window is in it; one block later is REVEAL_TOO_LATE with its height and window', () => {
    expect(timing(1027)).toMatchObject({ ok: true, step: 'reveal', evidence: { height: 1027, window: windowOf } });
    const late = timing(1028);
    expect(late).toMatchObject({ ok: false, step: 'reveal', code: 'REVEAL_TOO_LATE', evidence: { height: 1028, window: windowOf } });
  });

  it('REVEAL_TOO_EARLY names the reveal, its height and the window', () => {
    const early = revealOf(1017, fx().bothKeys);
    expect(full(early).checks[0]).toMatchObject({ ok: false, code: 'REVEAL_TOO_EARLY', evidence: { reveal: early.inscription.id, height: 1017, window: windowOf } });
    expect(timing(1018)?.ok).toBe(true);
  });

  it('with the lead\'s commit the latest counted one, the window counts from the lead', () => {
    const solo: RaceResult = { ...fx().race, entries: fx().race.entries.slice(0, 1), counted: fx().race.counted.slice(0, 1) };
    const at = (h: number) => full(revealOf(h, fx().bothKeys.slice(0, 1)), solo).checks[0];
    expect(at(1010)).toMatchObject({ code: 'REVEAL_TOO_EARLY', evidence: { window: { from: 1011, to: 1027 } } });
    expect(at(1011)?.ok).toBe(true);
  });

  it('without a reveal, the month is pending up to the window\'s last block and REVEAL_MISSING after, with the window', () => {
    expect(full(undefined, fx().race, { ...ctx, tipHeight: 1027 }).value).toEqual({ packages: [], pending: true });
    const missing = full(undefined, fx().race, { ...ctx, tipHeight: 1028 });
    expect(missing.value).toEqual({ packages: [], pending: false });
    expect(missing.checks).toMatchObject([{ ok: false, step: 'reveal', code: 'REVEAL_MISSING', evidence: { window: windowOf } }]);
  });
});

describe('the evidence of each opened package and of a reveal that does not match the race', () => {
  it('each opened package has a passed check naming the commit, the actuary and the status', () => {
    const r = full(revealOf(1020, fx().bothKeys));
    expect(r.checks.slice(1)).toMatchObject([
      { ok: true, step: 'reveal', evidence: { commit: fx().leadCommit.inscription.id, actuary: pub(1), status: 'valid' } },
      { ok: true, step: 'reveal', evidence: { commit: fx().secCommit.inscription.id, actuary: pub(2), status: 'valid' } },
    ]);
    expect(r.checks[1]?.evidence).not.toHaveProperty('invalid');
    expect(r.checks[1]?.evidence).not.toHaveProperty('disputedBy');
  });

  it('REVEAL_KEY_MISSING names the counted commit and its actuary; REVEAL_UNKNOWN_COMMIT the commit it names', () => {
    const stranger = { commit: `${'ee'.repeat(32)}i0`, key: '00'.repeat(32) };
    const r = full(revealOf(1020, [fx().bothKeys[0]!, stranger]));
    expect(r.checks.filter((c) => !c.ok)).toMatchObject([
      { code: 'REVEAL_UNKNOWN_COMMIT', evidence: { commit: stranger.commit } },
      { code: 'REVEAL_KEY_MISSING', evidence: { commit: fx().secCommit.inscription.id, actuary: pub(2) } },
    ]);
    expect(r.value.packages.map((p) => p.entry.actuary)).toEqual([pub(1)]);
  });

  it('a key for a commit the race did not count names the commit, its signer, its height and its status', () => {
    const voided = commit(pub(3), 1006);
    const entries = [...fx().race.entries, { commit: voided, actuary: pub(3), status: 'void' as const }];
    const r = full(revealOf(1020, [...fx().bothKeys, { commit: voided.inscription.id, key: '00'.repeat(32) }]), { ...fx().race, entries });
    expect(r.checks.filter((c) => !c.ok)).toMatchObject([{ code: 'RACE_VOID_COUNTED', evidence: { commit: voided.inscription.id, actuary: pub(3), height: 1006, status: 'void' } }]);
  });

  it('a race without its lead is a caller bug (RangeError)', () => {
    expect(() => full(revealOf(1020, fx().bothKeys), { ...fx().race, counted: [] })).toThrow(RangeError);
  });
});

describe('a commit whose KEM field is no Paillier ciphertext', () => {
  const withKem = (kem: string) => { const c = commit(pub(3), 1010); return { ...c, payload: { ...c.payload, kem } }; };
  const bytesOfN = (n.toString(16).length + 1) >> 1;
  it('is unopenable: not 2·|N| bytes, not below N², or not a unit mod N²', () => {
    const open = (kem: string) => openCommit(ctx, { commit: withKem(kem), actuary: pub(3), status: 'counted' }, '00'.repeat(32), []);
    expect(open('ab'.repeat(2 * bytesOfN - 1))).toMatchObject({ status: 'unopenable', reason: `its KEM ciphertext has ${2 * bytesOfN - 1} bytes, not 2·|N| = ${2 * bytesOfN}` });
    expect(open('ff'.repeat(2 * bytesOfN))).toMatchObject({ status: 'unopenable', reason: 'its KEM ciphertext is not below N²' });
    expect(open(n.toString(16).padStart(4 * bytesOfN, '0'))).toMatchObject({ status: 'unopenable', reason: 'its KEM ciphertext is not a unit mod N²' });
    expect(() => open('00'.repeat(2 * bytesOfN - 1) + '01')).toThrow(expect.objectContaining({ code: 'REVEAL_KEM_MISMATCH' }));
  });
});

describe('a package that opens but names another actuary than its committer', () => {
  it('is invalid with REVEAL_PACKAGE_CONTEXT', () => {
    const k = new Uint8Array(32).fill(4);
    const plaintext = buildPackage({ network: 'regtest', genesis: genesisId, month: 1, actuary: pub(3), newRoot: 'ab'.repeat(32), tableSha256: 'cd'.repeat(32), F: 0n, W: 0n, R: 0n, batches: [{ newRoot: 1n, partialF: 0n, partialW: 0n, partialS: 0n, proof: new Uint8Array(128) }] }, secret(3));
    const sealed = sealPackage(n, k, plaintext, { network: 'regtest', genesis: parseInscriptionId(genesisId), month: 1, actuary: pub(2) });
    const c = commit(pub(2), 1010);
    const theirs = { ...c, payload: { ...c.payload, kem: bytesToHex(sealed.kem), ciphertext: bytesToHex(sealed.ciphertext) } };
    expect(openCommit(ctx, { commit: theirs, actuary: pub(2), status: 'counted' }, bytesToHex(k), [])).toMatchObject({ status: 'invalid', code: 'REVEAL_PACKAGE_CONTEXT' });
  });
});

/** A month whose counted secondary copies the lead's KEM and ciphertext, revealed with the lead's key for both. */
function leadCopied() {
  const { leadCommit } = fx();
  const copy = withCiphertext(commit(pub(2), 1012), leadCommit);
  const race: RaceResult = { ...fx().race, entries: [{ commit: leadCommit, actuary: pub(1), status: 'lead' }, { commit: copy, actuary: pub(2), status: 'counted', rank: 1 }] };
  race.counted = race.entries;
  return { leadCommit, copy, r: full(revealOf(1020, [fx().bothKeys[0]!, { commit: copy.inscription.id, key: fx().bothKeys[0]!.key }]), race) };
}

describe('a counted commit that copies an earlier commit\'s KEM', () => {
  it('is copied; the earlier one opens', () => {
    const { r } = leadCopied();
    expect(r.value.packages.map((p) => [p.entry.actuary, p.status])).toEqual([[pub(1), 'valid'], [pub(2), 'copied']]);
  });
});

describe('a KEM field of exactly N²', () => {
  it('is unopenable for not being below N² (the first defect it has)', () => {
    const bytesOfN = (n.toString(16).length + 1) >> 1;
    const c = commit(pub(3), 1010);
    const atN2 = { ...c, payload: { ...c.payload, kem: (n * n).toString(16).padStart(4 * bytesOfN, '0') } };
    expect(openCommit(ctx, { commit: atN2, actuary: pub(3), status: 'counted' }, '00'.repeat(32), [])).toMatchObject({ status: 'unopenable', reason: 'its KEM ciphertext is not below N²' });
  });
});

describe('which commits a commit copies', () => {
  it('a commit among the earlier ones is not a copy of itself', () => {
    const { leadCommit } = fx();
    expect(openCommit(ctx, { commit: leadCommit, actuary: pub(1), status: 'lead' }, bytesToHex(K1), [leadCommit]).status).toBe('valid');
  });

  it('an actuary\'s second commit with its first one\'s KEM and ciphertext is copied, though its key opens it', () => {
    const { secCommit } = fx();
    const again = withCiphertext(commit(pub(2), 1013), secCommit);
    expect(openCommit(ctx, { commit: again, actuary: pub(2), status: 'counted' }, bytesToHex(K2), [secCommit])).toEqual({
      entry: { commit: again, actuary: pub(2), status: 'counted' }, status: 'copied', reason: `its KEM ciphertext equals ${secCommit.inscription.id}'s`,
    });
  });

  it('the copied package\'s reason names the commit it copies, and its check says copied', () => {
    const { leadCommit, copy, r } = leadCopied();
    expect(r.value.packages[1]?.reason).toBe(`its KEM ciphertext equals ${leadCommit.inscription.id}'s`);
    expect(r.checks[2]).toMatchObject({ ok: true, step: 'reveal', evidence: { commit: copy.inscription.id, actuary: pub(2), status: 'copied' } });
  });

  it('earlier means earlier in the chain, whatever order the race lists its entries in', () => {
    const { leadCommit } = fx();
    const copy = withCiphertext(commit(pub(2), 1012), leadCommit);
    const lead = { commit: leadCommit, actuary: pub(1), status: 'lead' as const };
    const copier = { commit: copy, actuary: pub(2), status: 'counted' as const, rank: 1 };
    const race: RaceResult = { ...fx().race, entries: [copier, lead], counted: [lead, copier] };
    const r = full(revealOf(1020, [fx().bothKeys[0]!, { commit: copy.inscription.id, key: fx().bothKeys[0]!.key }]), race);
    expect(r.value.packages.map((p) => [p.entry.actuary, p.status])).toEqual([[pub(1), 'valid'], [pub(2), 'copied']]);
  });
});

describe('a package that opens but names another network, genesis or month than the month\'s', () => {
  const sealedWith = (i: number, extra: { network?: 'regtest' | 'testnet'; genesis?: string; month?: number }) => {
    const k = new Uint8Array(32).fill(6);
    const plaintext = buildPackage({ network: 'regtest', genesis: genesisId, month: 1, actuary: pub(i), newRoot: 'ab'.repeat(32), tableSha256: 'cd'.repeat(32), F: 0n, W: 0n, R: 0n, batches: [{ newRoot: 1n, partialF: 0n, partialW: 0n, partialS: 0n, proof: new Uint8Array(128) }], ...extra }, secret(i));
    const sealed = sealPackage(n, k, plaintext, { network: 'regtest', genesis: parseInscriptionId(genesisId), month: 1, actuary: pub(i) });
    const c = commit(pub(i), 1012);
    return { commit: { ...c, payload: { ...c.payload, kem: bytesToHex(sealed.kem), ciphertext: bytesToHex(sealed.ciphertext) } }, key: bytesToHex(k) };
  };

  it.each([
    ['network', { network: 'testnet' as const }], ['genesis', { genesis: `${'22'.repeat(32)}i0` }], ['month', { month: 2 }],
  ])('another %s is invalid with REVEAL_PACKAGE_CONTEXT', (_what, extra) => {
    const s = sealedWith(2, extra);
    const opened = openCommit(ctx, { commit: s.commit, actuary: pub(2), status: 'counted' }, s.key, []);
    expect(opened).toMatchObject({ status: 'invalid', code: 'REVEAL_PACKAGE_CONTEXT' });
    expect(opened.reason).toMatch(/^REVEAL_PACKAGE_CONTEXT: /);
  });

  it('its check at full depth names the invalid package\'s code', () => {
    const s = sealedWith(2, { month: 2 });
    const { leadCommit } = fx();
    const entry = { commit: s.commit, actuary: pub(2), status: 'counted' as const, rank: 1 };
    const race: RaceResult = { ...fx().race, entries: [{ commit: leadCommit, actuary: pub(1), status: 'lead' }, entry] };
    race.counted = race.entries;
    const r = full(revealOf(1020, [fx().bothKeys[0]!, { commit: s.commit.inscription.id, key: s.key }]), race);
    expect(failures(r)).toEqual([]);
    expect(r.checks[2]).toMatchObject({ ok: true, step: 'reveal', evidence: { commit: s.commit.inscription.id, actuary: pub(2), status: 'invalid', invalid: 'REVEAL_PACKAGE_CONTEXT' } });
    expect(r.checks[1]?.evidence).toEqual({ commit: leadCommit.inscription.id, actuary: pub(1), status: 'valid' });
  });
});

describe('the evidence of the reveal\'s own faults', () => {
  it('a commit named twice is named in REVEAL_MALFORMED', () => {
    const r = full(revealOf(1020, [...fx().bothKeys, fx().bothKeys[1]!]));
    expect(r.checks.filter((c) => !c.ok)).toMatchObject([{ step: 'reveal', code: 'REVEAL_MALFORMED', evidence: { commit: fx().secCommit.inscription.id } }]);
  });

  it('at quick depth: REVEAL_MISSING names the final, REVEAL_KEY_MISSING the lead, a passed check the lead\'s commit and status', () => {
    const final = (attempt: number): MessageRecord<'final'> => ({ ...commit(pub(1), 1030), type: 'final', payload: { lead: pub(1), attempt } as never });
    const f1 = final(1);
    expect(verifyReveal({ context: ctx, reveals: [revealOf(1020, fx().bothKeys)], final: f1, commits: [fx().leadCommit], copies: new Map() }).checks)
      .toMatchObject([{ ok: false, step: 'reveal', code: 'REVEAL_MISSING', evidence: { final: f1.inscription.id } }]);
    expect(verifyReveal({ context: ctx, reveals: [revealOf(1020, fx().bothKeys.slice(1))], final: final(0), commits: [fx().leadCommit, fx().secCommit], copies: new Map() }).checks)
      .toMatchObject([{ ok: false, step: 'reveal', code: 'REVEAL_KEY_MISSING', evidence: { lead: pub(1) } }]);
    // The commits listed with a secondary's first: the lead's key opens the lead's commit.
    const r = verifyReveal({ context: ctx, reveals: [revealOf(1020, fx().bothKeys)], final: final(0), commits: [fx().secCommit, fx().leadCommit], copies: new Map() });
    expect(r.checks).toMatchObject([{ ok: true, step: 'reveal', evidence: { commit: fx().leadCommit.inscription.id, actuary: pub(1), status: 'valid' } }]);
    expect(r.value?.pending).toBe(false);
  });
});
