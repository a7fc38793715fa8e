/** User ids of a month's final table, read from the devnet as any client would (to choose the golden quick checks). */
import { createEsploraClient } from '../../src/core/esplora/client';
import { stageFetch, stageHeaders, stageInscriptions, stageSignatures } from '../../src/core/month/stages-chain';
import type { MonthState } from '../../src/core/month/state';
import { tableFromRef } from '../../src/core/month/tables';
import { ALLOCATION } from '../../src/core/table/allocation';

/** The final table's user ids, or undefined when the month has no readable final table (failed, pending). */
export async function finalTableUserIds(url: string, genesis: string, month: number): Promise<string[] | undefined> {
  const client = createEsploraClient({ hosts: [url], network: 'regtest', fetch, requestsPerSecond: 1000, burst: 100 });
  const s: MonthState = {
    opts: { client, network: 'regtest', genesisId: genesis, month, depth: 'quick' },
    checks: [], blocks: new Map(), records: new Map(), invalid: new Set(), tables: {}, ranking: null, pending: false, inputsHashes: {},
  };
  await stageFetch(s);
  stageHeaders(s);
  stageInscriptions(s);
  stageSignatures(s);
  const ref = s.final?.payload.table;
  if (!ref) return undefined;
  try {
    return (await tableFromRef(ALLOCATION, ref, s.records)).table.userIds;
  } catch {
    return undefined;
  }
}
