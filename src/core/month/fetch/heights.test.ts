/**
 * A host that names a real block at the wrong height (BIP34, docs/protocol.md §2.4): against the devnet serving the
 * `kem-disputed` chain, month 2 at quick depth through a lying host that answers every `/block-height/:h` with the
 * hash of block h − 1 — a real block with valid proof of work, whose coinbase proves h − 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveChain, type ChainServer } from '../../../../scripts/golden/collect';
import { isUnavailableCode } from '../../codes';
import { heightProver, settleBlockAtHeight } from '../../esplora/block-at-height';
import { createEsploraClient } from '../../esplora/client';
import { verifyMonth } from '../../pipeline';

const LIAR = 'http://liar.invalid/api';
const USER = 'u21497de2f79b0e23';

describe('when a host names a real block at the wrong height', { timeout: 120_000 }, () => {
  let server: ChainServer;
  beforeAll(async () => {
    server = await serveChain('kem-disputed');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  /** The devnet, and a host that serves it but names block h − 1 at every height h. */
  const fetchThrough = (): typeof fetch => (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (!url.startsWith(LIAR)) return fetch(url, init);
    const path = url.slice(LIAR.length);
    const asked = /^\/block-height\/(\d+)$/.exec(path);
    return fetch(server.url + (asked ? `/block-height/${Number(asked[1]) - 1}` : path), init);
  }) as typeof fetch;

  const verify = (hosts: string[]) => {
    const client = createEsploraClient({ hosts, network: 'regtest', fetch: fetchThrough(), requestsPerSecond: 1000, burst: 100, retryBudgetMs: 2_000 });
    return verifyMonth({ client, network: 'regtest', genesisId: server.genesis, month: 2, depth: 'quick', user: USER });
  };

  it('settling the block at a height: the block proving that height stands, its proof kept; the liar is named (first or last)', async () => {
    for (const order of [[LIAR, server.url], [server.url, LIAR]]) {
      const client = createEsploraClient({ hosts: order, network: 'regtest', fetch: fetchThrough(), requestsPerSecond: 1000, burst: 100 });
      const honest = await client.fetchBlockHash(150, [server.url]);
      const b = await settleBlockAtHeight(client, 150, heightProver(client));
      expect(b.hash).toBe(honest);
      expect(b.heightProof?.coinbase.txid).toBe((await client.fetchBlockTxids(honest))[0]);
      expect(client.hostsReport().liars).toMatchObject([{ host: LIAR, code: 'CHAIN_HEIGHT_MISMATCH' }]);
    }
  });

  it('a proof no host can give decides nothing: the block is unavailable and no host is blamed for naming it', async () => {
    const garbled = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      return /\/block\/[0-9a-f]{64}\/txids$/.test(url) ? Response.json(['ab'.repeat(32)]) : fetch(url, init);
    }) as typeof fetch;
    const client = createEsploraClient({ hosts: [server.url], network: 'regtest', fetch: garbled, requestsPerSecond: 1000, burst: 100 });
    const e = await settleBlockAtHeight(client, 150, heightProver(client)).then(() => undefined, (x: unknown) => x as { code: string });
    expect(isUnavailableCode(e?.code ?? '')).toBe(true);
    expect(client.hostsReport().liars.filter((l) => l.code === 'CHAIN_HEIGHT_MISMATCH' || l.code === 'CHAIN_COINBASE_MALFORMED')).toEqual([]);
  });

  it('on its word alone the month is not verified: unavailable (a host\'s lie), never rejected, the liar named', async () => {
    const { report } = await verify([LIAR]);
    expect(report.verdict).toBe('unavailable');
    expect(report.checks.filter((c) => !c.ok).map((c) => c.code)).toContain('CHAIN_HEIGHT_MISMATCH');
    expect(report.hosts?.liars).toMatchObject([{ host: LIAR, code: 'CHAIN_HEIGHT_MISMATCH' }]);
  });

  it('with an honest second host the month verifies, every block at the height its coinbase proves, and the liar is named', async () => {
    const { report } = await verify([LIAR, server.url]);
    expect(report.verdict).toBe('verified');
    const headers = report.checks.filter((c) => c.step === 'headers');
    expect(headers.length).toBeGreaterThan(0);
    for (const c of headers) expect(c.message).toMatch(/height proven by its coinbase \(BIP34\)/);
    expect(report.hosts?.liars).toMatchObject([{ host: LIAR, code: 'CHAIN_HEIGHT_MISMATCH' }]);
  });
});
