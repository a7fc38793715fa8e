import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { kemEncrypt, kemRandomness, openPackage, sealPackage, type PackageContext } from './kem';
import { parseInscriptionId } from './ids';
import { combineDecryptionShares, dealThresholdPaillier, decryptionShare, verifyDecryptionShare } from '../crypto/threshold-paillier';
import { bytesToBigint, modInv } from '../crypto/bigint-math';
import { PrivateKey, PublicKey } from 'paillier-bigint';
import { codeOf } from '../errors.test-util';

const primes = JSON.parse(readFileSync(new URL('../../../vectors/protocol/kem/safe-primes.json', import.meta.url), 'utf8')) as { keys: { modulus_bits: number; p: string; q: string }[] };
const small = primes.keys.find((k) => k.modulus_bits === 512)!;
const p = BigInt('0x' + small.p);
const q = BigInt('0x' + small.q);
const n = p * q;

const ctx: PackageContext = { network: 'regtest', genesis: parseInscriptionId('ab'.repeat(32) + 'i0'), month: 3, actuary: '79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798' };
const key = hexToBytes('42'.repeat(32));
const plaintext = utf8.encode('{"month":3,"root":"…"}');


describe('when a package is sealed and the key later revealed', () => {
  const sealed = sealPackage(n, key, plaintext, ctx);
  const kemHex = bytesToHex(sealed.kem);
  const ctHex = bytesToHex(sealed.ciphertext);

  it('opens to the same plaintext', () => {
    expect(openPackage(n, kemHex, ctHex, bytesToHex(key), ctx)).toEqual(plaintext);
  });

  it('is deterministic in the key (a light client can re-encrypt)', () => {
    expect(bytesToHex(kemEncrypt(n, key))).toBe(kemHex);
    expect(kemRandomness(n, key)).toBeLessThan(n);
  });

  it('decrypts with the Paillier secret to the key (paillier-bigint private key)', () => {
    const phi = (p - 1n) * (q - 1n);
    const priv = new PrivateKey(phi, modInv(phi, n), new PublicKey(n, n + 1n), p, q);
    expect(priv.decrypt(bytesToBigint(sealed.kem))).toBe(bytesToBigint(key));
  });

  it('rejects a different revealed key as REVEAL_KEM_MISMATCH', () => {
    expect(codeOf(() => openPackage(n, kemHex, ctHex, '43'.repeat(32), ctx))).toBe('REVEAL_KEM_MISMATCH');
  });

  it('rejects a package passed off by another actuary as REVEAL_AEAD_FAILED', () => {
    expect(codeOf(() => openPackage(n, kemHex, ctHex, bytesToHex(key), { ...ctx, actuary: 'c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5' }))).toBe('REVEAL_AEAD_FAILED');
    expect(codeOf(() => openPackage(n, kemHex, ctHex, bytesToHex(key), { ...ctx, month: 4 }))).toBe('REVEAL_AEAD_FAILED');
  });

  it('rejects a flipped ciphertext byte as REVEAL_AEAD_FAILED', () => {
    const bad = (ctHex[0] === '0' ? '1' : '0') + ctHex.slice(1);
    expect(codeOf(() => openPackage(n, kemHex, bad, bytesToHex(key), ctx))).toBe('REVEAL_AEAD_FAILED');
  });

  it('rejects a KEM ciphertext of the wrong length as REVEAL_MALFORMED', () => {
    expect(codeOf(() => openPackage(n, kemHex.slice(2), ctHex, bytesToHex(key), ctx))).toBe('REVEAL_MALFORMED');
  });
});

describe('when the group must decrypt a disputed commit (threshold 3 of 5)', () => {
  const deal = dealThresholdPaillier(p, q, 3, 5, utf8.encode('paillier test dealer'));
  const c = bytesToBigint(kemEncrypt(n, key));
  const shares = deal.shares.map((s) => decryptionShare(deal.pub, s, c));

  it('every honest share verifies', () => {
    for (const s of shares) expect(codeOf(() => verifyDecryptionShare(deal.pub, c, s))).toBe('ok');
  });

  it('any 3 shares combine to the key', () => {
    expect(combineDecryptionShares(deal.pub, [shares[0]!, shares[1]!, shares[2]!])).toBe(bytesToBigint(key));
    expect(combineDecryptionShares(deal.pub, [shares[4]!, shares[1]!, shares[3]!])).toBe(bytesToBigint(key));
  });

  it('a tampered share fails its proof with REVEAL_SHARE_INVALID', () => {
    const s = shares[2]!;
    expect(codeOf(() => verifyDecryptionShare(deal.pub, c, { ...s, share: (s.share * 2n) % (n * n) }))).toBe('REVEAL_SHARE_INVALID');
    expect(codeOf(() => verifyDecryptionShare(deal.pub, c, { ...s, z: s.z + 1n }))).toBe('REVEAL_SHARE_INVALID');
    expect(codeOf(() => verifyDecryptionShare(deal.pub, c, { ...s, index: 4 }))).toBe('REVEAL_SHARE_INVALID');
    expect(codeOf(() => verifyDecryptionShare(deal.pub, c, { ...s, index: 9 }))).toBe('REVEAL_SHARE_INVALID');
  });

  it('a share for another ciphertext fails its proof', () => {
    const other = bytesToBigint(kemEncrypt(n, hexToBytes('44'.repeat(32))));
    expect(codeOf(() => verifyDecryptionShare(deal.pub, other, shares[0]!))).toBe('REVEAL_SHARE_INVALID');
  });
});
