/**
 * Finals through the month outpoints (docs/protocol.md §2.4), as far as they steer fetching: one
 * `/tx/:genesis/outspends` request per host names the spender of every month's outpoint at once. A named spender is
 * fetched (re-hashed) and must spend that very output, so a host can hide a final but never invent one; hosts that
 * name different spenders cannot all be on the same chain. "Unspent" is an absence claim, relied on only when every
 * host makes it. The signatures step decides the month's final again, from the bound spender.
 */
import type { ParsedTx } from '../../chain/tx';
import { VerifyError } from '../../errors';
import { outspendsFromEveryHost, type OutspendAnswers } from '../../esplora/outspends';
import { monthEnd } from '../timeline';
import type { ConfirmedAt } from './listings';
import type { MonthClient } from './month-client';
import { carriesGroupFinal, type StartingMonthContext } from './starting-month';

/** A month outpoint's confirmed spender, as the hosts name it (its height is their word until a Merkle branch binds it). */
export interface MonthSpend {
  month: number;
  txid: string;
  at: ConfirmedAt;
  /** The hosts that named it (their index has reached its block). */
  hosts: string[];
  /** The spending transaction (re-hashed): whether it pays the markers decides how they are listed. */
  tx: ParsedTx;
}

export interface MonthFinals {
  /** Month m's spender; undefined when every host says the outpoint is unspent (or only unconfirmed spends). */
  current?: MonthSpend;
  /** The month m starts from (§8): the latest earlier month whose outpoint a timely group final spent (0: none). */
  previousMonth: number;
  previous?: MonthSpend;
  /** What was asked, by month: the spender's txid, or null for "unspent" (recorded in the month's sources). */
  spenders: Record<number, string | null>;
}

/** A month's spender, or undefined when the hosts agree it is unspent; throws when they cannot say or disagree. */
function spendOf(month: number, a: OutspendAnswers): MonthSpend | undefined {
  const confirmed = a.spenders.filter((s) => s.status.confirmed && s.status.block_height !== undefined && s.status.block_hash !== undefined);
  if (confirmed.length > 1) {
    throw new VerifyError('FETCH_HOSTS_DISAGREE', `the hosts name ${confirmed.length} different confirmed spenders of month ${month}'s outpoint`, { month, spenders: confirmed.map((s) => s.tx.txid) });
  }
  const [s] = confirmed;
  if (s) return { month, txid: s.tx.txid, at: { height: s.status.block_height!, hash: s.status.block_hash! }, hosts: s.hosts, tx: s.tx };
  if (a.failures.size > 0) {
    throw new VerifyError('FETCH_ALL_HOSTS_FAILED', `not every host could say whether month ${month}'s outpoint is spent`, { month, hosts: Object.fromEntries([...a.failures].map(([h, e]) => [h, e.code])) });
  }
  return undefined;
}

/**
 * Month m's spender, and the month it starts from: walking back from m − 1 while the month is finished at the tip and
 * its outpoint is unspent, spent after the month's end, or spent by a transaction with no final the group signed.
 */
export async function monthFinals(client: MonthClient, ctx: StartingMonthContext, genesisTxid: string, month: number): Promise<MonthFinals> {
  const months = ctx.genesis.params.months ?? 0;
  const every = await outspendsFromEveryHost(client, genesisTxid);
  const spenders: Record<number, string | null> = {};
  const ask = async (m: number): Promise<MonthSpend | undefined> => {
    const s = spendOf(m, await every.output(m));
    spenders[m] = s?.txid ?? null;
    return s;
  };
  const current = month <= months ? await ask(month) : undefined;
  let previousMonth = Math.min(month - 1, months);
  let previous: MonthSpend | undefined;
  while (previousMonth >= 1) {
    previous = await ask(previousMonth);
    if (ctx.tipHeight <= monthEnd(ctx.genesis.params, previousMonth)) break;
    if (previous && previous.at.height <= monthEnd(ctx.genesis.params, previousMonth) && carriesGroupFinal(ctx, await client.fetchTx(previous.txid), previousMonth)) break;
    previous = undefined;
    previousMonth--;
  }
  return { ...(current ? { current } : {}), previousMonth: Math.max(previousMonth, 0), ...(previous ? { previous } : {}), spenders };
}

