/**
 * Whether an output is spent, asked of every host. A "spent" answer names its spender, which is checked: the spending
 * transaction (re-hashed to its txid) must spend that very output at the named input, or the host is caught lying.
 * "Unspent" cannot be proven by SPV: it is an absence claim, relied on only when every live host makes it.
 */
import type { ParsedTx } from '../chain/tx';
import { rethrowUnlessFetchFailure, VerifyError } from '../errors';
import type { EsploraClient } from './client';
import { askEveryHost } from './every-host';
import type { Outspend, TxStatus } from './shapes';

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
  return checkedClaims(client, txid, vout, every.answers, every.failures);
}

/** Every host's outspends list of one transaction; the claims about an output are checked when first asked for. */
export interface EveryOutspends {
  /** Each answering host's list, one entry per output (unchecked: the hosts' word). */
  lists: Map<string, Outspend[]>;
  failures: Map<string, VerifyError>;
  /** The claims about output `vout`, each named spender fetched and checked to spend it. */
  output(vout: number): Promise<OutspendAnswers>;
}

/**
 * Every output's spend status from every host, one request each (`/tx/:txid/outspends`); the claims about an output
 * are checked as `outspendFromEveryHost` checks them, when that output is asked about. A host whose list has no entry
 * for the output could not answer for it.
 */
export async function outspendsFromEveryHost(client: Pick<EsploraClient, 'liveHosts' | 'fetchOutspends' | 'fetchTx' | 'blame'>, txid: string): Promise<EveryOutspends> {
  const every = await askEveryHost(client.liveHosts(), (h) => client.fetchOutspends(txid, [h]));
  const checked = new Map<number, Promise<OutspendAnswers>>();
  const output = (vout: number): Promise<OutspendAnswers> => {
    let p = checked.get(vout);
    if (!p) {
      const answers = new Map<string, Outspend>();
      const failures = new Map(every.failures);
      for (const [host, list] of every.answers) {
        const o = list[vout];
        if (o) answers.set(host, o);
        else failures.set(host, new VerifyError('FETCH_BAD_BODY', `the outspends list has no entry for output ${vout}`, { txid, vout, entries: list.length }));
      }
      p = checkedClaims(client, txid, vout, answers, failures);
      checked.set(vout, p);
    }
    return p;
  };
  return { lists: every.answers, failures: every.failures, output };
}

/** The hosts' answers about one output, each named spender fetched (re-hashed) and checked to spend it. */
async function checkedClaims(
  client: Pick<EsploraClient, 'fetchTx' | 'blame'>, txid: string, vout: number, answers: ReadonlyMap<string, Outspend>, failures: Map<string, VerifyError>,
): Promise<OutspendAnswers> {
  const out: OutspendAnswers = { spenders: [], unspent: [], failures };
  for (const [host, o] of answers) {
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
