/**
 * Whether an output is spent, asked of every host. A "spent" answer names its spender, which is checked: the spending
 * transaction (re-hashed to its txid) must spend that very output at the named input, or the host is caught lying.
 * "Unspent" cannot be proven by SPV: it is an absence claim, relied on only when every live host makes it.
 */
import type { ParsedTx } from '../chain/tx';
import { rethrowUnlessFetchFailure, VerifyError } from '../errors';
import type { EsploraClient } from './client';
import { askEveryHost } from './every-host';
import type { TxStatus } from './shapes';

export interface SpendClaim {
  /** Hosts naming this spender. */
  hosts: string[];
  tx: ParsedTx;
  vin: number;
  /** Where the hosts say the spender confirmed (a hint: bind it with a Merkle branch before relying on it). */
  status: TxStatus;
}

export interface OutspendAnswers {
  /** Checked spenders (a double spend is impossible, so at most one unless a host lies past the check). */
  spenders: SpendClaim[];
  /** Hosts answering "unspent". */
  unspent: string[];
  /** Hosts that could not answer, or whose spender could not be fetched. */
  failures: Map<string, VerifyError>;
}

/** Every live host agreed the output is unspent. */
export function unspentByEveryHost(a: OutspendAnswers, liveHosts: readonly string[]): boolean {
  return a.spenders.length === 0 && a.failures.size === 0 && liveHosts.every((h) => a.unspent.includes(h));
}

export async function outspendFromEveryHost(client: Pick<EsploraClient, 'liveHosts' | 'fetchOutspend' | 'fetchTx' | 'blame'>, txid: string, vout: number): Promise<OutspendAnswers> {
  const every = await askEveryHost(client.liveHosts(), (h) => client.fetchOutspend(txid, vout, [h]));
  const out: OutspendAnswers = { spenders: [], unspent: [], failures: every.failures };
  for (const [host, o] of every.answers) {
    if (!o.spent) {
      out.unspent.push(host);
      continue;
    }
    const known = out.spenders.find((s) => s.tx.txid === o.txid && s.vin === o.vin);
    if (known) {
      known.hosts.push(host);
      continue;
    }
    let tx: ParsedTx;
    try {
      tx = await client.fetchTx(o.txid);
    } catch (e) {
      rethrowUnlessFetchFailure(e);
      if (e.code === 'FETCH_NOT_FOUND') client.blame(host, { code: 'CHAIN_SPENDER_UNKNOWN', message: `names spender ${o.txid} of ${txid}:${vout}, which no host has`, evidence: { txid, vout, spender: o.txid } });
      else out.failures.set(host, e);
      continue;
    }
    const input = tx.inputs[o.vin];
    if (!input || input.txid !== txid || input.vout !== vout) {
      client.blame(host, { code: 'CHAIN_SPENDER_MISMATCH', message: `names ${o.txid}:${o.vin} as the spender of ${txid}:${vout}, but that input spends something else`, evidence: { txid, vout, spender: o.txid, vin: o.vin } });
      continue;
    }
    out.spenders.push({ hosts: [host], tx, vin: o.vin, status: o.status });
  }
  return out;
}
