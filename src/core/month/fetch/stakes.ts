/** Stake outpoints of registered actuaries: the funding transaction and every host's outspend answer. */
import { rethrowUnlessFetchFailure } from '../../errors';
import type { Outspend } from '../../esplora/shapes';
import type { RevealSource, StakeSource } from '../records';
import { looseMessages, looseStake } from './loose';
import type { MonthClient } from './month-client';

/**
 * A stake outpoint: the funding transaction (re-hashed) and the outspend answer of every host that answers (one
 * "spent" is enough to make the stake spent, so a wrong "unspent" needs every host to lie).
 */
export async function fetchStake(client: MonthClient, txid: string, vout: number): Promise<StakeSource> {
  try {
    const tx = await client.fetchTx(txid);
    const answers = await Promise.all(client.hosts.map(async (host): Promise<[string, Outspend] | { error: unknown }> => {
      try {
        return [host, await client.fetchOutspend(txid, vout, [host])];
      } catch (e) {
        rethrowUnlessFetchFailure(e);
        return { error: e };
      }
    }));
    const outspends = Object.fromEntries(answers.filter((a): a is [string, Outspend] => Array.isArray(a)));
    if (Object.keys(outspends).length === 0) throw answers.flatMap((a) => (Array.isArray(a) ? [] : [a.error])).at(-1);
    return { txid, vout, tx, outspends };
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    return { txid, vout, error: { code: e.code, message: e.message } };
  }
}

/** The stake outpoints the register messages of month 0's marker name (by `txid:vout`), read before any check. */
export function stakeOutpoints(listed: readonly string[], reveals: Readonly<Record<string, RevealSource>>): Map<string, { txid: string; vout: number }> {
  const stakes = new Map<string, { txid: string; vout: number }>();
  for (const txid of listed) {
    const r = reveals[txid];
    if (!r) continue;
    for (const x of looseMessages(r.tx)) {
      const s = x.type === 'register' ? looseStake(x.payload) : undefined;
      if (s) stakes.set(`${s.txid}:${s.vout}`, s);
    }
  }
  return stakes;
}

/** Every stake outpoint, fetched. */
export async function fetchStakes(client: MonthClient, outpoints: ReadonlyMap<string, { txid: string; vout: number }>): Promise<Record<string, StakeSource>> {
  return Object.fromEntries(await Promise.all([...outpoints].map(async ([key, s]) => [key, await fetchStake(client, s.txid, s.vout)] as const)));
}
