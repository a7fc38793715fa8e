import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { publicKeyFromSecret } from '../crypto/schnorr';
import { canonicalize } from './canonical';
import { buildMessage, MAX_MESSAGE_BYTES, messageDigest, parseMessage, signKeylink, type MessageContext } from './message';
import type { MessageType, PayloadByType } from './payloads';
import { parseStrictJson, type JsonValue } from './strict-json';
import { codeOf, refusalOf } from '../errors.test-util';
import { GENESIS, SIGNER_SK, samples, signer } from './payload-samples.test-util';

const sk = SIGNER_SK;
const other = hexToBytes('02'.repeat(32));

const ctx: MessageContext = { network: 'regtest', genesis: GENESIS, month: 2 };


/** Re-sign an edited envelope so only the edit, not the signature, is what fails. */
function edited(type: MessageType, edit: (payload: Record<string, JsonValue>) => void, key = sk): Uint8Array {
  const payload = JSON.parse(JSON.stringify(samples[type])) as Record<string, JsonValue>;
  edit(payload);
  const bytes = buildMessage(type, { ...(payload as unknown as PayloadByType[typeof type]), signer: bytesToHex(publicKeyFromSecret(key)) }, key);
  return bytes;
}

describe('when a well-formed message of each type is read', () => {
  it.each(Object.keys(samples) as MessageType[])('%s parses, verifies and keeps its payload', (type) => {
    const bytes = buildMessage(type, samples[type], sk);
    const msg = parseMessage(bytes, type === 'genesis' ? { network: 'regtest' } : ctx);
    expect(msg.type).toBe(type);
    expect(msg.payload).toEqual(samples[type]);
    expect(bytesToHex(msg.digest)).toBe(bytesToHex(messageDigest(type, samples[type] as unknown as JsonValue)));
  });
});

describe('when any single byte of a signed message is changed', () => {
  it('rejects every one of them', () => {
    const bytes = buildMessage('commit', samples.commit, sk);
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const mutated = Uint8Array.from(bytes);
      mutated[i] = mutated[i]! ^ 0x01;
      if (codeOf(() => parseMessage(mutated, ctx)) === 'ok') accepted.push(i);
    }
    expect(accepted).toEqual([]);
  });
});

describe('when the envelope breaks a rule', () => {
  const good = buildMessage('commit', samples.commit, sk);
  const env = parseStrictJson(utf8.decodeStrict(good)!) as Record<string, JsonValue>;
  const reencode = (e: Record<string, JsonValue>) => utf8.encode(canonicalize(e));

  it('a payload signer other than the envelope signer is MESSAGE_SIGNER_MISMATCH', () => {
    const payload = { ...(env.payload as Record<string, JsonValue>), signer: bytesToHex(publicKeyFromSecret(other)) };
    expect(codeOf(() => parseMessage(reencode({ ...env, payload }), ctx))).toBe('MESSAGE_SIGNER_MISMATCH');
  });
  it('a message copied under another actuary\'s envelope is MESSAGE_SIGNER_MISMATCH', () => {
    expect(codeOf(() => parseMessage(reencode({ ...env, signer: bytesToHex(publicKeyFromSecret(other)) }), ctx))).toBe('MESSAGE_SIGNER_MISMATCH');
  });
  it('a signature by another key is MESSAGE_BAD_SIGNATURE', () => {
    const theirs = parseStrictJson(utf8.decodeStrict(buildMessage('commit', { ...samples.commit, signer: bytesToHex(publicKeyFromSecret(other)) }, other))!) as Record<string, JsonValue>;
    expect(codeOf(() => parseMessage(reencode({ ...env, sig: theirs.sig! }), ctx))).toBe('MESSAGE_BAD_SIGNATURE');
  });
  it('whitespace or key reordering is MESSAGE_NOT_CANONICAL', () => {
    expect(codeOf(() => parseMessage(utf8.encode(JSON.stringify(env, null, 1)), ctx))).toBe('MESSAGE_NOT_CANONICAL');
  });
  it('a duplicate key is MESSAGE_MALFORMED', () => {
    const text = utf8.decodeStrict(good)!.replace('{"drey":1,', '{"drey":1,"drey":1,');
    expect(codeOf(() => parseMessage(utf8.encode(text), ctx))).toBe('MESSAGE_MALFORMED');
  });
  it('an extra envelope key, a missing one or an unknown type is MESSAGE_MALFORMED', () => {
    expect(codeOf(() => parseMessage(reencode({ ...env, extra: 1 }), ctx))).toBe('MESSAGE_MALFORMED');
    const { sig: _sig, ...noSig } = env;
    expect(codeOf(() => parseMessage(reencode(noSig), ctx))).toBe('MESSAGE_MALFORMED');
    expect(codeOf(() => parseMessage(reencode({ ...env, type: 'bribe' }), ctx))).toBe('MESSAGE_MALFORMED');
  });
  it('another version is MESSAGE_UNSUPPORTED_VERSION', () => {
    expect(codeOf(() => parseMessage(reencode({ ...env, drey: 2 }), ctx))).toBe('MESSAGE_UNSUPPORTED_VERSION');
  });
  it('an upper-case or short signer key is MESSAGE_BAD_KEY; a key off the curve too', () => {
    expect(codeOf(() => parseMessage(reencode({ ...env, signer: signer.toUpperCase() }), ctx))).toBe('MESSAGE_BAD_KEY');
    expect(codeOf(() => parseMessage(reencode({ ...env, signer: signer.slice(2) }), ctx))).toBe('MESSAGE_BAD_KEY');
    expect(codeOf(() => parseMessage(reencode({ ...env, signer: '00'.repeat(31) + '05' }), ctx))).toBe('MESSAGE_BAD_KEY');
  });
  it('a malformed signature is MESSAGE_BAD_SIGNATURE', () => {
    expect(codeOf(() => parseMessage(reencode({ ...env, sig: 'ab' }), ctx))).toBe('MESSAGE_BAD_SIGNATURE');
  });
  it('a body over the limit is MESSAGE_TOO_LARGE and invalid UTF-8 MESSAGE_MALFORMED', () => {
    expect(codeOf(() => parseMessage(new Uint8Array(MAX_MESSAGE_BYTES + 1), ctx))).toBe('MESSAGE_TOO_LARGE');
    expect(codeOf(() => parseMessage(Uint8Array.of(0x7b, 0xff, 0x7d), ctx))).toBe('MESSAGE_MALFORMED');
  });
});

describe('when a message belongs elsewhere', () => {
  const good = buildMessage('commit', samples.commit, sk);
  it('another network is MESSAGE_WRONG_NETWORK', () => {
    expect(codeOf(() => parseMessage(good, { ...ctx, network: 'signet' }))).toBe('MESSAGE_WRONG_NETWORK');
  });
  it('another genesis is MESSAGE_WRONG_GENESIS', () => {
    expect(codeOf(() => parseMessage(good, { ...ctx, genesis: 'c1'.repeat(32) + 'i0' }))).toBe('MESSAGE_WRONG_GENESIS');
  });
  it('another month is MESSAGE_WRONG_MONTH', () => {
    expect(codeOf(() => parseMessage(good, { ...ctx, month: 3 }))).toBe('MESSAGE_WRONG_MONTH');
  });
});

describe('when a payload field is wrong', () => {
  const cases: [string, MessageType, (p: Record<string, JsonValue>) => void][] = [
    ['an unknown payload field', 'commit', (p) => { p.bonus = 1; }],
    ['a missing month', 'inputs', (p) => { delete p.month; }],
    ['month 0', 'commit', (p) => { p.month = 0; }],
    ['a fractional attempt', 'lottery', (p) => { p.attempt = 0.5; }],
    ['a 47-byte BLS signature', 'lottery', (p) => { p.bls_signature = 'a0'.repeat(47); }],
    ['table rows that do not add up', 'inputs', (p) => { (p.table as Record<string, JsonValue>).rows = 4; }],
    ['reward shares that are not integers', 'genesis', (p) => { (p.params as Record<string, JsonValue>).reward_shares = [1000, 'x']; }],
    ['a negative start month', 'genesis', (p) => { (p.params as Record<string, JsonValue>).start_month = -1; }],
    ['a batch size that is no integer', 'genesis', (p) => { (p.params as Record<string, JsonValue>).batch_size = 4.5; }],
    ['a super-majority without a denominator', 'genesis', (p) => { (p.params as Record<string, JsonValue>).super_majority = { num: 2 }; }],
    ['an unknown penalty reason', 'final', (p) => { ((p.penalties as JsonValue[])[0] as Record<string, JsonValue>).reason = 'vibes'; }],
    ['an upper-case inscription id', 'reveal', (p) => { ((p.keys as JsonValue[])[0] as Record<string, JsonValue>).commit = 'E2'.repeat(32) + 'i0'; }],
    ['a genesis field in the genesis message', 'genesis', (p) => { p.genesis = GENESIS; }],
  ];
  it.each([
    ['increasing reward shares', (p: Record<string, JsonValue>) => { p.reward_shares = [1000, 9000]; }],
    ['a start month 13', (p: Record<string, JsonValue>) => { p.start_month = 202613; }],
    ['a batch size of 48', (p: Record<string, JsonValue>) => { p.batch_size = 48; }],
    ['a race delay of 1', (p: Record<string, JsonValue>) => { p.race_delay = 1; }],
  ])('a genesis with %s parses: its bounds are genesis rules (genesis-rules.ts), with their own codes', (_why, edit) => {
    expect(codeOf(() => parseMessage(edited('genesis', (p) => edit(p.params as Record<string, JsonValue>)), { network: 'regtest' }))).toBe('ok');
  });
  it.each(cases)('%s is MESSAGE_MALFORMED', (_why, type, edit) => {
    expect(codeOf(() => parseMessage(edited(type, edit), type === 'genesis' ? { network: 'regtest' } : ctx))).toBe('MESSAGE_MALFORMED');
  });
});

describe('when an actuary rotates keys with a key link', () => {
  const oldSk = hexToBytes('03'.repeat(32));
  const oldKey = bytesToHex(publicKeyFromSecret(oldSk));
  const newKey = signer;
  it('accepts a link signed by the old key', () => {
    const payload = { ...samples.register, keylink: { old_key: oldKey, sig: signKeylink('regtest', GENESIS, oldSk, newKey) } };
    const msg = parseMessage(buildMessage('register', payload, sk), ctx);
    expect(msg.type === 'register' && msg.payload.keylink?.old_key).toBe(oldKey);
  });
  it('rejects a link the old key did not sign as MESSAGE_BAD_KEYLINK', () => {
    const payload = { ...samples.register, keylink: { old_key: oldKey, sig: signKeylink('regtest', GENESIS, other, newKey) } };
    expect(codeOf(() => parseMessage(buildMessage('register', payload, sk), ctx))).toBe('MESSAGE_BAD_KEYLINK');
  });
  it('rejects a link signed for another genesis', () => {
    const payload = { ...samples.register, keylink: { old_key: oldKey, sig: signKeylink('regtest', 'c1'.repeat(32) + 'i0', oldSk, newKey) } };
    expect(codeOf(() => parseMessage(buildMessage('register', payload, sk), ctx))).toBe('MESSAGE_BAD_KEYLINK');
  });
});

describe('what each refusal of a message reports (fixtures built inside the tests)', () => {
  const envelope = () => parseStrictJson(utf8.decodeStrict(buildMessage('commit', samples.commit, sk))!) as Record<string, JsonValue>;
  const reencode = (e: Record<string, JsonValue>) => utf8.encode(canonicalize(e));
  const refusal = (body: Uint8Array, c: MessageContext = ctx) => refusalOf(() => parseMessage(body, c));

  it('size: the limit itself is allowed, one byte more is MESSAGE_TOO_LARGE with the size', () => {
    expect(refusal(new Uint8Array(MAX_MESSAGE_BYTES + 1))).toEqual({ code: 'MESSAGE_TOO_LARGE', evidence: { bytes: MAX_MESSAGE_BYTES + 1 }, message: `message is ${MAX_MESSAGE_BYTES + 1} bytes, more than ${MAX_MESSAGE_BYTES}` });
    expect(refusal(new Uint8Array(MAX_MESSAGE_BYTES).fill(0x20)).code).not.toBe('MESSAGE_TOO_LARGE');
    expect(refusal(Uint8Array.of(0x7b, 0xff, 0x7d))).toEqual({ code: 'MESSAGE_MALFORMED', evidence: {}, message: 'message body is not valid UTF-8' });
  });

  it('the envelope: version, type, canonical form and the two signers', () => {
    const env = envelope();
    expect(refusal(reencode({ ...env, drey: 2 }))).toEqual({ code: 'MESSAGE_UNSUPPORTED_VERSION', evidence: { drey: 2 }, message: 'message version ("drey") must be 1' });
    expect(refusal(reencode({ ...env, type: 'bribe' })).evidence).toEqual({ field: 'message.type', value: 'bribe' });
    expect(refusal(reencode({ ...env, extra: 1 })).evidence).toEqual({ field: 'message.extra', value: undefined });
    expect(refusal(utf8.encode(JSON.stringify(env, null, 1)))).toEqual({ code: 'MESSAGE_NOT_CANONICAL', evidence: { type: 'commit' }, message: 'message body is not in RFC 8785 canonical form' });
    const theirs = bytesToHex(publicKeyFromSecret(other));
    expect(refusal(reencode({ ...env, payload: { ...(env.payload as Record<string, JsonValue>), signer: theirs } }))).toEqual({
      code: 'MESSAGE_SIGNER_MISMATCH', evidence: { type: 'commit', envelope: signer, payload: theirs }, message: 'payload signer differs from the envelope signer',
    });
  });

  it('a signature by another key names the type, the signer and the digest signed', () => {
    const env = envelope();
    const other2 = parseStrictJson(utf8.decodeStrict(buildMessage('commit', { ...samples.commit, signer: bytesToHex(publicKeyFromSecret(other)) }, other))!) as Record<string, JsonValue>;
    const r = refusal(reencode({ ...env, sig: other2.sig! }));
    expect(r).toEqual({ code: 'MESSAGE_BAD_SIGNATURE', evidence: { type: 'commit', signer, digest: bytesToHex(messageDigest('commit', env.payload!)) }, message: 'commit message signature does not verify under its signer' });
  });

  it('context: network, genesis and month each name what the message says and what was wanted; what the context leaves open is not checked', () => {
    const good = buildMessage('commit', samples.commit, sk);
    expect(refusal(good, { ...ctx, network: 'signet' })).toEqual({ code: 'MESSAGE_WRONG_NETWORK', evidence: { type: 'commit', got: 'regtest', want: 'signet' }, message: 'commit message is for regtest, not signet' });
    const g2 = `${'c1'.repeat(32)}i0`;
    expect(refusal(good, { ...ctx, genesis: g2 })).toEqual({ code: 'MESSAGE_WRONG_GENESIS', evidence: { type: 'commit', got: GENESIS, want: g2 }, message: 'commit message belongs to another genesis' });
    expect(refusal(good, { ...ctx, month: 3 })).toEqual({ code: 'MESSAGE_WRONG_MONTH', evidence: { type: 'commit', got: 2, want: 3 }, message: 'commit message is for month 2, not 3' });
    expect(parseMessage(good, { network: 'regtest' }).type).toBe('commit');
    expect(parseMessage(good, { network: 'regtest', genesis: GENESIS }).type).toBe('commit');
    const genesisMessage = buildMessage('genesis', samples.genesis, sk);
    expect(parseMessage(genesisMessage, { network: 'regtest', genesis: g2, month: 5 }).type).toBe('genesis');
  });

  it('a key link the old key did not sign names both keys', () => {
    const oldSk = hexToBytes('03'.repeat(32));
    const oldKey = bytesToHex(publicKeyFromSecret(oldSk));
    const body = buildMessage('register', { ...samples.register, keylink: { old_key: oldKey, sig: '00'.repeat(64) } }, sk);
    expect(refusal(body)).toEqual({ code: 'MESSAGE_BAD_KEYLINK', evidence: { old_key: oldKey, new_key: signer }, message: 'key link is not signed by the old key' });
  });

  it('a producer signing a payload under another key is refused before anything is signed', () => {
    expect(() => buildMessage('commit', samples.commit, other)).toThrow('buildMessage: payload.signer is not the signing key');
  });
});
