import { describe, expect, it } from 'vitest';
import { schnorr } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8 } from '../bytes';
import { isValidSchnorr, parseSchnorrSignature, parseXOnlyKey, publicKeyFromSecret, signSchnorr, verifySchnorr } from './schnorr';
import { messageTag, taggedHash } from './tagged-hash';
import { codeOf } from '../errors.test-util';


describe('when hashing with a tag', () => {
  it('is SHA256(SHA256(tag) ‖ SHA256(tag) ‖ msg), as noble computes it', () => {
    const msg = utf8.encode('payload');
    const t = sha256(utf8.encode('drey/v1/commit'));
    expect(bytesToHex(taggedHash(messageTag('commit'), msg))).toBe(bytesToHex(sha256(concatBytes(t, t, msg))));
    expect(bytesToHex(taggedHash('drey/v1/commit', msg))).toBe(bytesToHex(schnorr.utils.taggedHash('drey/v1/commit', msg)));
  });
});

describe('when checking BIP340 test vectors', () => {
  it('vector 0 signs to the published signature', () => {
    const sk = hexToBytes('00'.repeat(31) + '03');
    expect(bytesToHex(publicKeyFromSecret(sk))).toBe('f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9');
    const sig = signSchnorr(new Uint8Array(32), sk, new Uint8Array(32));
    expect(bytesToHex(sig)).toBe('e907831f80848d1069a5371b402410364bdf1c5f8307b0084c55f1ce2dca821525f66a4a85ea8b71e482a74f382d2ce5ebeee8fdb2172f477df4900d310536c0');
  });
  it('vector 5 (public key not on the curve) is MESSAGE_BAD_KEY', () => {
    expect(codeOf(() => parseXOnlyKey('eefdea4cdb677750a420fee807eacf21eb9898ae79b9768766e4faa04a2d4a34'))).toBe('MESSAGE_BAD_KEY');
  });
});

describe('when a signature is checked under the wrong tag or key', () => {
  const sk = hexToBytes('07'.repeat(32));
  const key = publicKeyFromSecret(sk);
  const payload = utf8.encode('{"month":1}');
  const sig = signSchnorr(taggedHash('drey/v1/commit', payload), sk);
  it('verifies under its own tag', () => {
    expect(codeOf(() => verifySchnorr(sig, taggedHash('drey/v1/commit', payload), key))).toBe('ok');
  });
  it('fails under another message type\'s tag', () => {
    expect(codeOf(() => verifySchnorr(sig, taggedHash('drey/v1/final', payload), key))).toBe('MESSAGE_BAD_SIGNATURE');
  });
  it('fails under another key', () => {
    expect(codeOf(() => verifySchnorr(sig, taggedHash('drey/v1/commit', payload), publicKeyFromSecret(hexToBytes('08'.repeat(32)))))).toBe('MESSAGE_BAD_SIGNATURE');
  });
  it('refuses malformed encodings with MESSAGE_ codes', () => {
    expect(codeOf(() => parseSchnorrSignature(bytesToHex(sig).slice(2)))).toBe('MESSAGE_BAD_SIGNATURE');
    expect(codeOf(() => parseSchnorrSignature(bytesToHex(sig).toUpperCase()))).toBe('MESSAGE_BAD_SIGNATURE');
    expect(codeOf(() => parseXOnlyKey(42))).toBe('MESSAGE_BAD_KEY');
    expect(codeOf(() => parseXOnlyKey('ff'.repeat(32)))).toBe('MESSAGE_BAD_KEY');
  });
});

describe('when the same signature is checked again', () => {
  const secret = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
  const key = publicKeyFromSecret(secret);
  const digest = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
  const sig = signSchnorr(digest, secret);
  const flip = (b: Uint8Array, i: number) => { const c = b.slice(); c[i]! ^= 1; return c; };

  it('the remembered verdict is the one for exactly those bytes: any other key, digest or signature is checked afresh', () => {
    for (let round = 0; round < 2; round++) {
      expect(isValidSchnorr(sig, digest, key)).toBe(true);
      expect(isValidSchnorr(flip(sig, 40), digest, key)).toBe(false);
      expect(isValidSchnorr(sig, flip(digest, 0), key)).toBe(false);
      expect(isValidSchnorr(sig, digest, publicKeyFromSecret(flip(secret, 31)))).toBe(false);
    }
    // A false answer remembered does not turn a later valid check false, nor the reverse.
    const other = Uint8Array.from({ length: 32 }, (_, i) => i * 3);
    expect(isValidSchnorr(sig, other, key)).toBe(false);
    const sigOther = signSchnorr(other, secret);
    expect(isValidSchnorr(sigOther, other, key)).toBe(true);
    expect(isValidSchnorr(sigOther, digest, key)).toBe(false);
  });
});
