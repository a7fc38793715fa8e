/**
 * The fetch layer of the month pipeline, the only I/O of src/core/month: discovery through marker listings (every
 * host's, merged), the month it starts from, reveal transactions with their Merkle proofs and spent commit
 * transactions, the blocks they sit in (settled across hosts), and stake outpoints; at quick depth, the files signed
 * messages name by SHA-256 by their hash alone (by-hash.ts: no proof, block or commit). It checks what steers fetching —
 * which earlier month a month starts from (starting-month.ts), which reveals to bind (wanted.ts) — and, so that any
 * one honest host suffices, each host's answers (host-checks.ts: witness binding, Merkle branch, listings); the steps
 * check everything again.
 */
import type { NetworkName } from '../../chain/network';
import { VerifyError } from '../../errors';
import { parseInscriptionId, type InscriptionId } from '../../protocol/ids';
import type { BlockSource, IgnoredListed, MonthSources, RevealSource } from '../records';
import type { Depth } from '../report';
import { tipHeight } from '../../esplora/block-at-height';
import { fetchBlock } from './blocks';
import { bindingCheck, blameOmissions, dropInvented, settleContested } from './host-checks';
import { fetchListing, markerMonths, type MarkerListing } from './listings';
import { looseMessages, looseParams, strictGenesis } from './loose';
import type { MonthClient } from './month-client';
import { branchesFromBlocks, branchLeadsTo, fetchReveal, refreshedProofs } from './reveals';
import { fetchStakes, stakeOutpoints } from './stakes';
import { monthFinals, type MonthFinals } from './month-finals';
import { startingMonth, type Discovered } from './starting-month';
import { fetchTransactions, knownTransactions, type Transactions } from './transactions';
import { revealsToBind } from './wanted';
import { byHashCandidates, namedFiles, takeByHash, type TakenByHash } from './by-hash';

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
  const tip = await tipHeight(client);
  /** Each height's block, settled once for the month (or reused from an earlier month of the run). */
  const settled = new Map<number, Promise<BlockSource>>();
  const blockAt = (h: number): Promise<BlockSource> => {
    let b = settled.get(h);
    if (!b) settled.set(h, (b = reuse.blocks[h] ? Promise.resolve(reuse.blocks[h]!) : fetchBlock(client, h)));
    return b;
  };
  const blocksAt = async (heights: Iterable<number>): Promise<Record<number, BlockSource>> =>
    Object.fromEntries(await Promise.all([...new Set(heights)].map(async (h) => [h, await blockAt(h)] as const)));

  // Discovery. The genesis steers everything fetched after it, so its witness must bind before it is read: a host
  // serving another is asked no more. With month outpoints (§2.4), the finals come first, from the genesis' spends,
  // and the markers are listed back from month m's final; otherwise every marker is listed from the top.
  const withGenesis = await fetchTransactions(client, [genesis.txid], knownTransactions(reuse.reveals), bindingCheck(client));
  const genesisTx = withGenesis.byId.get(genesis.txid);
  if (!genesisTx) throw new VerifyError('FETCH_NOT_FOUND', 'the genesis transaction could not be fetched', { genesis: genesisId, failures: withGenesis.failures });
  const strict = strictGenesis(genesisTx, genesisId, network);
  const finals = strict?.params.months !== undefined
    ? await monthFinals(client, { network, genesisId, genesis: strict, tipHeight: tip }, genesis.txid, month)
    : undefined;
  const firstListings = await Promise.all(markerMonths(month, depth, finals !== undefined).map((m) => fetchListing(client, network, genesis, m, m === 0 || m === month ? finals?.current : undefined)));
  // Hosts that list a witness that does not bind, or a transaction no host has, are named; their entries settled.
  const discovered = await settleListings(client, firstListings, await fetchTransactions(client, firstListings.flatMap((l) => l.txids), withGenesis));

  // The month it starts from: its final found among the genesis' spends, or earlier markers listed while the months
  // between have no timely final.
  const { month: previousMonth, listings, txs } = finals
    ? await withPreviousFinal(client, discovered, finals)
    : strict
      ? await startingMonth({ network, genesisId, genesis: strict, tipHeight: tip }, month, discovered, (m, known) => listingWithTransactions(client, network, genesis, m, known))
      : { ...discovered, month: month - 1 };

  // The reveals to bind, with their proofs (block txid lists where a block holds several) and spent transactions.
  const genesisPayload = looseMessages(genesisTx).find((x) => x.id === genesisId)?.payload;
  const wantedCtx = { network, genesisId, genesis, entitled: strict, month, depth };
  const ignored: IgnoredListed[] = [];
  const wanted = revealsToBind(wantedCtx, listings, txs.byId, ignored);
  // Quick depth: files signed messages name by SHA-256 are taken by their hash, without proof, block or commit (by-hash.ts).
  let byHash: TakenByHash = { objects: {}, failures: [] };
  if (depth === 'quick') {
    const named = namedFiles(wantedCtx, listings, txs.byId);
    byHash = await takeByHash(client, byHashCandidates(wanted, genesis.txid, named, reuse.reveals), named);
  }
  for (const txid of [...Object.keys(byHash.objects), ...byHash.failures.map((f) => f.txid)]) wanted.delete(txid);
  const branches = await branchesFromBlocks(client, [...wanted.keys()].filter((txid) => !reuse.reveals[txid]), listings);
  const fetched = await Promise.all([...wanted].map(async ([txid, found]) => {
    const reused = reuse.reveals[txid];
    return [txid, reused ? { ...reused, found } : await fetchReveal(client, txid, found, branches.get(txid))] as const;
  }));
  let reveals: Record<string, RevealSource> = {};
  const failures = [...txs.failures, ...byHash.failures];
  for (const [txid, r] of fetched) {
    if ('code' in r) failures.push(r);
    else reveals[txid] = r;
  }

  // Blocks: every reveal's, and the month's anchor block once the tip has reached it.
  const params = genesisPayload ? looseParams(genesisPayload) : undefined;
  const anchor = params ? params.startHeight + (month - 1) * params.blocksPerMonth : undefined;
  const refreshed = await refreshedProofs(client, reveals, blockAt, new Set(Object.keys(reuse.reveals)));
  reveals = { ...reveals, ...refreshed };
  let blocks = await blocksAt([...Object.values(reveals).map((r) => r.proof.block_height), ...(anchor !== undefined && anchor <= tip ? [anchor] : [])]);
  blameOmissions(client, listings, provenHeights(reveals, blocks));

  // Stakes of every registered actuary (full depth).
  const stakes = depth === 'full' ? await fetchStakes(client, stakeOutpoints(listings.find((l) => l.month === 0)?.txids ?? [], reveals, { network, genesis: genesisId }), blockAt) : {};
  if (opts.checkpointHeight !== undefined && !blocks[opts.checkpointHeight]) blocks = { ...blocks, ...await blocksAt([opts.checkpointHeight]) };

  return {
    network, genesisId, month, tipHeight: tip, reveals, previousMonth, blocks, stakes, failures, requests: 0,
    listed: Object.fromEntries(listings.map((l) => [l.month, l.txids])),
    ...(finals ? { spenders: finals.spenders } : {}), ...(ignored.length > 0 ? { ignored } : {}),
    ...(Object.keys(byHash.objects).length > 0 ? { objects: byHash.objects } : {}),
  };
}

/**
 * With month outpoints, the month m starts from is known from the genesis' spends; its final's transaction stands for
 * that month's marker (nothing else of it is needed), fetched by txid.
 */
async function withPreviousFinal(client: MonthClient, known: Discovered, finals: MonthFinals): Promise<Discovered & { month: number }> {
  const p = finals.previous;
  if (!p || finals.previousMonth < 1) return { ...known, month: finals.previousMonth };
  const listing: MarkerListing = { month: finals.previousMonth, txids: [p.txid], confirmed: new Map([[p.txid, p.at]]) };
  return { listings: [...known.listings, listing], txs: await fetchTransactions(client, [p.txid], known.txs), month: finals.previousMonth };
}

/** The heights at which reveals are proven: a branch leading to the settled block's header. */
function provenHeights(reveals: Readonly<Record<string, RevealSource>>, blocks: Readonly<Record<number, BlockSource>>): Map<string, number> {
  const proven = new Map<string, number>();
  for (const [txid, r] of Object.entries(reveals)) {
    const header = blocks[r.proof.block_height]?.header;
    if (header && branchLeadsTo(txid, r.proof, header.merkleRoot)) proven.set(txid, r.proof.block_height);
  }
  return proven;
}

/** Listings and their transactions with contested witnesses settled and invented entries dropped (their hosts named). */
async function settleListings(client: MonthClient, listings: readonly MarkerListing[], txs: Transactions): Promise<{ listings: MarkerListing[]; txs: Transactions }> {
  return dropInvented(client, listings, await settleContested(client, listings, txs));
}

/** A marker month's listing, with its transactions added to those already fetched (settled as above). */
async function listingWithTransactions(client: MonthClient, network: NetworkName, genesis: InscriptionId, month: number, known: Transactions): Promise<{ listing: MarkerListing; txs: Transactions }> {
  const fetched = await fetchListing(client, network, genesis, month);
  const { listings: [listing], txs } = await settleListings(client, [fetched], await fetchTransactions(client, fetched.txids, known));
  return { listing: listing!, txs };
}
