import { describe, expect, it } from 'vitest';
import { networkFromName } from '../../chain/network';
import { isUnavailableCode } from '../../codes';
import { parseHeader } from '../../chain/header';
import type { BlockSource } from '../records';
import { verifyHeaders } from './headers';
import { recorded, REGTEST } from './recorded.test-util';
import { once } from '../../once.test-util';

const month = once(() => {
  const { sources } = recorded('full');
  const blocks = Object.values(sources.blocks);
  const [first] = blocks;
  if (!first?.header) throw new Error('the recorded month has no block');
  return { sources, blocks, first };
});
const one = (b: BlockSource) => verifyHeaders({ blocks: { [b.height]: b }, network: REGTEST });

describe('when every block of the month hashes to the hash the hosts name, has proof of work and proves its height', () => {
  it('passes each, and returns them by height', () => {
    const { sources, blocks, first } = month();
    const r = verifyHeaders({ blocks: sources.blocks, network: REGTEST });
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.checks[0]?.message).toBe(`block ${first.height}: height proven by its coinbase (BIP34); proof of work valid; 1 of 1 hosts name it`);
    expect(r.checks[0]?.evidence).toMatchObject({ coinbase: first.heightProof?.coinbase.txid, branch: first.heightProof?.branch.length });
    expect(r.checks.map((c) => c.evidence.height)).toEqual(blocks.map((b) => b.height).sort((a, b) => a - b));
    expect([...(r.value?.keys() ?? [])]).toEqual(r.checks.map((c) => c.evidence.height));
  });
});

describe('when a header is not the block the hosts name', () => {
  it('fails with CHAIN_HEADER_HASH_MISMATCH and the block is not verified', () => {
    const { first } = month();
    const bytes = first.header!.bytes.slice();
    bytes[4]! ^= 1;
    const r = one({ ...first, header: parseHeader(bytes) });
    expect(r.checks.map((c) => c.code)).toEqual(['CHAIN_HEADER_HASH_MISMATCH']);
    expect(r.value?.size).toBe(0);
  });
});

describe('when two hosts name different blocks at the height', () => {
  it('fails with FETCH_HOSTS_DISAGREE; a host that gave an error does not count', () => {
    const { first } = month();
    expect(one({ ...first, hosts: { a: first.hash, b: 'ee'.repeat(32) } }).checks.map((c) => c.code)).toEqual(['FETCH_HOSTS_DISAGREE']);
    expect(one({ ...first, hosts: { a: first.hash, b: 'error:FETCH_TIMEOUT' } }).checks.map((c) => c.code)).toEqual(['OK']);
  });
});

describe('when the block could not be fetched', () => {
  it('fails with the fetch error\'s code, or FETCH_NOT_FOUND without a header', () => {
    const { first } = month();
    expect(one({ height: 7, hash: '', hosts: {}, error: { code: 'FETCH_ALL_HOSTS_FAILED', message: 'no host' } }).checks.map((c) => c.code)).toEqual(['FETCH_ALL_HOSTS_FAILED']);
    expect(one({ height: 7, hash: first.hash, hosts: {} }).checks.map((c) => c.code)).toEqual(['FETCH_NOT_FOUND']);
  });
});

describe('when a regtest header is judged by mainnet\'s rules', () => {
  it('fails the proof-of-work floor (a CHAIN_ code)', () => {
    const { first } = month();
    expect(verifyHeaders({ blocks: { [first.height]: first }, network: { ...networkFromName('mainnet'), bip34Height: 1 } }).checks[0]?.code).toMatch(/^CHAIN_(TARGET|POW)_/);
  });
  it('a height below mainnet\'s BIP34 activation is CHAIN_HEIGHT_UNPROVABLE', () => {
    const { first } = month();
    expect(verifyHeaders({ blocks: { [first.height]: first }, network: networkFromName('mainnet') }).checks.map((c) => c.code)).toEqual(['CHAIN_HEIGHT_UNPROVABLE']);
  });
});

describe('when a block is used at a height its coinbase does not prove (BIP34)', () => {
  it('a real block named one height off fails with CHAIN_HEIGHT_MISMATCH (a host\'s lie: the month is unavailable)', () => {
    const { first } = month();
    const r = one({ ...first, height: first.height + 1 });
    expect(r.checks.map((c) => c.code)).toEqual(['CHAIN_HEIGHT_MISMATCH']);
    expect(r.checks[0]?.evidence).toMatchObject({ height: first.height + 1, proven: first.height });
    expect(isUnavailableCode('CHAIN_HEIGHT_MISMATCH')).toBe(true);
    expect(r.value?.size).toBe(0);
  });
  it('another block\'s coinbase and branch fail with CHAIN_MERKLE_ROOT_MISMATCH', () => {
    const { blocks, first } = month();
    const other = blocks.find((b) => b.height !== first.height)!;
    expect(one({ ...first, heightProof: other.heightProof! }).checks.map((c) => c.code)).toEqual(['CHAIN_MERKLE_ROOT_MISMATCH']);
  });
  it('a block without its coinbase cannot be placed: FETCH_NOT_FOUND', () => {
    const { first } = month();
    const { heightProof: _, ...bare } = first;
    expect(one(bare).checks.map((c) => c.code)).toEqual(['FETCH_NOT_FOUND']);
  });
});

describe('the headers checks\' step and evidence', () => {
  it('a verified block: step headers, its bits and hosts', () => {
    const { first } = month();
    const c = one(first).checks[0]!;
    expect(c).toMatchObject({ step: 'headers', ok: true, evidence: { height: first.height, hash: first.hash, bits: `0x${first.header!.bits.toString(16)}`, hosts: first.hosts } });
  });
  it('a failed block: step headers, with the height, hash and hosts, and what the height proof adds', () => {
    const { first } = month();
    const hosts = { a: first.hash, b: 'ee'.repeat(32) };
    expect(one({ ...first, hosts }).checks[0]).toMatchObject({ step: 'headers', ok: false, evidence: { height: first.height, hash: first.hash, hosts } });
    const off = one({ ...first, height: first.height + 1 }).checks[0]!;
    expect(off.evidence).toMatchObject({ height: first.height + 1, hash: first.hash, hosts: first.hosts, proven: first.height });
    expect(off.message).toMatch(new RegExp(`^block at height ${first.height + 1}: `));
  });
  it('a block that came with an error is not verified even with a header', () => {
    const { first } = month();
    const r = one({ ...first, error: { code: 'FETCH_HOSTS_DISAGREE', message: 'two blocks' } });
    expect(r.checks.map((c) => c.code)).toEqual(['FETCH_HOSTS_DISAGREE']);
    expect(r.value?.size).toBe(0);
  });
});
