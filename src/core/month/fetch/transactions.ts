/** Raw transactions by txid (re-hashed by the client), fetched once; one that cannot be obtained is a recorded failure. */
import type { ParsedTx } from '../../chain/tx';
import { rethrowUnlessFetchFailure } from '../../errors';
import type { FetchFailure, RevealSource } from '../records';
import type { MonthClient } from './month-client';

export interface Transactions {
  byId: Map<string, ParsedTx>;
  failures: FetchFailure[];
}

/** Transactions an earlier fetch (the `all` command's previous months) already holds. */
export function knownTransactions(reuse: Readonly<Record<string, RevealSource>> = {}): Transactions {
  return { byId: new Map(Object.entries(reuse).map(([txid, r]) => [txid, r.tx])), failures: [] };
}

/**
 * The transactions of `txids` not yet in `known`, fetched (each answer passing `check`, when given, or the next host is
 * asked); returns `known` with them and their failures added.
 */
export async function fetchTransactions(client: MonthClient, txids: Iterable<string>, known: Transactions, check?: (tx: ParsedTx) => Promise<void>): Promise<Transactions> {
  const missing = [...new Set(txids)].filter((txid) => !known.byId.has(txid));
  const fetched = await Promise.all(missing.map((txid) => fetchTransaction(client, txid, check)));
  const byId = new Map(known.byId);
  const failures = [...known.failures];
  fetched.forEach((x, i) => {
    if ('code' in x) failures.push(x);
    else byId.set(missing[i] ?? x.txid, x);
  });
  return { byId, failures };
}

/** One transaction, or the failure to obtain it. */
export async function fetchTransaction(client: MonthClient, txid: string, check?: (tx: ParsedTx) => Promise<void>): Promise<ParsedTx | FetchFailure> {
  try {
    return await client.fetchTx(txid, check ? { check } : {});
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    return { txid, code: e.code, message: e.message };
  }
}
