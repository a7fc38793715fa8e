/** The month pipeline against the devnet's scenario chain: quick mode for one member and a full month (medians), with Esplora request counts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsploraClient } from '../src/core/esplora/client';
import { countingFetch } from '../src/core/month/counting-fetch';
import { verifyMonth } from '../src/core/pipeline';
import { spawnDevnet } from '../scripts/devnet-process';
import { fmt, medianMs } from './stats';

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'drey-bench-pipeline-'));
  const devnet = await spawnDevnet({ port: 0, dataDir: dir, quiet: true });
  try {
    const genesis = (await devnet.info()).genesis;
    if (!genesis) {
      console.log('pipeline: the devnet serves no scenario (no genesis); skipped');
      return;
    }
    const fresh = () => {
      const counter = countingFetch(fetch);
      // Local devnet: the per-host rate limit (4/s for public hosts) is raised out of the way.
      const client = createEsploraClient({ hosts: [devnet.url], fetch: counter.fetch, network: 'regtest', requestsPerSecond: 1e6, burst: 1e6 });
      return { client, counter };
    };
    const base = { network: 'regtest' as const, genesisId: genesis, month: 1 };
    // The reserve row is in every table; any member's row costs the same (one batch).
    const user = 'drey:reserve';
    let quickRequests = 0;
    let quickVerdict = '';
    const quick = await medianMs(5, async () => {
      const { client, counter } = fresh();
      const { report: r } = await verifyMonth({ ...base, client, depth: 'quick', user, requestCount: counter.count });
      quickRequests = r.requests;
      quickVerdict = r.verdict;
    });
    const { client: warm, counter: warmCounter } = fresh();
    await verifyMonth({ ...base, client: warm, depth: 'quick', user });
    const before = warmCounter.count();
    const quickCached = await medianMs(5, () => verifyMonth({ ...base, client: warm, depth: 'quick', user }));
    const cachedRequests = (warmCounter.count() - before) / 5;
    let fullRequests = 0;
    let fullVerdict = '';
    const full = await medianMs(3, async () => {
      const { client, counter } = fresh();
      const { report: r } = await verifyMonth({ ...base, client, depth: 'full', requestCount: counter.count });
      fullRequests = r.requests;
      fullVerdict = r.verdict;
    });
    console.log(`pipeline quick (one member, cold cache): median ${fmt(quick)} ms, ${quickRequests} Esplora requests (${quickVerdict})`);
    console.log(`pipeline quick (one member, warm client cache): median ${fmt(quickCached)} ms, ${cachedRequests} requests per run`);
    console.log(`pipeline full month 1 (cold cache, same-thread WASM): median ${fmt(full)} ms, ${fullRequests} Esplora requests (${fullVerdict})`);
  } finally {
    await devnet.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
