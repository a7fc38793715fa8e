/**
 * Cross-check of the block hash at a height across every configured Esplora host. Hosts that contradict each other
 * (FETCH_HOSTS_DISAGREE) are a different finding from hosts that cannot be reached (FETCH_CROSS_CHECK_UNAVAILABLE).
 */
import { VerifyError } from '../errors';
import type { EsploraClient } from './client';
import { askEveryHost } from './every-host';

export interface CrossCheck {
  height: number;
  hash: string;
  /** Hosts that answered, all with `hash`. */
  agreeing: string[];
  /** Hosts that could not answer, with the reason. */
  unreachable: { host: string; code: string; message: string }[];
}

/**
 * Ask every host for the block hash at `height`. Passes when at least `minAgreeing` hosts (default: 2, or 1 with a
 * single host) answered and all answers are equal (and equal to `expected`, when given).
 */
export async function crossCheckBlockHash(client: Pick<EsploraClient, 'hosts' | 'fetchBlockHash'>, height: number, expected?: string, minAgreeing = Math.min(2, client.hosts.length)): Promise<CrossCheck> {
  const every = await askEveryHost(client.hosts, (h) => client.fetchBlockHash(height, [h]));
  const answers = Object.fromEntries(every.answers);
  const unreachable = [...every.failures].map(([host, e]) => ({ host, code: e.code, message: e.message }));
  const distinct = new Set(Object.values(answers));
  if (expected !== undefined) distinct.add(expected.toLowerCase());
  if (distinct.size > 1) {
    throw new VerifyError('FETCH_HOSTS_DISAGREE', `hosts disagree on the block at height ${height}`, { height, answers, ...(expected ? { expected } : {}), unreachable });
  }
  const agreeing = Object.keys(answers);
  if (agreeing.length < minAgreeing) {
    throw new VerifyError('FETCH_CROSS_CHECK_UNAVAILABLE', `only ${agreeing.length} of ${client.hosts.length} hosts answered for height ${height}; ${minAgreeing} needed`, { height, answers, unreachable });
  }
  return { height, hash: [...distinct][0]!, agreeing, unreachable };
}
