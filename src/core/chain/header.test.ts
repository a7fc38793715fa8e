import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, sha256d } from '../bytes';
import mainnet from '../../../vectors/esplora/esplora-mainnet-block-696394.json';
import testnet3 from '../../../vectors/esplora/esplora-testnet3-block-2582756.json';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { errorOf } from '../errors.test-util';
import { parseHeader, targetFromBits, verifyHeaderChain, verifyPow, workFromTarget } from './header';
import { networkFromName } from './network';
import { once } from '../once.test-util';

const code = (c: string) => expect.objectContaining({ code: c });
/** A fixture built on first use, inside a test: a failure in the code under test then fails that test, not the file. */

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

/** Three linked regtest headers on the regtest genesis. */
const regtestChain = once(() => {
  const regtest = networkFromName('regtest');
  const genesis = hexToBytes(regtest.genesisHash).reverse();
  const a = mineRegtest(genesis, 1700000000);
  const b = mineRegtest(sha256d(a), 1700000600);
  const c = mineRegtest(sha256d(b), 1700001200);
  return { regtest, genesis, a, b, c };
});

describe('verifyHeaderChain', () => {
  it('accepts linked headers and sums their work', () => {
    const { regtest, a, b } = regtestChain();
    expect(verifyHeaderChain([parseHeader(a), parseHeader(b)], regtest)).toBe(4n);
  });

  describe('when a header does not build on the previous one', () => {
    it('rejects with the index', () => {
      const { regtest, genesis, a } = regtestChain();
      const c = mineRegtest(genesis, 1700000900);
      expect(() => verifyHeaderChain([parseHeader(a), parseHeader(c)], regtest)).toThrow(code('CHAIN_HEADER_NOT_LINKED'));
    });
  });
});

const hex64 = (n: bigint) => n.toString(16).padStart(64, '0');
/** An 80-byte header with the given bits (other fields zero): its hash is far above any hard target. */
const withBits = (bits: number): Uint8Array => {
  const h = new Uint8Array(80);
  new DataView(h.buffer).setUint32(72, bits, true);
  return h;
};

describe('parseHeader: fields and errors', () => {
  it('the internal Merkle root is the 32 bytes at offset 36, the display root reversed', () => {
    const h = parseHeader(mainnet.headerHex);
    expect(bytesToHex(h.merkleRootInternal)).toBe(mainnet.headerHex.slice(72, 136));
    expect(bytesToHex(Uint8Array.from(h.merkleRootInternal).reverse())).toBe(h.merkleRoot);
  });
  it('reads the version as signed and time, bits and nonce as unsigned', () => {
    const b = new Uint8Array(80).fill(0xff);
    expect(parseHeader(b)).toMatchObject({ version: -1, time: 0xffffffff, bits: 0xffffffff, nonce: 0xffffffff });
  });
  it('names the header and its length when the length is wrong', () => {
    const e = errorOf(() => parseHeader(new Uint8Array(79)));
    expect(e.code).toBe('CHAIN_HEADER_MALFORMED');
    expect(e.evidence).toEqual({ length: 79 });
    expect(e.message).toContain('80');
    expect(e.message).toContain('79');
    expect(errorOf(() => parseHeader('zz')).message).toMatch(/header/);
  });
});

describe('targetFromBits: edges', () => {
  it('a bits value that is not a u32 is a caller bug (RangeError), not an invalid header', () => {
    for (const bits of [-1, 1.5, 0x100000000, Number.NaN]) {
      expect(() => targetFromBits(bits)).toThrow(RangeError);
      expect(() => targetFromBits(bits)).toThrow(String(bits));
    }
  });
  it('0xffffffff is a u32: it is an invalid (negative) encoding, not a caller bug', () => {
    const e = errorOf(() => targetFromBits(0xffffffff));
    expect(e.code).toBe('CHAIN_BITS_INVALID');
    expect(e.evidence).toEqual({ bits: '0xffffffff' });
  });
  it('each overflow rule rejects on its own: exponent > 34, mantissa > 0xff above 33, mantissa > 0xffff above 32', () => {
    for (const bits of [0x23000001, 0x22000100, 0x21010000]) {
      const e = errorOf(() => targetFromBits(bits));
      expect(e.code).toBe('CHAIN_BITS_INVALID');
      expect(e.message).toMatch(/overflow/);
    }
    expect(targetFromBits(0x21000100)).toBe(0x100n << 240n);
    expect(targetFromBits(0x2000ffff)).toBe(0xffffn << 232n);
    expect(targetFromBits(0x20010000)).toBe(0x10000n << 232n);
  });
  it('says why bits are invalid: a sign bit with a zero mantissa is a zero target, not a negative one', () => {
    const why = (bits: number) => { const e = errorOf(() => targetFromBits(bits)); expect(e.code).toBe('CHAIN_BITS_INVALID'); return e.message; };
    expect(why(0x1d800001)).toMatch(/negative/);
    expect(why(0x1d800000)).toMatch(/zero/);
    expect(why(0x23000000)).toMatch(/zero/);
    expect(why(0x23800000)).toMatch(/zero/);
    expect(why(0x00000000)).toMatch(/zero/);
  });
  it('the evidence gives the bits as 8 hex digits', () => {
    expect(errorOf(() => targetFromBits(0)).evidence).toEqual({ bits: '0x00000000' });
    expect(errorOf(() => targetFromBits(0x01003456)).evidence).toEqual({ bits: '0x01003456' });
  });
  it('exponents 1 to 3 shift the mantissa right', () => {
    expect(targetFromBits(0x01120000)).toBe(0x12n);
    expect(targetFromBits(0x02123400)).toBe(0x1234n);
    expect(targetFromBits(0x04123456)).toBe(0x12345600n);
  });
});

describe('workFromTarget', () => {
  it('difficulty 1 (bits 0x1d00ffff) is 0x100010001 hashes, as Bitcoin Core GetBlockProof', () => {
    expect(workFromTarget(targetFromBits(0x1d00ffff))).toBe(0x100010001n);
  });
  it('the largest target gives work 1 and target 0 would be 2^256', () => {
    expect(workFromTarget((1n << 256n) - 1n)).toBe(1n);
    expect(workFromTarget(1n)).toBe(1n << 255n);
  });
});

describe('verifyPow: boundaries and evidence', () => {
  const regtest = networkFromName('regtest');
  const fake = (bits: number, hash: bigint) => ({ ...parseHeader(withBits(bits)), hash: hex64(hash) });

  it('a hash equal to the target meets it; one above does not', () => {
    const target = targetFromBits(0x207fffff);
    expect(verifyPow(fake(0x207fffff, target), regtest)).toBe(target);
    const e = errorOf(() => verifyPow(fake(0x207fffff, target + 1n), regtest));
    expect(e.code).toBe('CHAIN_POW_INSUFFICIENT');
    expect(e.evidence).toEqual({ blockHash: hex64(target + 1n), bits: '0x207fffff', target: hex64(target), network: 'regtest' });
    expect(e.message).not.toBe('');
  });

  it('the evidence writes small bits and targets with leading zeros', () => {
    const h = parseHeader(withBits(0x03123456));
    const e = errorOf(() => verifyPow(h, regtest));
    expect(e.code).toBe('CHAIN_POW_INSUFFICIENT');
    expect(e.evidence).toEqual({ blockHash: h.hash, bits: '0x03123456', target: hex64(0x123456n), network: 'regtest' });
  });

  it('a target above the powLimit names the network and both numbers', () => {
    const testnet4 = networkFromName('testnet4');
    const h = parseHeader(withBits(0x207fffff));
    const e = errorOf(() => verifyPow(h, testnet4));
    expect(e.code).toBe('CHAIN_TARGET_ABOVE_POW_LIMIT');
    expect(e.evidence).toEqual({ blockHash: h.hash, bits: '0x207fffff', target: hex64(targetFromBits(0x207fffff)), network: 'testnet4', powLimit: hex64(testnet4.powLimit) });
    expect(e.message).toContain('testnet4');
  });

  it('a target above the floor names the floor and why it is there', () => {
    const net = networkFromName('mainnet');
    const h = parseHeader(testnet3.headerHex);
    const e = errorOf(() => verifyPow(h, net));
    expect(e.code).toBe('CHAIN_TARGET_ABOVE_FLOOR');
    expect(e.evidence).toEqual({ blockHash: h.hash, bits: '0x1d00ffff', target: hex64(0xffffn << 208n), network: 'mainnet', floor: hex64(net.floorTarget), floorReason: net.floorReason });
    expect(e.message).toContain('mainnet');
  });

  it('a target exactly at the powLimit and floor passes that check', () => {
    const net = { ...regtest, powLimit: targetFromBits(0x207fffff), floorTarget: targetFromBits(0x207fffff) };
    expect(verifyPow(fake(0x207fffff, 0n), net)).toBe(targetFromBits(0x207fffff));
    expect(errorOf(() => verifyPow(fake(0x207fffff, 0n), { ...net, floorTarget: net.floorTarget - 1n })).code).toBe('CHAIN_TARGET_ABOVE_FLOOR');
    expect(errorOf(() => verifyPow(fake(0x207fffff, 0n), { ...net, powLimit: net.powLimit - 1n })).code).toBe('CHAIN_TARGET_ABOVE_POW_LIMIT');
  });
});

describe('verifyHeaderChain: evidence', () => {
  it('an empty chain has no work and one header its own', () => {
    const { regtest, a, b, c } = regtestChain();
    expect(verifyHeaderChain([], regtest)).toBe(0n);
    expect(verifyHeaderChain([parseHeader(a)], regtest)).toBe(2n);
    expect(verifyHeaderChain([a, b, c].map((x) => parseHeader(x)), regtest)).toBe(6n);
  });
  it('a break names the header that does not link, the hash it builds on and the one expected', () => {
    const { regtest, a, b } = regtestChain();
    const headers = [a, b, a].map((x) => parseHeader(x));
    const e = errorOf(() => verifyHeaderChain(headers, regtest));
    expect(e.code).toBe('CHAIN_HEADER_NOT_LINKED');
    expect(e.evidence).toEqual({ index: 2, prevHash: headers[2]!.prevHash, expected: headers[1]!.hash });
    expect(e.message).toMatch(/header 2 .*header 1/);
  });
  it('every header must meet its own target, not only the first', () => {
    const { regtest, a, b } = regtestChain();
    const bad = Uint8Array.from(b);
    bad[76]! ^= 0xff;
    for (let n = 0; ; n++) {
      new DataView(bad.buffer).setUint32(76, n, true);
      if (BigInt('0x' + bytesToHex(sha256d(bad).reverse())) > targetFromBits(0x207fffff)) break;
    }
    expect(errorOf(() => verifyHeaderChain([parseHeader(a), parseHeader(bad)], regtest)).code).toBe('CHAIN_POW_INSUFFICIENT');
  });
});
