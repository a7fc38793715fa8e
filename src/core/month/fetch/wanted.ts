/**
 * Which reveals the month binds (fetches with their proofs), read from unverified listings — a choice of what to fetch,
 * never a verdict. Only messages that parse strictly, with a valid signature by the key entitled to their type, steer
 * it (docs/protocol.md §2.5): what a third party writes costs at most the listing that shows it. Full depth: on month
 * 0's and month m's markers every transaction with a message entitled to take part (fetch/entitled.ts: registrations,
 * the month's inputs, lotteries, commits of registered keys, the group's reveal and final; the others are listed as
 * ignored, unfetched), the commits the group's reveal names, and the parts the PoL's inputs and the group's finals name;
 * of earlier months only the group's finals and their tables. Quick depth: the group's finals and their tables, month
 * m's PoL inputs and the group's reveals, and the commits of those reveals signed by the lead the group's final names.
 * Both: the genesis, its program, mortality table and verification keys.
 */
import type { ParsedTx } from '../../chain/tx';
import type { NetworkName } from '../../chain/network';
import type { InscriptionId } from '../../protocol/ids';
import type { Message } from '../../protocol/message';
import type { Depth } from '../report';
import type { MarkerListing } from './listings';
import { VerifyError } from '../../errors';
import { ALLOCATION } from '../../table/allocation';
import { INPUTS } from '../../table/inputs';
import { checkPartCounts } from '../../table/split';
import { strictMessages, type StrictGenesis } from './loose';
import { judgeListed, registeredKeys } from './entitled';
import type { IgnoredListed } from '../records';
import { spendsMonthOutpoint } from '../../protocol/month-outpoints';
import { entitledSigner } from '../../protocol/marker-roles';

type Found = number | 'ref';

export interface WantedContext {
  network: NetworkName;
  genesisId: string;
  genesis: InscriptionId;
  /** The genesis as parsed strictly: who may sign `inputs` (`polKey`) and `reveal`/`final` (`groupKey`). */
  entitled: StrictGenesis | undefined;
  month: number;
  depth: Depth;
}

/** A transaction's messages of month m that are entitled to steer fetching: `inputs` by the PoL key, `reveal` and `final` by the group. */
export function entitledMessages(ctx: WantedContext, tx: ParsedTx, m: number): Message[] {
  const e = ctx.entitled;
  if (!e || m === 0) return [];
  return strictMessages(tx, { network: ctx.network, genesis: ctx.genesisId, month: m }).filter((x) => {
    const who = entitledSigner(x.type, e);
    return who !== undefined && x.signer === who;
  });
}

/**
 * The part ids an entitled `inputs` or `final` names, when its row counts keep the split rule's bound (§2.5): a
 * message naming more parts than its rows allow makes nothing be fetched (the tables step reports TABLE_PART_SPLIT).
 */
function tableParts(x: Message): string[] {
  if (x.type !== 'inputs' && x.type !== 'final') return [];
  try {
    checkPartCounts((x.type === 'inputs' ? INPUTS : ALLOCATION).columns, x.payload.table.parts.map((p) => p.rows));
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return [];
  }
  return x.payload.table.parts.map((p) => p.inscription);
}

/**
 * Reveals to bind by txid, with where each was found (a marker month, or `ref` when named by id). At full depth the
 * drey/1 envelopes of listed transactions left unbound are added to `ignored`.
 */
export function revealsToBind(ctx: WantedContext, listings: readonly MarkerListing[], txs: ReadonlyMap<string, ParsedTx>, ignored: IgnoredListed[] = []): Map<string, Found> {
  const { month, depth } = ctx;
  const wanted = new Map<string, Found>([[ctx.genesis.txid, 'ref']]);
  const refs = new Set<string>();
  const revealedCommits = new Set<string>();
  /** Full depth: where each transaction of month 0's and month m's markers is listed (a named object found there keeps it). */
  const listedAt = new Map<string, number>();
  const e = ctx.entitled;
  const registered = depth === 'full' && e ? registeredKeys(ctx.network, ctx.genesisId, listedTxs(listings, txs, 0)) : new Set<string>();
  for (const listing of listings) {
    const m = listing.month;
    for (const txid of listing.txids) {
      const tx = txs.get(txid);
      if (!tx) continue;
      if (depth === 'full' && (m === 0 || m === month)) {
        // On month 0's marker, the finals of earlier months (spenders of month outpoints, §2.4: only the group can make
        // them) register nothing.
        if (!e || (m === 0 && spendsMonthOutpoint(tx, ctx.genesis.txid))) continue;
        listedAt.set(txid, m);
        const judged = judgeListed({ network: ctx.network, genesisId: ctx.genesisId, entitled: e, month, registered }, tx, m);
        if (judged.entitled.length === 0) {
          ignored.push(...judged.ignored);
          continue;
        }
        wanted.set(txid, m);
        for (const x of judged.entitled) {
          for (const id of tableParts(x)) refs.add(id);
          if (x.type === 'reveal' && m === month) for (const k of x.payload.keys) revealedCommits.add(k.commit);
        }
        continue;
      }
      for (const x of entitledMessages(ctx, tx, m)) {
        if (x.type === 'final' || (x.type === 'inputs' && m === month)) {
          wanted.set(txid, m);
          for (const id of tableParts(x)) refs.add(id);
        } else if (x.type === 'reveal' && m === month) {
          wanted.set(txid, m);
          for (const k of x.payload.keys) revealedCommits.add(k.commit);
        }
      }
    }
  }
  if (depth === 'quick') for (const txid of leadCommits(ctx, wanted, txs, revealedCommits, month)) wanted.set(txid, month);
  // Full depth: a commit the group's reveal names is bound wherever on month m's marker it is, so that counting a
  // commit of no registered key is seen (the eligibility step's MESSAGE_NOT_ACTUARY).
  else for (const id of revealedCommits) if (listedAt.get(id.slice(0, 64)) === month) wanted.set(id.slice(0, 64), month);
  // Both depths run the pinned program: the month's rates q, on which the proofs' inputs roots rest, are its (§8).
  for (const id of ctx.entitled?.objects ?? []) refs.add(id);
  for (const id of refs) if (!wanted.has(id.slice(0, 64))) wanted.set(id.slice(0, 64), listedAt.get(id.slice(0, 64)) ?? 'ref');
  // An object that is bound after all is no longer ignored.
  for (let i = ignored.length - 1; i >= 0; i--) if (wanted.has(ignored[i]!.txid)) ignored.splice(i, 1);
  return wanted;
}

/** The transactions listed on marker month m, as far as they are at hand. */
function listedTxs(listings: readonly MarkerListing[], txs: ReadonlyMap<string, ParsedTx>, m: number): ParsedTx[] {
  return listings.filter((l) => l.month === m).flatMap((l) => l.txids.flatMap((t) => txs.get(t) ?? []));
}

/**
 * Quick depth: of the revealed commits, only the lead's is needed, so bind those signed by the lead the month's first
 * group final names (each commit's raw transaction is already at hand from the listing).
 */
function leadCommits(ctx: WantedContext, wanted: ReadonlyMap<string, Found>, txs: ReadonlyMap<string, ParsedTx>, revealed: ReadonlySet<string>, month: number): string[] {
  const final = [...wanted].filter(([, m]) => m === month).flatMap(([t]) => {
    const tx = txs.get(t);
    return tx ? entitledMessages(ctx, tx, month) : [];
  }).find((x) => x.type === 'final');
  const finalLead = final?.type === 'final' ? final.payload.lead : undefined;
  const out: string[] = [];
  for (const id of revealed) {
    const txid = id.slice(0, 64);
    const tx = txs.get(txid);
    const msg = tx ? strictMessages(tx, { network: ctx.network, genesis: ctx.genesisId, month }).find((x) => x.type === 'commit') : undefined;
    if (msg && finalLead !== undefined && msg.signer === finalLead) out.push(txid);
  }
  return out;
}
