/** Script history as electrs serves it (schema.rs `_history`, mempool.rs `history`, `stats`). */
import type { Chain, HistoryRow } from './chain';

export const CHAIN_TXS_PER_PAGE = 25;
export const MAX_MEMPOOL_TXS = 50;

const internalHex = (txid: string): string => txid.match(/../g)!.reverse().join('');

/**
 * electrs scans `H{scripthash}{height BE}{F|S}{txid…}` rows in reverse: newest height first; within a height,
 * spending rows before funding rows, each by internal txid bytes descending; txids de-duplicated.
 */
function orderedTxids(rows: HistoryRow[]): string[] {
  const keyed = rows.map((r) => ({ r, k: internalHex(r.txid) }));
  keyed.sort((a, b) => {
    if (a.r.height !== b.r.height) return b.r.height - a.r.height;
    if (a.r.kind !== b.r.kind) return a.r.kind === 'S' ? -1 : 1;
    if (a.k !== b.k) return a.k < b.k ? 1 : -1;
    return b.r.n - a.r.n;
  });
  return [...new Set(keyed.map((x) => x.r.txid))];
}

/** Up to 25 confirmed txids, newest first, strictly after `lastSeen` (a txid not in the history gives []). */
export function chainHistory(chain: Chain, scripthash: string, lastSeen?: string): string[] {
  const all = orderedTxids(chain.historyRows(scripthash));
  const start = lastSeen === undefined ? 0 : all.indexOf(lastSeen) + 1;
  if (lastSeen !== undefined && start === 0) return [];
  return all.slice(start, start + CHAIN_TXS_PER_PAGE);
}

/** Up to 50 mempool txids touching the script, newest first. */
export function mempoolHistory(chain: Chain, scripthash: string): string[] {
  const rows = chain.mempool.historyRows(scripthash);
  return [...new Set(rows.map((r) => r.txid).reverse())].slice(0, MAX_MEMPOOL_TXS);
}

function statsOf(rows: HistoryRow[]): Record<string, number> {
  let fundedCount = 0;
  let fundedSum = 0n;
  let spentCount = 0;
  let spentSum = 0n;
  for (const r of rows) {
    if (r.kind === 'F') {
      fundedCount++;
      fundedSum += r.value;
    } else {
      spentCount++;
      spentSum += r.value;
    }
  }
  // serde_json `json!` maps are sorted by key
  return {
    funded_txo_count: fundedCount,
    funded_txo_sum: Number(fundedSum),
    spent_txo_count: spentCount,
    spent_txo_sum: Number(spentSum),
    tx_count: new Set(rows.map((r) => r.txid)).size,
  };
}

export function scriptStats(chain: Chain, scripthash: string): { chain: Record<string, number>; mempool: Record<string, number> } {
  return { chain: statsOf(chain.historyRows(scripthash)), mempool: statsOf(chain.mempool.historyRows(scripthash)) };
}
