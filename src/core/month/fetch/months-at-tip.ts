/** Which months have started at the tip: from the genesis' start height and blocks per month (re-verified per month). */
import { VerifyError } from '../../errors';
import { tipHeight, type BlockClient } from '../../esplora/block-at-height';
import { parseInscriptionId } from '../../protocol/ids';
import { bindingCheck } from './host-checks';
import { looseMessages, looseParams, type LooseParams } from './loose';
import type { MonthClient } from './month-client';

/**
 * The genesis message as inscribed, read loosely (each month's verification parses it strictly). Its witness must bind
 * first (a host serving another is refuted by the next), or a liar could hide or invent months.
 */
export async function looseGenesis(client: Pick<MonthClient, 'fetchTx'>, genesisId: string): Promise<{ payload: Record<string, unknown>; params: LooseParams }> {
  const id = parseInscriptionId(genesisId, 'ANCHOR_GENESIS_ID', 'genesis id');
  const tx = await client.fetchTx(id.txid, { check: bindingCheck(client) });
  const genesis = looseMessages(tx).find((m) => m.id === genesisId);
  const params = genesis?.type === 'genesis' ? looseParams(genesis.payload) : undefined;
  if (!genesis || !params || params.blocksPerMonth < 1) throw new VerifyError('ANCHOR_GENESIS_MISSING', `${genesisId} is not a genesis message with parameters`, { genesis: genesisId });
  return { payload: genesis.payload, params };
}

/**
 * Months 1..n whose anchor height is at or below the tip (n = 0 before the first anchor), with the genesis parameters
 * they were counted from (read before any check: each month's verification parses the genesis strictly).
 */
export async function monthsAtTip(client: Pick<MonthClient, 'fetchTx'> & BlockClient, genesisId: string): Promise<{ months: number; tip: number; params: LooseParams }> {
  const [{ params }, tip] = await Promise.all([looseGenesis(client, genesisId), tipHeight(client)]);
  return { months: tip < params.startHeight ? 0 : Math.floor((tip - params.startHeight) / params.blocksPerMonth) + 1, tip, params };
}
