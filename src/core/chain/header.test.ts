import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, sha256d } from '../bytes';
import mainnet from '../../../vectors/esplora/esplora-mainnet-block-696394.json';
import testnet3 from '../../../vectors/esplora/esplora-testnet3-block-2582756.json';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { parseHeader, targetFromBits, verifyHeaderChain, verifyPow } from './header';
import { networkFromName } from './network';

const code = (c: string) => expect.objectContaining({ code: c });

/** Mine a regtest header on top of `prev` (bits 0x207fffff: about every second nonce works). */
function mineRegtest(prevHash: Uint8Array, time: number): Uint8Array {
  const h = new Uint8Array(80);
  const v = new DataView(h.buffer);
  v.setInt32(0, 0x20000000, true);
  h.set(prevHash, 4);
  v.setUint32(68, time, true);
  v.setUint32(72, 0x207fffff, true);
  for (let nonce = 0; ; nonce++) {
    v.setUint32(76, nonce, true);
    if (BigInt('0x' + bytesToHex(sha256d(h).reverse())) <= targetFromBits(0x207fffff)) return h;
  }
}

describe('parseHeader', () => {
  it('reads the fields of a real mainnet header and hashes it to the served block id', () => {
    const h = parseHeader(mainnet.headerHex);
    expect(h.hash).toBe(mainnet.blockJson.id);
    expect(h.version).toBe(mainnet.blockJson.version);
    expect(h.prevHash).toBe(mainnet.blockJson.previousblockhash);
    expect(h.merkleRoot).toBe(mainnet.blockJson.merkle_root);
    expect(h.time).toBe(mainnet.blockJson.timestamp);
    expect(h.bits).toBe(mainnet.blockJson.bits);
    expect(h.nonce).toBe(mainnet.blockJson.nonce);
  });

  describe('when the header is not 80 bytes of hex', () => {
    for (const bad of [mainnet.headerHex.slice(0, 158), mainnet.headerHex + '00', 'zz'.repeat(80), '', 42]) {
      it(`rejects ${typeof bad === 'string' ? `${bad.length} chars` : typeof bad}`, () => {
        expect(() => parseHeader(bad as string)).toThrow(code('CHAIN_HEADER_MALFORMED'));
      });
    }
    it('rejects 79 raw bytes', () => expect(() => parseHeader(new Uint8Array(79))).toThrow(code('CHAIN_HEADER_MALFORMED')));
  });
});

describe('targetFromBits', () => {
  it('decodes difficulty-1, regtest and a real mainnet target', () => {
    expect(targetFromBits(0x1d00ffff)).toBe(0xffffn << 208n);
    expect(targetFromBits(0x207fffff)).toBe(0x7fffffn << 232n);
    expect(targetFromBits(0x1712180b)).toBe(0x12180bn << 160n);
    expect(targetFromBits(0x03123456)).toBe(0x123456n);
    expect(targetFromBits(0x02123456)).toBe(0x1234n);
  });

  describe('when bits are negative, zero or overflow', () => {
    for (const bits of [0x1d800001, 0x04923456, 0x00000000, 0x1d000000, 0x01003456, 0x23000100, 0x22010000, 0x2201ffff, 0xff123456]) {
      it(`rejects 0x${bits.toString(16)}`, () => expect(() => targetFromBits(bits)).toThrow(code('CHAIN_BITS_INVALID')));
    }
    it('accepts the largest non-overflowing encodings', () => {
      expect(targetFromBits(0x220000ff)).toBe(0xffn << 248n);
      expect(targetFromBits(0x2100ffff)).toBe(0xffffn << 240n);
    });
  });
});

describe('verifyPow', () => {
  it('accepts every real header in the vectors', () => {
    for (const p of REAL_PROOFS) expect(() => verifyPow(parseHeader(p.headerHex), networkFromName(p.network))).not.toThrow();
  });

  describe('when one header byte changes', () => {
    it('the hash no longer meets the target (nonce, time, version, merkle root)', () => {
      for (const offset of [0, 40, 68, 76, 79]) {
        const b = hexToBytes(mainnet.headerHex);
        b[offset]! ^= 0x01;
        expect(() => verifyPow(parseHeader(b), networkFromName('mainnet'))).toThrow(code('CHAIN_POW_INSUFFICIENT'));
      }
    });
  });

  describe('when the target is easier than the network allows', () => {
    it('a difficulty-1 testnet3 header is refused on mainnet (floor)', () => {
      expect(() => verifyPow(parseHeader(testnet3.headerHex), networkFromName('mainnet'))).toThrow(code('CHAIN_TARGET_ABOVE_FLOOR'));
    });
    it('a regtest header is refused on testnet4 (powLimit)', () => {
      const h = parseHeader(mineRegtest(new Uint8Array(32), 1));
      expect(() => verifyPow(h, networkFromName('testnet4'))).toThrow(code('CHAIN_TARGET_ABOVE_POW_LIMIT'));
      expect(() => verifyPow(h, networkFromName('regtest'))).not.toThrow();
    });
  });
});

describe('verifyHeaderChain', () => {
  const regtest = networkFromName('regtest');
  const genesis = hexToBytes(regtest.genesisHash).reverse();
  const a = mineRegtest(genesis, 1700000000);
  const b = mineRegtest(sha256d(a), 1700000600);

  it('accepts linked headers and sums their work', () => {
    expect(verifyHeaderChain([parseHeader(a), parseHeader(b)], regtest)).toBe(4n);
  });

  describe('when a header does not build on the previous one', () => {
    it('rejects with the index', () => {
      const c = mineRegtest(genesis, 1700000900);
      expect(() => verifyHeaderChain([parseHeader(a), parseHeader(c)], regtest)).toThrow(code('CHAIN_HEADER_NOT_LINKED'));
    });
  });
});
