/**
 * Asking every host the same question, one request per host: what absence claims ("no such transaction", "unspent",
 * "nothing more in this listing") need, since only a claim every host makes can be relied on. Hosts caught lying are
 * not asked; a deadline or cancel ends the whole question.
 */
import { isRunEnding, VerifyError } from '../errors';

export interface EveryHost<T> {
  /** Each answering host's answer, in configured order. */
  answers: Map<string, T>;
  /** Each host that could not answer, with why. */
  failures: Map<string, VerifyError>;
}

export async function askEveryHost<T>(hosts: readonly string[], ask: (host: string) => Promise<T>): Promise<EveryHost<T>> {
  const results = await Promise.allSettled(hosts.map(ask));
  const out: EveryHost<T> = { answers: new Map(), failures: new Map() };
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') out.answers.set(hosts[i]!, r.value);
    else if (r.reason instanceof VerifyError && !isRunEnding(r.reason)) out.failures.set(hosts[i]!, r.reason);
    else throw r.reason;
  });
  return out;
}

/** The failures as plain evidence: host → code. */
export function failureCodes(failures: Map<string, VerifyError>): Record<string, string> {
  return Object.fromEntries([...failures].map(([h, e]) => [h, e.code]));
}
