import { describe, expect, it } from 'vitest';
import { verifyAnchors, type AnchorsInput } from './anchors';

const HASH = 'ab'.repeat(32);
const input = (extra: Partial<AnchorsInput> = {}): AnchorsInput => ({
  network: 'regtest', genesisId: `${'11'.repeat(32)}i0`, client: { network: 'regtest', hosts: ['http://a.example/api'] },
  blocks: { 100: { height: 100, hash: HASH, hosts: { 'http://a.example/api': HASH } } }, ...extra,
});
const codes = (i: AnchorsInput) => verifyAnchors(i).checks.map((c) => c.code);

describe('when the client serves the network the month is asked for', () => {
  it('passes, naming the hosts', () => {
    expect(verifyAnchors(input()).checks).toEqual([expect.objectContaining({ ok: true, evidence: { network: 'regtest', genesis: `${'11'.repeat(32)}i0`, hosts: ['http://a.example/api'] } })]);
  });
});

describe('when the client is set for another network', () => {
  it('fails with ANCHOR_NETWORK_MISMATCH', () => {
    expect(codes(input({ client: { network: 'mainnet', hosts: [] } }))).toEqual(['ANCHOR_NETWORK_MISMATCH']);
  });
});

describe('when the user trusts a block at a height', () => {
  it('passes when the hosts name that block (any letter case)', () => {
    expect(codes(input({ checkpoint: { height: 100, hash: HASH.toUpperCase() } }))).toEqual(['OK', 'OK']);
  });
  it('fails with ANCHOR_CHECKPOINT_MISMATCH for another block, or none at that height', () => {
    expect(codes(input({ checkpoint: { height: 100, hash: 'cd'.repeat(32) } }))).toEqual(['OK', 'ANCHOR_CHECKPOINT_MISMATCH']);
    expect(codes(input({ checkpoint: { height: 101, hash: HASH } }))).toEqual(['OK', 'ANCHOR_CHECKPOINT_MISMATCH']);
  });
});
