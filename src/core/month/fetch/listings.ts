/** Marker listings (docs/protocol.md §2.3): the transactions paying a month's marker, and where the host says they confirmed. */
import type { NetworkName } from '../../chain/network';
import type { InscriptionId } from '../../protocol/ids';
import { markerAddress } from '../../protocol/marker';
import type { Depth } from '../report';
import type { MonthClient } from './month-client';

/** Where a listing says a transaction confirmed: a hint only (a proof built from it is checked against the header). */
export interface ConfirmedAt {
  height: number;
  hash: string;
}

export interface MarkerListing {
  month: number;
  /** Txids in the host's order (newest first). */
  txids: string[];
  confirmed: Map<string, ConfirmedAt>;
}

/**
 * The markers a month is discovered from: month 0's (registrations, full depth only), the month before and the month
 * itself. Earlier months are added when the months between failed (see startingMonth).
 */
export function markerMonths(month: number, depth: Depth): number[] {
  return depth === 'full' ? [...new Set([0, month - 1, month])] : [...new Set([month - 1, month])].filter((m) => m >= 1);
}

export async function fetchListing(client: MonthClient, network: NetworkName, genesis: InscriptionId, month: number): Promise<MarkerListing> {
  const txs = await client.fetchAddressTxs(markerAddress(network, genesis, month));
  const confirmed = new Map<string, ConfirmedAt>();
  for (const t of txs) {
    if (t.status.confirmed && t.status.block_height !== undefined && t.status.block_hash !== undefined) confirmed.set(t.txid, { height: t.status.block_height, hash: t.status.block_hash });
  }
  return { month, txids: txs.map((t) => t.txid), confirmed };
}

/** Where any of the listings says a transaction confirmed (a later listing's word wins, as they agree by construction). */
export function confirmedAt(listings: readonly MarkerListing[], txid: string): ConfirmedAt | undefined {
  let at: ConfirmedAt | undefined;
  for (const l of listings) at = l.confirmed.get(txid) ?? at;
  return at;
}
