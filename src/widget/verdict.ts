/**
 * The widget's verdict: one verification over src/core reduced to what a badge shows. With a genesis, a month's
 * verdict from the month pipeline (loaded on demand: it carries the proof verifier); without one, the verified
 * chain tip. Isomorphic (runs in the widget's Worker and in Node tests); `fetch` is injected.
 */
import { createEsploraClient } from '../core/esplora/client';
import { packedCache } from '../core/esplora/pack';
import type { ProgramRunner } from '../core/pipeline';
import type { ProofWorkers } from '../core/proof/proof-system';
import { outcomeOf } from '../core/outcome';
import { verifyChainTip } from '../core/tip';
import type { WidgetSettings } from './settings';
import { failedVerdict } from './failed-verdict';
import type { WidgetVerdict } from './widget-verdict';

export type { WidgetVerdict } from './widget-verdict';

export interface VerdictDeps {
  fetch: typeof fetch;
  now?: () => number;
  signal?: AbortSignal;
  runProgram?: ProgramRunner;
  proofWorkers?: ProofWorkers;
}

export async function verdictFor(settings: WidgetSettings, deps: VerdictDeps): Promise<WidgetVerdict> {
  const now = deps.now ?? (() => performance.now());
  const t0 = now();
  // With month packs, each month's pack goes under this verification's cache before its check.
  const cache = settings.genesis && settings.packs ? packedCache(new Map()) : undefined;
  const client = createEsploraClient({
    hosts: settings.esplora,
    network: settings.network,
    fetch: deps.fetch,
    requestsPerSecond: settings.rps,
    burst: Math.max(2, Math.ceil(settings.rps / 2)),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(cache ? { cache } : {}),
  });
  if (settings.genesis) {
    const { monthVerdict } = await import('./month-verdict');
    return monthVerdict(settings, client, {
      ...(deps.runProgram ? { runProgram: deps.runProgram } : {}), ...(deps.proofWorkers ? { proofWorkers: deps.proofWorkers } : {}), ...(deps.signal ? { signal: deps.signal } : {}),
      ...(cache && settings.packs ? { packs: { base: settings.packs, cache, fetch: deps.fetch } } : {}),
    }, now);
  }
  const outcome = await outcomeOf(() => verifyChainTip(client));
  const ms = now() - t0;
  if (!outcome.ok) {
    const { code, message } = outcome.error;
    return failedVerdict(code, message, 'Chain tip', null, ms);
  }
  const tip = outcome.value;
  return {
    status: 'verified',
    subject: `Chain tip #${tip.height}`,
    month: null,
    code: 'OK',
    explanation: '',
    message: `block ${tip.hash.slice(0, 16)}… at height ${tip.height}: proof of work checked, ${tip.agreeingHosts.length} host(s) agree`,
    ms,
  };
}
