/** The package KEM's edges: the key-derived randomness' rules, and what each refusal to open a package names. */
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes, utf8 } from '../bytes';
import { bytesToBigint, gcd } from '../crypto/bigint-math';
import { taggedHash } from '../crypto/tagged-hash';
import { errorOf } from '../errors.test-util';
import { parseInscriptionId, u32be } from './ids';
import { KEM_R_TAG, kemRandomness, openPackage, sealPackage, type PackageContext } from './kem';

/** r at one attempt, from the formula of docs/protocol.md §7.2, for a modulus of one byte (so 17 bytes: one block). */
const rAt = (n: bigint, key: Uint8Array, attempt: number): bigint =>
  bytesToBigint(taggedHash(KEM_R_TAG, key, u32be(attempt), u32be(0)).subarray(0, 17)) % n;

describe('the key-derived randomness', () => {
  it('needs a 32-byte key', () => {
    expect(() => kemRandomness(15n, new Uint8Array(31))).toThrow('kemRandomness: key must be 32 bytes');
    expect(() => kemRandomness(15n, new Uint8Array(33))).toThrow(RangeError);
  });

  it('is the first attempt whose r is nonzero and prime to N (N = 15: about half the attempts are skipped)', () => {
    let skipped = 0;
    for (let k = 0; k < 40; k++) {
      const key = new Uint8Array(32).fill(k);
      let attempt = 0;
      while (rAt(15n, key, attempt) === 0n || gcd(rAt(15n, key, attempt), 15n) !== 1n) attempt++;
      const r = kemRandomness(15n, key);
      expect(r).toBe(rAt(15n, key, attempt));
      expect(r !== 0n && gcd(r, 15n) === 1n).toBe(true);
      if (attempt > 0) skipped++;
    }
    expect(skipped).toBeGreaterThan(0);
  });

  it('reads |N| + 16 bytes from as many 32-byte blocks as that takes', () => {
    const n = (1n << 520n) + 1n; // 66 bytes: 82 bytes of blocks 0, 1 and 2
    const key = new Uint8Array(32).fill(9);
    const blocks = [0, 1, 2].map((i) => taggedHash(KEM_R_TAG, key, u32be(0), u32be(i)));
    const r = bytesToBigint(concatBytes(...blocks).subarray(0, 82)) % n;
    expect([r !== 0n, gcd(r, n)]).toEqual([true, 1n]);
    expect(kemRandomness(n, key)).toBe(r);
  });
});

describe('a package that does not open', () => {
  const n = 0xc3a5c85c97cb3127n * 0xb492b66fbe98f273n;
  const ctx: PackageContext = { network: 'regtest', genesis: parseInscriptionId(`${'ab'.repeat(32)}i0`), month: 3, actuary: '79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798' };
  const key = hexToBytes('42'.repeat(32));

  it('under another key: REVEAL_KEM_MISMATCH names the key, the actuary and both ciphertexts\' beginnings', () => {
    const sealed = sealPackage(n, key, utf8.encode('package'), ctx);
    const kemHex = bytesToHex(sealed.kem);
    const other = '43'.repeat(32);
    const e = errorOf(() => openPackage(n, kemHex, bytesToHex(sealed.ciphertext), other, ctx));
    expect(e.code).toBe('REVEAL_KEM_MISMATCH');
    expect(e.message).toBe('the revealed key does not re-encrypt to the committed KEM ciphertext');
    const computed = bytesToHex(sealPackage(n, hexToBytes(other), new Uint8Array(0), ctx).kem);
    expect(e.evidence).toEqual({ key: other, actuary: ctx.actuary, computed: `${computed.slice(0, 64)}…`, committed: `${kemHex.slice(0, 64)}…` });
  });

  it('under another actuary\'s context: REVEAL_AEAD_FAILED names the actuary, the month and the ciphertext\'s size', () => {
    const sealed = sealPackage(n, key, utf8.encode('package'), ctx);
    const other = { ...ctx, month: 4 };
    const e = errorOf(() => openPackage(n, bytesToHex(sealed.kem), bytesToHex(sealed.ciphertext), bytesToHex(key), other));
    expect([e.code, e.evidence, e.message]).toEqual(['REVEAL_AEAD_FAILED', { actuary: ctx.actuary, month: 4, bytes: sealed.ciphertext.length }, 'the package does not decrypt and authenticate under the revealed key']);
  });
});
