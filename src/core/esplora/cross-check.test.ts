import { describe, expect, it } from 'vitest';
import type { VerifyError } from '../errors';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { vectorFetch } from '../../../vectors/spv/esplora-fixture';
import { createEsploraClient } from './client';
import { crossCheckBlockHash } from './cross-check';

const [A, B, C] = ['https://a.example/api', 'https://b.example/api', 'https://c.example/api'];
const p = REAL_PROOFS[0]!;
const height = p.proof.block_height;
const forked = 'f'.repeat(64);
const honest = vectorFetch('mainnet');

/** Hosts: 'ok' honest, 'fork' answers another block hash, 'down' unreachable. */
function client(behaviour: Record<string, 'ok' | 'fork' | 'down'>) {
  const fetch = (async (input: string, init?: RequestInit) => {
    const host = Object.keys(behaviour).find((h) => String(input).startsWith(h))!;
    if (behaviour[host] === 'down') throw new TypeError('fetch failed');
    if (behaviour[host] === 'fork') return new Response(forked);
    return honest(input, init);
  }) as unknown as typeof globalThis.fetch;
  return createEsploraClient({ hosts: Object.keys(behaviour), fetch, network: 'mainnet', retries: 0, requestsPerSecond: 1000, burst: 10 });
}
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: VerifyError) => e);

describe('cross-checking the block hash at a height', () => {
  it('passes when every host gives the same hash', async () => {
    expect(await crossCheckBlockHash(client({ [A]: 'ok', [B]: 'ok' }), height, p.blockHash)).toMatchObject({ hash: p.blockHash, agreeing: [A, B], unreachable: [] });
  });

  describe('when two hosts contradict each other', () => {
    it('is FETCH_HOSTS_DISAGREE with both answers in the evidence', async () => {
      const e = await failure(crossCheckBlockHash(client({ [A]: 'ok', [B]: 'fork' }), height));
      expect(e).toMatchObject({ code: 'FETCH_HOSTS_DISAGREE', evidence: { height, answers: { [A]: p.blockHash, [B]: forked } } });
    });
    it('is FETCH_HOSTS_DISAGREE even when a third host is down', async () => {
      const e = await failure(crossCheckBlockHash(client({ [A]: 'ok', [B]: 'fork', [C]: 'down' }), height));
      expect(e?.code).toBe('FETCH_HOSTS_DISAGREE');
    });
    it('hosts agreeing with each other but not with the verified header also disagree', async () => {
      const e = await failure(crossCheckBlockHash(client({ [A]: 'fork', [B]: 'fork' }), height, p.blockHash));
      expect(e?.code).toBe('FETCH_HOSTS_DISAGREE');
    });
  });

  describe('when hosts are unreachable', () => {
    it('is FETCH_CROSS_CHECK_UNAVAILABLE (not a disagreement) when fewer than two answered', async () => {
      const e = await failure(crossCheckBlockHash(client({ [A]: 'ok', [B]: 'down' }), height));
      expect(e).toMatchObject({ code: 'FETCH_CROSS_CHECK_UNAVAILABLE', evidence: { unreachable: [{ host: B, code: 'FETCH_NETWORK' }] } });
    });
    it('passes with two agreeing hosts and lists the third as unreachable', async () => {
      const r = await crossCheckBlockHash(client({ [A]: 'ok', [B]: 'down', [C]: 'ok' }), height);
      expect(r.agreeing).toEqual([A, C]);
      expect(r.unreachable.map((u) => u.host)).toEqual([B]);
    });
  });

  it('with a single host there is nothing to compare: its answer stands', async () => {
    expect((await crossCheckBlockHash(client({ [A]: 'ok' }), height)).agreeing).toEqual([A]);
  });
});
