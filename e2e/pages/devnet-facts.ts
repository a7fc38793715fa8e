/**
 * Facts about the running devnet that a widget test or benchmark needs, obtained the way any reader would: through
 * its Esplora API with src/core in Node. The month verdict is the Node run's, for comparison with the browser's.
 */
import { createEsploraClient, type EsploraClient } from '../../src/core/esplora/client';
import { monthsAtTip } from '../../src/core/month/fetch/months-at-tip';
import type { MonthReport } from '../../src/core/month/report';
import { verifyMonth } from '../../src/core/pipeline';
import { finalTableUserIds } from '../../scripts/golden/user-ids';

export function devnetClient(devnetUrl: string): EsploraClient {
  return createEsploraClient({ hosts: [devnetUrl], network: 'regtest', fetch, requestsPerSecond: 500, burst: 100 });
}

/** The month the widget speaks for without a month attribute: the latest one, or the one before if it is pending. */
export async function latestSettledMonth(client: EsploraClient, genesis: string): Promise<{ month: number; report: MonthReport }> {
  const { months } = await monthsAtTip(client, genesis);
  if (months === 0) throw new Error('the devnet has no month yet');
  const verify = async (month: number) => (await verifyMonth({ client, network: 'regtest', genesisId: genesis, month, depth: 'full' })).report;
  const latest = await verify(months);
  if (latest.verdict === 'pending' && months > 1) return { month: months - 1, report: await verify(months - 1) };
  return { month: months, report: latest };
}

/** User ids of a month's final allocation table (bound inscriptions, signed final; read without the full checks). */
export async function monthUserIds(client: EsploraClient, genesis: string, month: number): Promise<string[]> {
  const ids = await finalTableUserIds(client, genesis, month);
  if (!ids) throw new Error(`month ${month} has no final table`);
  return ids;
}
