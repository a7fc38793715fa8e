/**
 * Facts about the running devnet that a widget test or benchmark needs, obtained the way any reader would: through
 * its Esplora API with src/core in Node. The month verdict is the Node run's, for comparison with the browser's.
 */
import { createEsploraClient, type EsploraClient } from '../../src/core/esplora/client';
import { monthsAtTip } from '../../src/core/month/months-at-tip';
import type { MonthReport } from '../../src/core/month/report';
import { stageFetch, stageHeaders, stageInscriptions, stageSignatures } from '../../src/core/month/stages-chain';
import type { MonthState } from '../../src/core/month/state';
import { tableFromRef } from '../../src/core/month/tables';
import { verifyMonth } from '../../src/core/pipeline';
import { ALLOCATION } from '../../src/core/table/allocation';

export function devnetClient(devnetUrl: string): EsploraClient {
  return createEsploraClient({ hosts: [devnetUrl], network: 'regtest', fetch, requestsPerSecond: 500, burst: 100 });
}

/** The month the widget speaks for without a month attribute: the latest one, or the one before if it is pending. */
export async function latestSettledMonth(client: EsploraClient, genesis: string): Promise<{ month: number; report: MonthReport }> {
  const { months } = await monthsAtTip(client, genesis);
  if (months === 0) throw new Error('the devnet has no month yet');
  const verify = (month: number) => verifyMonth({ client, network: 'regtest', genesisId: genesis, month, depth: 'full' });
  const latest = await verify(months);
  if (latest.verdict === 'pending' && months > 1) return { month: months - 1, report: await verify(months - 1) };
  return { month: months, report: latest };
}

/** User ids of a month's final allocation table (bound inscriptions, signed final; read without the full checks). */
export async function monthUserIds(client: EsploraClient, genesis: string, month: number): Promise<string[]> {
  const s: MonthState = {
    opts: { client, network: 'regtest', genesisId: genesis, month, depth: 'quick' },
    checks: [], blocks: new Map(), records: new Map(), invalid: new Set(), tables: {}, ranking: null, pending: false, inputsHashes: {},
  };
  await stageFetch(s);
  stageHeaders(s);
  stageInscriptions(s);
  stageSignatures(s);
  const ref = s.final?.payload.table;
  if (!ref) throw new Error(`month ${month} has no final table`);
  const { table } = await tableFromRef(ALLOCATION, ref, s.records);
  return table.userIds;
}
