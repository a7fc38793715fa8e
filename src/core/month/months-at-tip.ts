/** Which months have started at the tip: from the genesis' start height and blocks per month (re-verified per month). */
import { VerifyError } from '../errors';
import { parseInscriptionId } from '../protocol/ids';
import { looseMessages, looseParams } from './fetch-refs';
import type { MonthClient } from './fetch-month';

/** Months 1..n whose anchor height is at or below the tip (n = 0 before the first anchor). */
export async function monthsAtTip(client: Pick<MonthClient, 'fetchTx' | 'fetchTipHeight'>, genesisId: string): Promise<{ months: number; tip: number }> {
  const id = parseInscriptionId(genesisId, 'ANCHOR_GENESIS_ID', 'genesis id');
  const [tx, tip] = await Promise.all([client.fetchTx(id.txid), client.fetchTipHeight()]);
  const genesis = looseMessages({ tx, proof: { block_height: 0, merkle: [], pos: 0 }, spent: {}, found: 'ref' }).find((m) => m.id === genesisId);
  const params = genesis?.type === 'genesis' ? looseParams(genesis.payload) : undefined;
  if (!params || params.blocksPerMonth < 1) throw new VerifyError('ANCHOR_GENESIS_MISSING', `${genesisId} is not a genesis message with parameters`, { genesis: genesisId });
  return { months: tip < params.startHeight ? 0 : Math.floor((tip - params.startHeight) / params.blocksPerMonth) + 1, tip };
}
