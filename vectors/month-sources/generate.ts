/**
 * `npx tsx vectors/month-sources/generate.ts`: record the sources of month 2 of the `kem-disputed` adversarial chain
 * (a verified month whose reveal carries a dispute; 5 actuaries, 16 members, batch size 1) at full and quick depth,
 * as the fetch layer returns them from the devnet serving that chain. The step tests run on these records.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEsploraClient } from '../../src/core/esplora/client';
import { fetchMonthSources } from '../../src/core/month/fetch/month-sources';
import { serveChain } from '../../scripts/golden/collect';
import { finalTableUserIds } from '../../scripts/golden/user-ids';
import { sourcesToJson } from './codec';

export const CHAIN = 'kem-disputed';
export const MONTH = 2;
export const DEVNET_URL = 'http://devnet.invalid/api';

async function main(): Promise<void> {
  const server = await serveChain(CHAIN);
  try {
    const client = createEsploraClient({ hosts: [server.url], network: 'regtest', fetch, requestsPerSecond: 1000, burst: 100 });
    const users = await finalTableUserIds(client, server.genesis, MONTH);
    for (const depth of ['full', 'quick'] as const) {
      const src = await fetchMonthSources(client, { network: 'regtest', genesisId: server.genesis, month: MONTH, depth });
      const text = JSON.stringify({ chain: CHAIN, depth, user: users?.at(-1), sources: sourcesToJson(src) }, null, 1).split(server.url).join(DEVNET_URL);
      writeFileSync(join(import.meta.dirname, `${CHAIN}-month-${MONTH}.${depth}.json`), text + '\n');
    }
  } finally {
    await server.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
