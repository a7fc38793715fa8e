/**
 * The month-pack builder thread (scripts/month-packs.ts): for each depth, quick first, builds month 1, 2, … until a
 * month that is not settled (in progress at the tip, or unavailable), reporting each build to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEsploraClient } from '../src/core/esplora/client';
import { encodePack, type PackDepth } from '../src/core/esplora/pack';
import { buildMonthPack } from '../src/core/month-pack';
import type { PackJob, PackMessage } from './month-packs';

const job = workerData as PackJob;
const post = (m: PackMessage): void => parentPort!.postMessage(m);

async function buildAll(): Promise<void> {
  for (const depth of ['quick', 'full'] as PackDepth[]) {
    for (let month = 1; ; month++) {
      post({ type: 'building', month, depth });
      const t0 = performance.now();
      const built = await buildMonthPack({
        // The devnet is on loopback: no need for the polite rate public hosts want.
        clientWith: (cache) => createEsploraClient({ hosts: [job.esplora], network: job.network, cache, fetch: globalThis.fetch.bind(globalThis), requestsPerSecond: 1000, burst: 100 }),
        network: job.network, genesisId: job.genesis, month, depth,
      });
      if (!built.pack) {
        post({ type: 'unsettled', month, depth, verdict: built.verdict, reason: built.reason });
        break;
      }
      post({ type: 'built', month, depth, body: encodePack(built.pack), entries: built.pack.entries.size, ms: Math.round(performance.now() - t0) });
    }
  }
}

try {
  await buildAll();
  post({ type: 'done' });
} catch (e) {
  post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
