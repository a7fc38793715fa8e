/**
 * An address listing from every host, merged: Esplora cannot prove that a listing is complete, so each live host's
 * whole listing is read and their union kept (every entry is proven later by its own txid and Merkle branch). What
 * each host listed is kept too, to name a host that lists a transaction that does not exist, or hides one it must
 * have indexed: an entry proven at height h that a host leaves out while listing entries at h or above.
 */
import type { VerifyError } from '../errors';
import type { EsploraClient } from './client';
import { askEveryHost } from './every-host';
import type { AddressTx } from './shapes';
import { txFromJson } from './tx-from-json';

export interface Listing {
  /** Every entry any host listed, once each: unconfirmed first, then by confirmation height, newest first. */
  txs: AddressTx[];
  /** For each txid, the hosts that listed it. */
  listedBy: Map<string, string[]>;
  /** For each host that answered in full, what it listed, in its order. */
  byHost: Map<string, AddressTx[]>;
  /** Hosts that could not list the address (their silence proves nothing). */
  failures: Map<string, VerifyError>;
  /**
   * Txids whose listed transaction differs between hosts under the same txid (a different witness: the txid does not
   * cover it): which one is true must be settled by a check (the BIP341 binding) before either is read.
   */
  contested: Set<string>;
  /**
   * Heights some hosts are known to have indexed (e.g. a listing paged back from a transaction the host itself named):
   * an entry proven at or below it that the host leaves out is an omission, however little the host lists.
   */
  indexedTo?: ReadonlyMap<string, number>;
}

/** True when every live host gave its whole listing: only then may an absence from the union be relied on. */
export function isComplete(listing: Listing): boolean {
  return listing.failures.size === 0 && listing.byHost.size > 0;
}

const heightOf = (t: AddressTx): number => (t.status.confirmed ? t.status.block_height! : Infinity);

/**
 * The listing of an address from every live host, merged; with `from` (a transaction of the address's history), only
 * what is older than it.
 */
export async function listingFromEveryHost(client: Pick<EsploraClient, 'liveHosts' | 'fetchAddressTxs'>, address: string, o: { from?: string } = {}): Promise<Listing> {
  const every = await askEveryHost(client.liveHosts(), (h) => client.fetchAddressTxs(address, { hosts: [h], ...(o.from !== undefined ? { from: o.from } : {}) }));
  const merged = new Map<string, AddressTx>();
  const listedBy = new Map<string, string[]>();
  for (const [host, txs] of every.answers) {
    for (const t of txs) {
      if (!merged.has(t.txid)) merged.set(t.txid, t);
      listedBy.set(t.txid, [...(listedBy.get(t.txid) ?? []), host]);
    }
  }
  const order = [...merged.values()];
  const txs = order.map((t, i) => ({ t, i })).sort((a, b) => heightOf(b.t) - heightOf(a.t) || a.i - b.i).map(({ t }) => t);
  return { txs, listedBy, byHost: every.answers, failures: every.failures, contested: contestedOf(every.answers) };
}

/** Txids that hosts list with transactions of different wtxids (or that rebuild for one host and not another). */
function contestedOf(byHost: ReadonlyMap<string, AddressTx[]>): Set<string> {
  const seen = new Map<string, string>();
  const contested = new Set<string>();
  // Only a transaction two hosts list can be contested: the others are not rebuilt here.
  const listings = new Map<string, number>();
  for (const txs of byHost.values()) for (const t of txs) listings.set(t.txid, (listings.get(t.txid) ?? 0) + 1);
  for (const txs of byHost.values()) {
    for (const t of txs) {
      if (listings.get(t.txid)! < 2) continue;
      const wtxid = txFromJson(t, t.txid)?.wtxid ?? 'unreadable';
      const first = seen.get(t.txid);
      if (first === undefined) seen.set(t.txid, wtxid);
      else if (first !== wtxid) contested.add(t.txid);
    }
  }
  return contested;
}

/** One host's listed transaction for `txid`, rebuilt from its JSON (undefined when it did not list it or it does not rebuild). */
export function listedVersion(listing: Listing, host: string, txid: string) {
  const t = listing.byHost.get(host)?.find((x) => x.txid === txid);
  return t && txFromJson(t, txid);
}

export interface Omission {
  host: string;
  txid: string;
  /** The proven confirmation height of the omitted entry. */
  height: number;
  /** The highest height the host does list: its index has reached the omitted entry's block. */
  listsUpTo: number;
}

/**
 * Hosts that hid a proven entry: for each entry proven at height h (`proven`: txid → height), every host whose
 * listing lacks it while listing something confirmed at h or above, or known to have indexed height h (`indexedTo`).
 */
export function omissionsOf(listing: Listing, proven: ReadonlyMap<string, number>): Omission[] {
  const out: Omission[] = [];
  for (const [host, txs] of listing.byHost) {
    const has = new Set(txs.map((t) => t.txid));
    const top = Math.max(listing.indexedTo?.get(host) ?? -1, ...txs.filter((t) => t.status.confirmed).map((t) => t.status.block_height!));
    for (const [txid, height] of proven) {
      if (!has.has(txid) && top >= height) out.push({ host, txid, height, listsUpTo: top });
    }
  }
  return out;
}
