import { readFileSync } from 'node:fs';
import { schnorr } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { bigintToBytes, byteLength, bytesToBigint, modPow } from '../crypto/bigint-math';
import { dealThresholdPaillier, decryptionShare, type DecryptionShare } from '../crypto/threshold-paillier';
import { parseInscriptionId } from '../protocol/ids';
import { sealPackage } from '../protocol/kem';
import { buildPackage } from './package';
import { PARAMS, commit } from './steps/test-records.test-util';
import type { Dispute } from './dispute';
import { openCommit, openCountedCommits, verifyReveal, type RevealContext } from './steps/reveal';
import type { MessageRecord } from './records';
import type { RaceEntry, RaceResult } from './steps/race';
import { codeOf, errorOf } from '../errors.test-util';
import { once } from '../once.test-util';

const primes = JSON.parse(readFileSync(new URL('../../../vectors/protocol/kem/safe-primes.json', import.meta.url), 'utf8')) as { keys: { modulus_bits: number; p: string; q: string }[] };
const small = primes.keys.find((k) => k.modulus_bits === 512)!;
const deal = dealThresholdPaillier(BigInt('0x' + small.p), BigInt('0x' + small.q), 3, 5, utf8.encode('dispute test dealer'));
const n = deal.pub.n;
const n2 = n * n;
const hexOf = (x: bigint): string => bytesToHex(bigintToBytes(x, byteLength(x)));
const genesisId = `${'11'.repeat(32)}i0`;
const ctx: RevealContext = {
  network: 'regtest', genesisId, month: 1, params: PARAMS, paillierN: n, tipHeight: 5000,
  paillier: { n: hexOf(n), parties: 5, threshold: 3, v: hexOf(deal.pub.v), verification_keys: deal.pub.verificationKeys.map(hexOf) },
};
const secret = (i: number) => hexToBytes(i.toString(16).padStart(64, '0'));
const pub = (i: number) => bytesToHex(schnorr.getPublicKey(secret(i)));
const packageContext = (i: number) => ({ network: 'regtest' as const, genesis: parseInscriptionId(genesisId), month: 1, actuary: pub(i) });

function signedPackage(i: number): Uint8Array {
  return buildPackage({
    network: 'regtest', genesis: genesisId, month: 1, actuary: pub(i), newRoot: 'ab'.repeat(32), tableSha256: 'cd'.repeat(32), F: 0n, W: 0n, R: 0n,
    batches: [{ newRoot: 1n, partialF: 0n, partialW: 0n, partialS: 0n, proof: new Uint8Array(128) }],
  }, secret(i));
}

/** A commit whose KEM ciphertext encrypts `key` with randomness not derived from the key (the encryptor broke §7.2). */
function brokenCommit(i: number, height: number, key: Uint8Array): MessageRecord<'commit'> {
  const r = 0x1234567890abcdefn;
  const kem = ((1n + bytesToBigint(key) * n) * modPow(r, n, n2)) % n2;
  const sealed = sealPackage(n, key, signedPackage(i), packageContext(i));
  const c = commit(pub(i), height, 1, 0, bytesToHex(bigintToBytes(kem, 2 * byteLength(n))));
  return { ...c, payload: { ...c.payload, ciphertext: bytesToHex(sealed.ciphertext) } };
}

/** A commit made as §7.2 says (key-derived randomness), opening under `key`. */
function goodCommit(i: number, height: number, key: Uint8Array): MessageRecord<'commit'> {
  const sealed = sealPackage(n, key, signedPackage(i), packageContext(i));
  const c = commit(pub(i), height, 1, 0, bytesToHex(sealed.kem));
  return { ...c, payload: { ...c.payload, ciphertext: bytesToHex(sealed.ciphertext) } };
}

function wire(s: DecryptionShare): Dispute['shares'][number] {
  return { party: s.index, share: bytesToHex(bigintToBytes(s.share, 2 * byteLength(n))), e: bytesToHex(bigintToBytes(s.e, 16)), z: hexOf(s.z) };
}

function disputeOf(c: MessageRecord<'commit'>, parties: number[]): Dispute {
  const ct = bytesToBigint(hexToBytes(c.payload.kem));
  return { commit: c.inscription.id, shares: parties.map((p) => wire(decryptionShare(deal.pub, deal.shares[p - 1]!, ct))) };
}


const key = new Uint8Array(32).fill(0x5a);
let fixture: { broken: MessageRecord<'commit'>; entry: RaceEntry } | undefined;
/** The broken commit and its race entry, built inside the tests (once). */
function made(): { broken: MessageRecord<'commit'>; entry: RaceEntry } {
  if (!fixture) {
    const c = brokenCommit(2, 1012, key);
    fixture = { broken: c, entry: { commit: c, actuary: pub(2), status: 'counted', rank: 1 } };
  }
  return fixture;
}
const broken = (): MessageRecord<'commit'> => made().broken;
const entry = (): RaceEntry => made().entry;

describe('when the group disputes a commit whose encryptor broke the KEM format', () => {
  it('three valid shares prove the revealed key, and the package is unopenable (the encryptor\'s fault)', () => {
    const opened = openCommit(ctx, entry(), bytesToHex(key), [], disputeOf(broken(), [1, 3, 5]));
    expect(opened.status).toBe('unopenable');
    expect(opened.disputedBy).toEqual([1, 3, 5]);
  });

  it('more than threshold shares are accepted; the lowest parties are combined', () => {
    expect(openCommit(ctx, entry(), bytesToHex(key), [], disputeOf(broken(), [5, 4, 2, 1])).disputedBy).toEqual([1, 2, 4]);
  });

  it('without a dispute, the same revealed key is the group\'s fault (REVEAL_KEM_MISMATCH)', () => {
    expect(codeOf(() => openCommit(ctx, entry(), bytesToHex(key), []))).toBe('REVEAL_KEM_MISMATCH');
  });
});

describe('when a dispute is wrong', () => {
  it('a tampered share is REVEAL_SHARE_INVALID', () => {
    const d = disputeOf(broken(), [1, 2, 3]);
    const s = d.shares[1]!;
    const tampered = bigintToBytes((BigInt('0x' + s.share) * 4n) % n2, 2 * byteLength(n));
    const bad = { ...d, shares: [d.shares[0]!, { ...s, share: bytesToHex(tampered) }, d.shares[2]!] };
    expect(codeOf(() => openCommit(ctx, entry(), bytesToHex(key), [], bad))).toBe('REVEAL_SHARE_INVALID');
  });

  it('an invalid share beside three valid ones still rejects (the group signed a false share)', () => {
    const d = disputeOf(broken(), [1, 2, 3, 4]);
    const s = d.shares[3]!;
    const bad = { ...d, shares: [...d.shares.slice(0, 3), { ...s, z: hexOf(BigInt('0x' + s.z) + 1n) }] };
    expect(codeOf(() => openCommit(ctx, entry(), bytesToHex(key), [], bad))).toBe('REVEAL_SHARE_INVALID');
  });

  it('two shares of a 3-of-5 key are REVEAL_SHARES_TOO_FEW', () => {
    expect(codeOf(() => openCommit(ctx, entry(), bytesToHex(key), [], disputeOf(broken(), [2, 4])))).toBe('REVEAL_SHARES_TOO_FEW');
  });

  it('the same party twice is REVEAL_SHARE_DUPLICATE, even with a third distinct party', () => {
    const d = disputeOf(broken(), [1, 2]);
    expect(codeOf(() => openCommit(ctx, entry(), bytesToHex(key), [], { ...d, shares: [...d.shares, d.shares[0]!] }))).toBe('REVEAL_SHARE_DUPLICATE');
  });

  it('a revealed key other than the one the shares prove is REVEAL_KEY_CONTRADICTS_SHARES (the group lied)', () => {
    const other = bytesToHex(new Uint8Array(32).fill(0x5b));
    expect(codeOf(() => openCommit(ctx, entry(), other, [], disputeOf(broken(), [1, 2, 3])))).toBe('REVEAL_KEY_CONTRADICTS_SHARES');
  });

  it('shares for another commit\'s ciphertext prove another key: REVEAL_SHARE_INVALID', () => {
    const elsewhere = brokenCommit(3, 1012, new Uint8Array(32).fill(0x77));
    const d = { ...disputeOf(elsewhere, [1, 2, 3]), commit: broken().inscription.id };
    expect(codeOf(() => openCommit(ctx, entry(), bytesToHex(key), [], d))).toBe('REVEAL_SHARE_INVALID');
  });

  it.each([
    ['a party above the key\'s parties', (s: Dispute['shares'][number]) => ({ ...s, party: 6 })],
    ['a challenge of 15 bytes', (s: Dispute['shares'][number]) => ({ ...s, e: s.e.slice(2) })],
    ['a share one byte short', (s: Dispute['shares'][number]) => ({ ...s, share: s.share.slice(2) })],
    ['a share not below N²', (s: Dispute['shares'][number]) => ({ ...s, share: 'ff'.repeat(2 * byteLength(n)) })],
    ['z with a leading zero byte', (s: Dispute['shares'][number]) => ({ ...s, z: `00${s.z}` })],
  ])('%s is REVEAL_MALFORMED', (_what, mutate) => {
    const d = disputeOf(broken(), [1, 2, 3]);
    const bad = { ...d, shares: [mutate(d.shares[0]!), ...d.shares.slice(1)] };
    expect(codeOf(() => openCommit(ctx, entry(), bytesToHex(key), [], bad))).toBe('REVEAL_MALFORMED');
  });

  it('a dispute on a commit whose KEM field is no ciphertext is REVEAL_MALFORMED', () => {
    const zero = commit(pub(2), 1012, 1, 0, '00'.repeat(2 * byteLength(n)));
    const d = { ...disputeOf(broken(), [1, 2, 3]), commit: zero.inscription.id };
    expect(codeOf(() => openCommit(ctx, { ...entry(), commit: zero }, bytesToHex(key), [], d))).toBe('REVEAL_MALFORMED');
  });
});

describe('when a dispute concerns a commit made as the protocol says', () => {
  it('the shares prove the key that also re-encrypts, and the package opens as usual', () => {
    const good = goodCommit(2, 1012, key);
    const opened = openCommit(ctx, { ...entry(), commit: good }, bytesToHex(key), [], disputeOf(good, [2, 3, 4]));
    expect(opened.status).toBe('valid');
    expect(opened.disputedBy).toEqual([2, 3, 4]);
  });
});

describe('when a commit\'s KEM field is no Paillier ciphertext', () => {
  it.each([
    ['zero', '00'.repeat(2 * byteLength(n))],
    ['all ones (not below N²)', 'ff'.repeat(2 * byteLength(n))],
    ['a multiple of p', bytesToHex(bigintToBytes(BigInt('0x' + small.p) * 7n, 2 * byteLength(n)))],
    ['one byte short', 'aa'.repeat(2 * byteLength(n) - 1)],
  ])('a KEM of %s is unopenable on sight, whatever key the group reveals', (_what, kem) => {
    const c = commit(pub(2), 1012, 1, 0, kem);
    expect(openCommit(ctx, { ...entry(), commit: c }, '00'.repeat(32), []).status).toBe('unopenable');
  });
});

describe('when the reveal message carries disputes', () => {
  let built: { lead: MessageRecord<'commit'>; race: RaceResult } | undefined;
  const round = (): { lead: MessageRecord<'commit'>; race: RaceResult } => {
    if (!built) {
      const lead = goodCommit(1, 1005, new Uint8Array(32).fill(1));
      built = {
        lead,
        race: {
          window: { from: 1012, to: 1015 }, quorum: 1, pending: false,
          entries: [{ commit: lead, actuary: pub(1), status: 'lead' }, entry()],
          counted: [{ commit: lead, actuary: pub(1), status: 'lead' }, entry()],
        },
      };
    }
    return built;
  };
  const reveal = (keys: { commit: string; key: string }[], disputes?: Dispute[]): MessageRecord<'reveal'> => ({
    inscription: { ...commit(pub(1), 1019).inscription }, type: 'reveal', signer: '',
    payload: { network: 'regtest', genesis: genesisId, month: 1, signer: '', attempt: 0, keys, ...(disputes ? { disputes } : {}) }, message: undefined as never,
  });
  const keys = () => [{ commit: round().lead.inscription.id, key: '01'.repeat(32) }, { commit: broken().inscription.id, key: bytesToHex(key) }];
  const run = (r: MessageRecord<'reveal'>) => openCountedCommits(ctx, r, round().race, { anchor: 1000, eligible: [], ineligible: new Map() });
  const failures = (r: MessageRecord<'reveal'>) => run(r).checks.filter((c) => !c.ok).map((c) => c.code);

  it('a valid dispute is checked, not waved through: no failure, the disputed package unopenable', () => {
    const out = run(reveal(keys(), [disputeOf(broken(), [1, 2, 3])]));
    expect(out.checks.filter((c) => !c.ok)).toEqual([]);
    expect(out.checks.some((c) => c.evidence.partial)).toBe(false);
    expect(out.result.packages.map((p) => p.status)).toEqual(['valid', 'unopenable']);
  });

  it('a dispute with too few shares fails the reveal step', () => {
    expect(failures(reveal(keys(), [disputeOf(broken(), [1, 2])]))).toEqual(['REVEAL_SHARES_TOO_FEW']);
  });

  it('a dispute for a commit the reveal gives no key is REVEAL_UNKNOWN_COMMIT; a commit disputed twice REVEAL_MALFORMED', () => {
    const d = disputeOf(broken(), [1, 2, 3]);
    expect(failures(reveal(keys(), [d, { ...d, commit: `${'22'.repeat(32)}i0` }]))).toEqual(['REVEAL_UNKNOWN_COMMIT']);
    expect(failures(reveal(keys(), [d, d]))).toEqual(['REVEAL_MALFORMED']);
  });

  it('a commit named twice in keys is REVEAL_MALFORMED (the second key is not silently taken)', () => {
    expect(failures(reveal([...keys(), { commit: broken().inscription.id, key: '00'.repeat(32) }], [disputeOf(broken(), [1, 2, 3])]))).toEqual(['REVEAL_MALFORMED']);
  });

  it('a dispute reaching a context without the genesis\' Paillier key is a caller bug (TypeError)', () => {
    const { paillier: _p, ...bare } = ctx;
    void _p;
    expect(() => openCountedCommits(bare, reveal(keys(), [disputeOf(broken(), [1, 2, 3])]), round().race, { anchor: 1000, eligible: [], ineligible: new Map() })).toThrow(TypeError);
  });
});

describe('what a dispute proves, in the opened package', () => {
  /** A commit whose KEM ciphertext encrypts the number `m` (not necessarily a 32-byte key). */
  const encrypting = (m: bigint): MessageRecord<'commit'> => {
    const kem = ((1n + m * n) * modPow(0x1234567890abcdefn, n, n2)) % n2;
    const c = broken();
    return { ...c, payload: { ...c.payload, kem: bytesToHex(bigintToBytes(kem, 2 * byteLength(n))) } };
  };

  it('a plaintext of 2^256, no key, makes the package unopenable when the group revealed 32 zero bytes', () => {
    const c = encrypting(1n << 256n);
    const opened = openCommit(ctx, { ...entry(), commit: c }, '00'.repeat(32), [], disputeOf(c, [1, 2, 3]));
    expect(opened).toMatchObject({ status: 'unopenable', disputedBy: [1, 2, 3] });
    expect(opened.reason).toMatch(/no 32-byte key/);
  });

  it('a proven key that re-encrypts but does not open the ciphertext is unopenable for the AEAD, not for the KEM format', () => {
    const good = goodCommit(2, 1012, key);
    const tampered = { ...good, payload: { ...good.payload, ciphertext: `${good.payload.ciphertext.slice(0, -2)}${good.payload.ciphertext.endsWith('00') ? '01' : '00'}` } };
    const opened = openCommit(ctx, { ...entry(), commit: tampered }, bytesToHex(key), [], disputeOf(good, [1, 2, 3]));
    expect(opened).toMatchObject({ status: 'unopenable', disputedBy: [1, 2, 3] });
    expect(opened.reason).not.toMatch(/KEM format/);
    const formatBroken = openCommit(ctx, entry(), bytesToHex(key), [], disputeOf(broken(), [1, 2, 3]));
    expect(formatBroken.reason).toMatch(/the encryptor broke the KEM format/);
  });

  it('a dispute of a commit whose KEM is no ciphertext names the commit', () => {
    const zero = commit(pub(2), 1012, 1, 0, '00'.repeat(2 * byteLength(n)));
    const e = errorOf(() => openCommit(ctx, { ...entry(), commit: zero }, bytesToHex(key), [], { ...disputeOf(broken(), [1, 2, 3]), commit: zero.inscription.id }));
    expect(e.code).toBe('REVEAL_MALFORMED');
    expect(e.evidence).toEqual({ commit: zero.inscription.id });
  });
});

describe('a dispute at quick depth (only the final lead\'s package is opened)', () => {
  const final = (): MessageRecord<'final'> => ({ ...commit(pub(2), 1030), type: 'final', payload: { lead: pub(2), attempt: 0 } as never });
  const reveal = (disputes: Dispute[]): MessageRecord<'reveal'> => ({
    inscription: { ...commit(pub(1), 1019).inscription }, type: 'reveal', signer: '',
    payload: { network: 'regtest', genesis: genesisId, month: 1, signer: '', attempt: 0, keys: [{ commit: broken().inscription.id, key: bytesToHex(key) }], disputes }, message: undefined as never,
  });

  it('the lead\'s dispute proves its key: the package is unopenable, the disputing parties named', () => {
    const r = verifyReveal({ context: ctx, reveals: [reveal([disputeOf(broken(), [2, 4, 5])])], final: final(), commits: [broken()], copies: new Map() });
    expect(r.checks).toMatchObject([{ ok: true, step: 'reveal', evidence: { commit: broken().inscription.id, actuary: pub(2), status: 'unopenable' } }]);
    expect(r.value?.packages[0]?.disputedBy).toEqual([2, 4, 5]);
  });

  it('a dispute of another commit does not count for the lead\'s: its key is the group\'s fault', () => {
    const other = { ...disputeOf(broken(), [2, 4, 5]), commit: `${'33'.repeat(32)}i0` };
    const r = verifyReveal({ context: ctx, reveals: [reveal([other])], final: final(), commits: [broken()], copies: new Map() });
    expect(r.checks).toMatchObject([{ ok: false, step: 'reveal', code: 'REVEAL_KEM_MISMATCH' }]);
  });
});

describe('the evidence of a reveal\'s disputes', () => {
  const lead = once(() => goodCommit(1, 1005, new Uint8Array(32).fill(1)));
  const race = (): RaceResult => ({
    window: { from: 1012, to: 1015 }, quorum: 1, pending: false,
    entries: [{ commit: lead(), actuary: pub(1), status: 'lead' }, entry()],
    counted: [{ commit: lead(), actuary: pub(1), status: 'lead' }, entry()],
  });
  const run = (disputes: Dispute[]) => openCountedCommits(ctx, {
    inscription: { ...commit(pub(1), 1019).inscription }, type: 'reveal', signer: '',
    payload: { network: 'regtest', genesis: genesisId, month: 1, signer: '', attempt: 0, keys: [{ commit: lead().inscription.id, key: '01'.repeat(32) }, { commit: broken().inscription.id, key: bytesToHex(key) }], disputes },
    message: undefined as never,
  }, race(), { anchor: 1000, eligible: [], ineligible: new Map() });

  it('a disputed package\'s check names the parties whose shares proved its key', () => {
    const out = run([disputeOf(broken(), [1, 2, 3])]);
    expect(out.checks.at(-1)).toMatchObject({ ok: true, step: 'reveal', evidence: { commit: broken().inscription.id, status: 'unopenable', disputedBy: [1, 2, 3] } });
    expect(out.checks.at(-1)?.message).toMatch(/parties 1, 2, 3/);
  });

  it('a commit disputed twice, or disputed without a key, is named', () => {
    const d = disputeOf(broken(), [1, 2, 3]);
    const stranger = `${'22'.repeat(32)}i0`;
    expect(run([d, d]).checks.filter((c) => !c.ok)).toMatchObject([{ step: 'reveal', code: 'REVEAL_MALFORMED', evidence: { commit: broken().inscription.id } }]);
    expect(run([d, { ...d, commit: stranger }]).checks.filter((c) => !c.ok)).toMatchObject([{ step: 'reveal', code: 'REVEAL_UNKNOWN_COMMIT', evidence: { commit: stranger } }]);
  });
});
