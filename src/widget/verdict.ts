/**
 * The widget's verdict: one verification over src/core reduced to what a badge shows. With a genesis, a month's
 * verdict from the month pipeline (loaded on demand: it carries the proof verifier); without one, the verified
 * chain tip. Isomorphic (runs in the widget's Worker and in Node tests); `fetch` is injected.
 */
import { isUnavailableCode } from '../core/codes';
import { createEsploraClient } from '../core/esplora/client';
import type { ProgramRunner } from '../core/pipeline';
import { outcomeOf } from '../core/outcome';
import { verifyChainTip } from '../core/tip';
import type { WidgetSettings } from './settings';

export type VerdictStatus = 'verified' | 'rejected' | 'pending' | 'unavailable';

export interface WidgetVerdict {
  /** verified / rejected (a check failed) / pending (the month is not finished) / unavailable (could not be checked). */
  status: VerdictStatus;
  /** What was verified, e.g. "Month 3" or "Chain tip #1234". */
  subject: string;
  /** The month the verdict is about, when it is about one. */
  month: number | null;
  /** `OK`, or the code of the check that failed. */
  code: string;
  message: string;
  /** Wall-clock time of the verification in the browser. */
  ms: number;
}

export interface VerdictDeps {
  fetch: typeof fetch;
  now?: () => number;
  signal?: AbortSignal;
  runProgram?: ProgramRunner;
}

/** Failures that say nothing about the month: the hosts could not give or agree on the data, cancelled, or a bug. */
export function isUnavailable(code: string): boolean {
  return isUnavailableCode(code) || code === 'INTERNAL_ERROR';
}

export async function verdictFor(settings: WidgetSettings, deps: VerdictDeps): Promise<WidgetVerdict> {
  const now = deps.now ?? (() => performance.now());
  const t0 = now();
  const client = createEsploraClient({
    hosts: settings.esplora,
    network: settings.network,
    fetch: deps.fetch,
    requestsPerSecond: settings.rps,
    burst: Math.max(2, Math.ceil(settings.rps / 2)),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  if (settings.genesis) {
    const { monthVerdict } = await import('./month-verdict');
    return monthVerdict(settings, client, { ...(deps.runProgram ? { runProgram: deps.runProgram } : {}), ...(deps.signal ? { signal: deps.signal } : {}) }, now);
  }
  const outcome = await outcomeOf(() => verifyChainTip(client));
  const ms = now() - t0;
  if (!outcome.ok) {
    const { code, message } = outcome.error;
    return { status: isUnavailable(code) ? 'unavailable' : 'rejected', subject: 'Chain tip', month: null, code, message, ms };
  }
  const tip = outcome.value;
  return {
    status: 'verified',
    subject: `Chain tip #${tip.height}`,
    month: null,
    code: 'OK',
    message: `block ${tip.hash.slice(0, 16)}… at height ${tip.height}: proof of work checked, ${tip.agreeingHosts.length} host(s) agree`,
    ms,
  };
}
