/**
 * The fetch layer of the month pipeline, the only I/O of src/core/month: discovery through marker listings, the
 * month it starts from, reveal transactions with their Merkle proofs and spent commit transactions, the blocks they
 * sit in (the hash at each height from every host), and stake outpoints. It checks only what steers fetching — which
 * earlier month a month starts from (starting-month.ts), which reveals to bind (wanted.ts), and whether a Merkle
 * branch leads to its header, to ask again (reveals.ts) — beyond what the client re-hashes; the steps check everything.
 */
import type { NetworkName } from '../../chain/network';
import { VerifyError } from '../../errors';
import { parseInscriptionId, type InscriptionId } from '../../protocol/ids';
import type { BlockSource, MonthSources, RevealSource } from '../records';
import type { Depth } from '../report';
import { fetchBlocks } from './blocks';
import { fetchListing, markerMonths, type MarkerListing } from './listings';
import { looseMessages, looseParams, strictGenesis } from './loose';
import type { MonthClient } from './month-client';
import { branchesFromBlocks, fetchReveal, refreshedProofs } from './reveals';
import { fetchStakes, stakeOutpoints } from './stakes';
import { startingMonth } from './starting-month';
import { fetchTransactions, knownTransactions, type Transactions } from './transactions';
import { revealsToBind } from './wanted';

export interface FetchMonthOptions {
  network: NetworkName;
  genesisId: string;
  month: number;
  depth: Depth;
  /** A block the user trusts at a height: fetched too, so the anchors step can compare it. */
  checkpointHeight?: number;
  /** Sources of earlier fetches (shared across months by `all`); entries are reused, never re-fetched. */
  reuse?: Pick<MonthSources, 'reveals' | 'blocks' | 'stakes'>;
}

export async function fetchMonthSources(client: MonthClient, opts: FetchMonthOptions): Promise<MonthSources> {
  const { network, genesisId, month, depth } = opts;
  const reuse = opts.reuse ?? { reveals: {}, blocks: {}, stakes: {} };
  const genesis = parseInscriptionId(genesisId, 'ANCHOR_GENESIS_ID', 'genesis id');
  const tipHeight = await client.fetchTipHeight();

  // Discovery: the marker listings and every listed transaction (the genesis' too).
  const [withGenesis, firstListings] = await Promise.all([
    fetchTransactions(client, [genesis.txid], knownTransactions(reuse.reveals)),
    Promise.all(markerMonths(month, depth).map((m) => fetchListing(client, network, genesis, m))),
  ]);
  const genesisTx = withGenesis.byId.get(genesis.txid);
  if (!genesisTx) throw new VerifyError('FETCH_NOT_FOUND', 'the genesis transaction could not be fetched', { genesis: genesisId, failures: withGenesis.failures });
  const discovered = { listings: firstListings, txs: await fetchTransactions(client, firstListings.flatMap((l) => l.txids), withGenesis) };

  // The month it starts from: earlier markers are listed while the months between have no timely final.
  const strict = strictGenesis(genesisTx, genesisId, network);
  const { month: previousMonth, listings, txs } = strict
    ? await startingMonth({ network, genesisId, genesis: strict, tipHeight }, month, discovered, (m, known) => listingWithTransactions(client, network, genesis, m, known))
    : { ...discovered, month: month - 1 };

  // The reveals to bind, with their proofs (block txid lists where a block holds several) and spent transactions.
  const genesisPayload = looseMessages(genesisTx).find((x) => x.id === genesisId)?.payload;
  const wanted = revealsToBind({ network, genesisId, genesis, entitled: strict, month, depth }, listings, txs.byId);
  const branches = await branchesFromBlocks(client, [...wanted.keys()].filter((txid) => !reuse.reveals[txid]), listings);
  const fetched = await Promise.all([...wanted].map(async ([txid, found]) => {
    const reused = reuse.reveals[txid];
    return [txid, reused ? { ...reused, found } : await fetchReveal(client, txid, found, txs.byId.get(txid), branches.get(txid))] as const;
  }));
  let reveals: Record<string, RevealSource> = {};
  const failures = [...txs.failures];
  for (const [txid, r] of fetched) {
    if ('code' in r) failures.push(r);
    else reveals[txid] = r;
  }

  // Blocks: every reveal's, and the month's anchor block once the tip has reached it.
  const params = genesisPayload ? looseParams(genesisPayload) : undefined;
  const anchor = params ? params.startHeight + (month - 1) * params.blocksPerMonth : undefined;
  let blocks: Record<number, BlockSource> = await fetchBlocks(client, [
    ...Object.values(reveals).map((r) => r.proof.block_height), ...(anchor !== undefined && anchor <= tipHeight ? [anchor] : []),
  ], reuse.blocks);
  const refreshed = await refreshedProofs(client, reveals, blocks, new Set(Object.keys(reuse.reveals)));
  reveals = { ...reveals, ...refreshed };
  const newHeights = Object.values(refreshed).map((r) => r.proof.block_height).filter((h) => !blocks[h]);
  blocks = { ...blocks, ...await fetchBlocks(client, newHeights, reuse.blocks) };

  // Stakes of every registered actuary (full depth).
  const stakes = depth === 'full' ? await fetchStakes(client, stakeOutpoints(listings.find((l) => l.month === 0)?.txids ?? [], reveals, { network, genesis: genesisId })) : {};
  if (opts.checkpointHeight !== undefined && !blocks[opts.checkpointHeight]) blocks = { ...blocks, ...await fetchBlocks(client, [opts.checkpointHeight]) };

  return {
    network, genesisId, month, tipHeight, reveals, previousMonth, blocks, stakes, failures, requests: 0,
    listed: Object.fromEntries(listings.map((l) => [l.month, l.txids])),
  };
}

/** A marker month's listing, with its transactions added to those already fetched. */
async function listingWithTransactions(client: MonthClient, network: NetworkName, genesis: InscriptionId, month: number, known: Transactions): Promise<{ listing: MarkerListing; txs: Transactions }> {
  const listing = await fetchListing(client, network, genesis, month);
  return { listing, txs: await fetchTransactions(client, listing.txids, known) };
}
