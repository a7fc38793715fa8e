/**
 * Quick depth: files taken by their hash (docs/protocol.md §2.4). A file a verified, signed message names by
 * inscription id and SHA-256 — the genesis' program, verification keys and mortality table, the parts of `pol_key`'s
 * `inputs` and of the group's `final`s — is authentic by that hash: it needs no Merkle proof, no block and no commit
 * transaction, since no rule of a quick check depends on its height or chain order (§2.5). Its transaction is fetched
 * by txid (free when a listing carried it); when what a host serves does not carry every named file as a drey/1
 * envelope with the named SHA-256 (and, for a table part, the table content type), the reveal is bound as before, so
 * that only chain data the signer wrote can make a month fail (TABLE_PART_*), never a host's witness.
 */
import type { ParsedTx } from '../../chain/tx';
import type { FetchFailure, ObjectSource, RevealSource } from '../records';
import { objectRecords } from '../objects';
import { CONTENT_TYPES } from '../../protocol/message';
import type { MarkerListing } from './listings';
import type { MonthClient } from './month-client';
import { fetchTransaction } from './transactions';
import { entitledMessages, type WantedContext } from './wanted';

/** What the entitled messages name for one inscription id: every SHA-256 named for it, and whether it is a table part. */
export interface NamedFile {
  sha256s: Set<string>;
  part: boolean;
}

/** The files entitled messages name by SHA-256: the genesis' (parsed strictly), and the parts of every entitled `inputs` and `final` listed. */
export function namedFiles(ctx: WantedContext, listings: readonly MarkerListing[], txs: ReadonlyMap<string, ParsedTx>): Map<string, NamedFile> {
  const named = new Map<string, NamedFile>();
  const add = (id: string, sha256: string, part: boolean) => {
    const n = named.get(id) ?? { sha256s: new Set<string>(), part: false };
    n.sha256s.add(sha256);
    n.part ||= part;
    named.set(id, n);
  };
  for (const f of ctx.entitled?.files ?? []) add(f.inscription, f.sha256, false);
  for (const listing of listings) {
    for (const txid of listing.txids) {
      const tx = txs.get(txid);
      if (!tx) continue;
      for (const x of entitledMessages(ctx, tx, listing.month)) {
        if (x.type === 'inputs' || x.type === 'final') for (const p of x.payload.table.parts) add(p.inscription, p.sha256, true);
      }
    }
  }
  return named;
}

/**
 * Of the reveals to bind, those taken by hash: found by id only (`ref`: no message of the month is read from them), not
 * the genesis' (its height is a rule, §4.2.1), and not already bound by an earlier month of the run; each with the ids
 * named in it.
 */
export function byHashCandidates(
  wanted: ReadonlyMap<string, number | 'ref'>, genesisTxid: string, named: ReadonlyMap<string, NamedFile>, bound: Readonly<Record<string, RevealSource>> = {},
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [txid, found] of wanted) {
    if (found !== 'ref' || txid === genesisTxid || bound[txid]) continue;
    const ids = [...named.keys()].filter((id) => id.slice(0, 64) === txid);
    if (ids.length > 0) out.set(txid, ids);
  }
  return out;
}

/** Whether a transaction carries every id as a drey/1 envelope whose body hashes to the one SHA-256 named for it (a part: with the table content type). */
export function carriesNamed(tx: ParsedTx, ids: readonly string[], named: ReadonlyMap<string, NamedFile>): boolean {
  const { records, unreadable } = objectRecords(tx, ids);
  return unreadable.length === 0 && records.every((r) => {
    const n = named.get(r.id);
    return n !== undefined && n.sha256s.size === 1 && n.sha256s.has(r.bodySha256) && (!n.part || r.contentType === CONTENT_TYPES.table);
  });
}

export interface TakenByHash {
  /** Transactions whose files are taken by hash, by txid. */
  objects: Record<string, ObjectSource>;
  /** Transactions no host gave (the month is unavailable for want of them). */
  failures: FetchFailure[];
}

/** Fetches the candidates; those that do not carry their named files as named are left out, to be bound. */
export async function takeByHash(client: MonthClient, candidates: ReadonlyMap<string, string[]>, named: ReadonlyMap<string, NamedFile>): Promise<TakenByHash> {
  const out: TakenByHash = { objects: {}, failures: [] };
  const fetched = await Promise.all([...candidates].map(async ([txid, ids]) => [txid, ids, await fetchTransaction(client, txid)] as const));
  for (const [txid, ids, tx] of fetched) {
    if ('code' in tx) out.failures.push(tx);
    else if (carriesNamed(tx, ids, named)) out.objects[txid] = { tx, ids };
  }
  return out;
}
