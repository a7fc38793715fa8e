/**
 * User ids of a month's final table, read as any client would, through the fetch layer and the first steps (bound
 * inscriptions and files taken by hash, signed final) without the round's checks: to choose depositors for quick checks in tests and scripts.
 */
import type { EsploraClient } from '../../src/core/esplora/client';
import { fetchMonthSources } from '../../src/core/month/fetch/month-sources';
import { verifyHeaders } from '../../src/core/month/steps/headers';
import { verifyInscriptions, verifyObjects, withObjects } from '../../src/core/month/steps/inscriptions';
import { verifySignatures } from '../../src/core/month/steps/signatures';
import { readFinalTable } from '../../src/core/month/steps/tables';
import { signaturesInputOf } from '../../src/core/month/spenders';

/** The final table's user ids, or undefined when the month has no readable final table (failed, pending). */
export async function finalTableUserIds(client: EsploraClient, genesisId: string, month: number): Promise<string[] | undefined> {
  const network = client.network.name;
  const src = await fetchMonthSources(client, { network, genesisId, month, depth: 'quick' });
  const blocks = verifyHeaders({ blocks: src.blocks, network: client.network }).value ?? new Map();
  const records = verifyInscriptions({ reveals: src.reveals, blocks, failures: src.failures }).value ?? new Map();
  const final = verifySignatures(signaturesInputOf(src, records)).value?.final;
  const files = withObjects(records, src.objects && verifyObjects(src.objects).value);
  const table = final && await readFinalTable(final, files, undefined);
  return table && !('error' in table) ? table.table.userIds : undefined;
}
