/**
 * A month checked by the Node pipeline for the benches, and a month's pack built and written where a bench page serves
 * packs: a fresh client each time, so every request is counted.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEsploraClient } from '../src/core/esplora/client';
import { encodePack, packedCache, type MonthPack, type PackDepth } from '../src/core/esplora/pack';
import { packFileName } from '../src/core/esplora/pack-location';
import { buildMonthPack } from '../src/core/month-pack';
import { countingFetch } from '../src/core/month/counting-fetch';
import { verifyMonth } from '../src/core/pipeline';

export interface MonthCheck {
  url: string;
  genesis: string;
  month: number;
  depth: PackDepth;
  user?: string | undefined;
  /** The month's pack under the client's cache. */
  pack?: MonthPack | undefined;
  /** Requests a second to the host, in bursts of half that (at least 2), as the CLI paces it (default: unpaced). */
  rps?: number;
}

export async function nodeCheck(c: MonthCheck): Promise<{ ms: number; requests: number; verdict: string }> {
  const counter = countingFetch(globalThis.fetch.bind(globalThis));
  const cache = packedCache(new Map());
  if (c.pack) cache.add(c.pack);
  const pace = c.rps === undefined ? { requestsPerSecond: 1e6, burst: 1e6 } : { requestsPerSecond: c.rps, burst: Math.max(2, Math.ceil(c.rps / 2)) };
  const client = createEsploraClient({ hosts: [c.url], fetch: counter.fetch, network: 'regtest', cache, ...pace });
  const t0 = performance.now();
  const r = await verifyMonth({ client, network: 'regtest', genesisId: c.genesis, month: c.month, depth: c.depth, ...(c.user ? { user: c.user } : {}), requestCount: counter.count });
  return { ms: performance.now() - t0, requests: r.report.requests, verdict: r.report.verdict };
}

/** The month's pack at `depth`, built as `drey-verify pack` builds it, written to `<dir>/packs/`: the pack and its text. */
export async function publishMonthPack(url: string, genesis: string, month: number, depth: PackDepth, dir: string): Promise<{ pack: MonthPack; text: string }> {
  const built = await buildMonthPack({
    clientWith: (cache) => createEsploraClient({ hosts: [url], network: 'regtest', cache, fetch: globalThis.fetch.bind(globalThis), requestsPerSecond: 1e6, burst: 1e6 }),
    network: 'regtest', genesisId: genesis, month, depth,
  });
  if (!built.pack) throw new Error(`month ${month} has no ${depth} pack: ${built.reason}`);
  const text = encodePack(built.pack);
  await mkdir(join(dir, 'packs'), { recursive: true });
  await writeFile(join(dir, 'packs', packFileName(month, depth)), text);
  return { pack: built.pack, text };
}
