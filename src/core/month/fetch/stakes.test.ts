import { describe, expect, it } from 'vitest';
import { REAL_PROOFS } from '../../../../vectors/spv/real-proofs';
import { vectorFetch } from '../../../../vectors/spv/esplora-fixture';
import { createEsploraClient } from '../../esplora/client';
import { fetchStake } from './stakes';

const A = 'https://a.example/api';
const B = 'https://b.example/api';
const stake = REAL_PROOFS.find((p) => p.network === 'mainnet')!;
const SPENT = { spent: true, txid: 'ee'.repeat(32), vin: 0, status: { confirmed: true, block_height: 800001, block_hash: '00'.repeat(32), block_time: 1 } };

/** Two hosts over the recorded mainnet answers; each host answers the outspend question its own way. */
function clientWith(outspend: Record<string, () => Response>) {
  const honest = vectorFetch('mainnet');
  const fetch = (async (input: string, init?: RequestInit) => {
    const url = String(input);
    const host = [A, B].find((h) => url.startsWith(h))!;
    return url.includes('/outspend/') ? outspend[host]!() : honest(input, init);
  }) as unknown as typeof globalThis.fetch;
  return createEsploraClient({ hosts: [A, B], network: 'mainnet', fetch, requestsPerSecond: 1000, burst: 100, retries: 0, timeoutMs: 100 });
}
const json = (v: unknown) => () => new Response(JSON.stringify(v), { status: 200 });

describe('when the stake outpoint is asked of two hosts', () => {
  it('keeps both answers, so one host saying "spent" is heard even when the other says "unspent"', async () => {
    const s = await fetchStake(clientWith({ [A]: json({ spent: false }), [B]: json(SPENT) }), stake.txid, 0);
    expect(s.outspends).toEqual({ [A]: { spent: false }, [B]: SPENT });
  });

  it('uses the hosts that answer when one is down', async () => {
    const s = await fetchStake(clientWith({ [A]: () => new Response('busy', { status: 503 }), [B]: json({ spent: false }) }), stake.txid, 0);
    expect(s.outspends).toEqual({ [B]: { spent: false } });
  });

  it('is an error (the stake counts as missing) when no host answers', async () => {
    const down = () => new Response('busy', { status: 503 });
    const s = await fetchStake(clientWith({ [A]: down, [B]: down }), stake.txid, 0);
    expect(s.error?.code).toMatch(/^FETCH_/);
    expect(s.outspends).toBeUndefined();
  });
});
