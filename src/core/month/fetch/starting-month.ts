/**
 * The month a month starts from (docs/protocol.md §8), as far as it steers fetching: m − 1, or further back over
 * finished months whose marker lists no final that parses strictly, is signed by the genesis' group key and (by the
 * listing) confirmed by that month's end. The signatures step decides it again from bound, verified messages.
 */
import type { NetworkName } from '../../chain/network';
import type { ParsedTx } from '../../chain/tx';
import type { GenesisParams } from '../../protocol/payloads';
import { monthEnd } from '../timeline';
import type { MarkerListing } from './listings';
import { strictMessages } from './loose';
import type { Transactions } from './transactions';

export interface StartingMonthContext {
  network: NetworkName;
  genesisId: string;
  genesis: { params: GenesisParams; groupKey: string };
  tipHeight: number;
}

/** Whether a transaction carries a final of `month` that parses strictly and is signed by the genesis' group key. */
export function carriesGroupFinal(ctx: Pick<StartingMonthContext, 'network' | 'genesisId' | 'genesis'>, tx: ParsedTx, month: number): boolean {
  return strictMessages(tx, { network: ctx.network, genesis: ctx.genesisId, month }).some((x) => x.type === 'final' && x.signer === ctx.genesis.groupKey);
}

/** Whether a month's listing holds a final that parses, is signed by the group key and confirmed (per the listing) by the month's end. */
export function hasTimelyFinal(ctx: StartingMonthContext, listing: MarkerListing, txs: ReadonlyMap<string, ParsedTx>): boolean {
  const end = monthEnd(ctx.genesis.params, listing.month);
  return listing.txids.some((txid) => {
    const tx = txs.get(txid);
    const at = listing.confirmed.get(txid);
    return tx !== undefined && at !== undefined && at.height <= end && carriesGroupFinal(ctx, tx, listing.month);
  });
}

/** What is known of the markers: their listings and the transactions fetched so far. */
export interface Discovered {
  listings: readonly MarkerListing[];
  txs: Transactions;
}

/**
 * Walk back from `month − 1` while the month is finished at the tip and has no timely final; a month whose listing is
 * not yet known is listed with `fetchListing` (given what is known, it returns the listing and the transactions with
 * the listing's added). Returns the starting month (0: none) and everything discovered on the way.
 */
export async function startingMonth(
  ctx: StartingMonthContext, month: number, known: Discovered, fetchListing: (m: number, txs: Transactions) => Promise<{ listing: MarkerListing; txs: Transactions }>,
): Promise<Discovered & { month: number }> {
  let found = known;
  let previous = month - 1;
  while (previous >= 1 && ctx.tipHeight > monthEnd(ctx.genesis.params, previous)) {
    let listing = found.listings.find((l) => l.month === previous);
    if (!listing) {
      const fetched = await fetchListing(previous, found.txs);
      listing = fetched.listing;
      found = { listings: [...found.listings, listing], txs: fetched.txs };
    }
    if (hasTimelyFinal(ctx, listing, found.txs.byId)) break;
    previous--;
  }
  return { ...found, month: Math.max(previous, 0) };
}
