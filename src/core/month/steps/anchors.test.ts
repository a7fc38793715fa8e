import { describe, expect, it } from 'vitest';
import { verdictOf } from '../report';
import { verifyAnchors, type AnchorsInput } from './anchors';

const HASH = 'ab'.repeat(32);
const input = (extra: Partial<AnchorsInput> = {}): AnchorsInput => ({
  network: 'regtest', genesisId: `${'11'.repeat(32)}i0`, client: { network: 'regtest', hosts: ['http://a.example/api'] },
  blocks: { 100: { height: 100, hash: HASH, hosts: { 'http://a.example/api': HASH } } }, ...extra,
});
const codes = (i: AnchorsInput) => verifyAnchors(i).checks.map((c) => c.code);
/** A mismatch with the user's settings accuses nobody: the month is unavailable, never rejected. */
const verdict = (i: AnchorsInput) => verdictOf(verifyAnchors(i).checks, false);

describe('when the client serves the network the month is asked for', () => {
  it('passes, naming the hosts', () => {
    expect(verifyAnchors(input()).checks).toEqual([expect.objectContaining({ ok: true, evidence: { network: 'regtest', genesis: `${'11'.repeat(32)}i0`, hosts: ['http://a.example/api'] } })]);
  });
});

describe('when the client is set for another network', () => {
  it('fails with ANCHOR_NETWORK_MISMATCH', () => {
    expect(codes(input({ client: { network: 'mainnet', hosts: [] } }))).toEqual(['ANCHOR_NETWORK_MISMATCH']);
  });
  it('makes the month unavailable, not rejected', () => {
    expect(verdict(input({ client: { network: 'mainnet', hosts: [] } }))).toBe('unavailable');
  });
});

describe('when the user trusts a block at a height', () => {
  it('passes when the hosts name that block (any letter case)', () => {
    expect(codes(input({ checkpoint: { height: 100, hash: HASH.toUpperCase() } }))).toEqual(['OK', 'OK']);
  });
  it('fails with ANCHOR_CHECKPOINT_MISMATCH when the hosts name another block there: the month is unavailable, not rejected', () => {
    const other = input({ checkpoint: { height: 100, hash: 'cd'.repeat(32) } });
    expect(codes(other)).toEqual(['OK', 'ANCHOR_CHECKPOINT_MISMATCH']);
    expect(verifyAnchors(other).checks[1]!.evidence).toEqual({ checkpoint: { height: 100, hash: 'cd'.repeat(32) }, served: HASH });
    expect(verdict(other)).toBe('unavailable');
  });
  it('reports the fetch failure itself when the block at that height could not be obtained', () => {
    expect(codes(input({ checkpoint: { height: 101, hash: HASH } }))).toEqual(['OK', 'FETCH_NOT_FOUND']);
    const failed = input({ checkpoint: { height: 100, hash: HASH }, blocks: { 100: { height: 100, hash: '', hosts: { 'http://a.example/api': 'error:FETCH_TIMEOUT' }, error: { code: 'FETCH_TIMEOUT', message: 'no answer' } } } });
    expect(codes(failed)).toEqual(['OK', 'FETCH_TIMEOUT']);
    expect(verifyAnchors(failed).checks[1]!.evidence).toMatchObject({ hosts: { 'http://a.example/api': 'error:FETCH_TIMEOUT' } });
    expect(verdict(failed)).toBe('unavailable');
  });
});

describe('the evidence of the anchors checks', () => {
  it('a network mismatch names both networks; a matching checkpoint names the checkpoint', () => {
    expect(verifyAnchors(input({ client: { network: 'mainnet', hosts: [] } })).checks[0]?.evidence).toEqual({ client: 'mainnet', network: 'regtest' });
    expect(verifyAnchors(input({ checkpoint: { height: 100, hash: HASH } })).checks[1]?.evidence).toEqual({ checkpoint: { height: 100, hash: HASH } });
  });
});

describe('the anchors checks\' step', () => {
  it('is anchors, whether they pass or fail', () => {
    const cases = [input(), input({ client: { network: 'mainnet', hosts: [] } }), input({ checkpoint: { height: 100, hash: HASH } }), input({ checkpoint: { height: 100, hash: 'cd'.repeat(32) } }), input({ checkpoint: { height: 101, hash: HASH } })];
    const steps = cases.flatMap((i) => verifyAnchors(i).checks.map((c) => c.step));
    expect(steps.length).toBe(8);
    expect(new Set(steps)).toEqual(new Set(['anchors']));
  });
});
