/**
 * Marker listings (docs/protocol.md §2.3): the transactions paying a month's marker, and where the hosts say they
 * confirmed. A listing cannot be proven complete, so every live host's whole listing is read and their union kept
 * (esplora/listing): one honest host is enough for nothing to be hidden.
 */
import type { NetworkName } from '../../chain/network';
import { VerifyError } from '../../errors';
import { listingFromEveryHost, type Listing } from '../../esplora/listing';
import type { InscriptionId } from '../../protocol/ids';
import { markerAddress, paysMarker } from '../../protocol/marker';
import type { ParsedTx } from '../../chain/tx';
import type { Depth } from '../report';
import type { MonthClient } from './month-client';

/** Where a listing says a transaction confirmed: a hint only (a proof built from it is checked against the header). */
export interface ConfirmedAt {
  height: number;
  hash: string;
}

export interface MarkerListing {
  month: number;
  /** Txids any host lists (newest first). */
  txids: string[];
  confirmed: Map<string, ConfirmedAt>;
  /** Each host's own listing, who listed what, and the entries hosts list differently (absent in recorded sources). */
  hosts?: Listing;
}

/**
 * The markers a month is discovered from: month 0's (registrations, full depth only), the month before and the month
 * itself. Earlier months are added when the months between failed (see startingMonth).
 */
export function markerMonths(month: number, depth: Depth, outpoints = false): number[] {
  // With month outpoints (§2.4) the month it starts from is found by its final's transaction, not by its marker.
  if (outpoints) return depth === 'full' ? [0, month] : [month];
  return depth === 'full' ? [...new Set([0, month - 1, month])] : [...new Set([month - 1, month])].filter((m) => m >= 1);
}

/**
 * Month `month`'s marker listed by every live host; no host answering is a failure to obtain it. From a known final
 * that pays the marker (§2.4.1: it pays months 0's and m's), only what precedes it is listed; a final that does not pay
 * it (the group's deviation, which costs the verifier the whole listing) is no anchor, and the marker is listed from the
 * top. Either way the final heads the list.
 */
export async function fetchListing(client: MonthClient, network: NetworkName, genesis: InscriptionId, month: number, final?: { txid: string; at: ConfirmedAt; hosts: string[]; tx: Pick<ParsedTx, 'outputs'> }): Promise<MarkerListing> {
  const anchor = final && paysMarker(final.tx, genesis, month) ? final : undefined;
  const listed = await listingFromEveryHost(client, markerAddress(network, genesis, month), anchor ? { from: anchor.txid } : {});
  // A host that named the final has indexed its block: what it leaves out below the final, it hides.
  const hosts = anchor ? { ...listed, indexedTo: new Map(anchor.hosts.map((h) => [h, anchor.at.height])) } : listed;
  if (hosts.byHost.size === 0) {
    const [first] = hosts.failures.values();
    if (hosts.failures.size === 1 && first) throw first;
    throw new VerifyError('FETCH_ALL_HOSTS_FAILED', `no host could list month ${month}'s marker`, { month, hosts: Object.fromEntries([...hosts.failures].map(([h, e]) => [h, e.code])) });
  }
  const confirmed = new Map<string, ConfirmedAt>();
  for (const t of hosts.txs) {
    if (t.status.confirmed && t.status.block_height !== undefined && t.status.block_hash !== undefined) confirmed.set(t.txid, { height: t.status.block_height, hash: t.status.block_hash });
  }
  if (final) confirmed.set(final.txid, final.at);
  const rest = hosts.txs.map((t) => t.txid).filter((t) => t !== final?.txid);
  return { month, txids: [...(final ? [final.txid] : []), ...rest], confirmed, hosts };
}

/** Where any of the listings says a transaction confirmed (a later listing's word wins, as they agree by construction). */
export function confirmedAt(listings: readonly MarkerListing[], txid: string): ConfirmedAt | undefined {
  let at: ConfirmedAt | undefined;
  for (const l of listings) at = l.confirmed.get(txid) ?? at;
  return at;
}
