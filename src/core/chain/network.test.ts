import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../bytes';
import { parseHeader, targetFromBits, verifyPow } from './header';
import { DIFFICULTY_1_TARGET, NETWORK_NAMES, isNetworkName, networkFromName } from './network';

// Genesis headers as in Bitcoin Core chainparams.cpp (version 1, zero prev hash, the genesis merkle root).
const SATOSHI_ROOT = '3ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a';
const genesis = (root: string, time: number, bits: number, nonce: number): string => {
  const u32 = (n: number): string => [0, 8, 16, 24].map((s) => ((n >>> s) & 0xff).toString(16).padStart(2, '0')).join('');
  return u32(1) + '00'.repeat(32) + root + u32(time) + u32(bits) + u32(nonce);
};
const GENESIS = {
  mainnet: genesis(SATOSHI_ROOT, 1231006505, 0x1d00ffff, 2083236893),
  testnet: genesis(SATOSHI_ROOT, 1296688602, 0x1d00ffff, 414098458),
  testnet4: genesis('4e7b2b9128fe0291db0693af2ae418b767e657cd407e80cb1434221eaea7a07a', 1714777860, 0x1d00ffff, 393743547),
  signet: genesis(SATOSHI_ROOT, 1598918400, 0x1e0377ae, 52613770),
  regtest: genesis(SATOSHI_ROOT, 1296688602, 0x207fffff, 2),
};

describe('network parameters', () => {
  for (const name of NETWORK_NAMES) {
    it(`${name}: the genesis header hashes to the listed genesis hash and meets the powLimit`, () => {
      const net = networkFromName(name);
      const header = parseHeader(hexToBytes(GENESIS[name]));
      expect(header.hash).toBe(net.genesisHash);
      expect(targetFromBits(header.bits) <= net.powLimit).toBe(true);
      expect(net.floorTarget <= net.powLimit).toBe(true);
    });
  }

  it('testnet4, signet and regtest genesis blocks pass the floor; mainnet genesis is below the mainnet floor', () => {
    for (const name of ['testnet', 'testnet4', 'signet', 'regtest'] as const) {
      expect(() => verifyPow(parseHeader(hexToBytes(GENESIS[name])), networkFromName(name))).not.toThrow();
    }
    expect(() => verifyPow(parseHeader(hexToBytes(GENESIS.mainnet)), networkFromName('mainnet'))).toThrow(expect.objectContaining({ code: 'CHAIN_TARGET_ABOVE_FLOOR' }));
  });

  it('the mainnet floor is difficulty 10^12', () => {
    const floor = networkFromName('mainnet').floorTarget;
    expect(DIFFICULTY_1_TARGET / floor).toBe(10n ** 12n);
  });

  it('accepts testnet3 as an alias and refuses unknown names as a caller bug', () => {
    expect(networkFromName('testnet3').name).toBe('testnet');
    expect(() => networkFromName('liquid')).toThrow(RangeError);
  });
});

describe('the parameters of each network (Bitcoin Core chainparams, BIP173/BIP350, ord)', () => {
  const hex64 = (n: bigint) => n.toString(16).padStart(64, '0');
  it('names, segwit prefixes and jubilee heights', () => {
    expect(NETWORK_NAMES.map((n) => [n, networkFromName(n).name, networkFromName(n).bech32, networkFromName(n).jubileeHeight])).toEqual([
      ['mainnet', 'mainnet', 'bc', 824544], ['testnet', 'testnet', 'tb', 2544192], ['testnet4', 'testnet4', 'tb', 0],
      ['signet', 'signet', 'tb', 175392], ['regtest', 'regtest', 'bcrt', 110],
    ]);
  });
  it('powLimit as in chainparams.cpp', () => {
    const pow = Object.fromEntries(NETWORK_NAMES.map((n) => [n, hex64(networkFromName(n).powLimit)]));
    expect(pow).toEqual({
      mainnet: '00000000' + 'f'.repeat(56), testnet: '00000000' + 'f'.repeat(56), testnet4: '00000000' + 'f'.repeat(56),
      signet: '00000377ae' + '0'.repeat(54), regtest: '7' + 'f'.repeat(63),
    });
  });
  it('floors at or below the powLimit, each with a reason a person can read', () => {
    for (const n of NETWORK_NAMES) {
      const net = networkFromName(n);
      expect(net.floorTarget <= net.powLimit).toBe(true);
      expect(net.floorReason.length).toBeGreaterThan(20);
    }
    expect(networkFromName('testnet').floorTarget).toBe(targetFromBits(0x1d00ffff));
    expect(networkFromName('testnet4').floorTarget).toBe(targetFromBits(0x1d00ffff));
    expect(networkFromName('signet').floorTarget).toBe(targetFromBits(0x1e0377ae));
    expect(networkFromName('regtest').floorTarget).toBe(networkFromName('regtest').powLimit);
  });
  it('an unknown name is refused with the name and the list of networks', () => {
    expect(() => networkFromName('liquid')).toThrow(/"liquid".*mainnet, testnet, testnet4, signet, regtest/);
    expect(isNetworkName('mainnet')).toBe(true);
    expect(isNetworkName('testnet3')).toBe(false);
    expect(isNetworkName('toString')).toBe(false);
    expect(isNetworkName(1)).toBe(false);
    // a JSON array or object whose string form is a network name is not one
    expect(isNetworkName(['mainnet'])).toBe(false);
    expect(isNetworkName({ toString: () => 'regtest' })).toBe(false);
  });
});
