/**
 * Owns the verifier Worker: created on first use, one instance for the page; callers get Outcome values.
 * A run that does not stop when cancelled is ended by terminating the Worker; every run still in it then resolves
 * as cancelled, and a new Worker starts on next use.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { Outcome } from '../../core/outcome';
import type { Progress } from '../../core/month/report';
import type { AppMonthReport, MonthQuery, VerifierApi, VerifySettings } from './api';

let worker: Worker | undefined;
let remote: Remote<VerifierApi> | undefined;
/** Settles every run in flight in the current Worker (used when it is terminated). */
const inFlight = new Set<(o: Outcome<AppMonthReport>) => void>();

export function verifier(): Remote<VerifierApi> {
  if (!remote) {
    worker = new Worker(new URL('./entry.ts', import.meta.url), { type: 'module', name: 'drey-verifier' });
    remote = wrap<VerifierApi>(worker);
  }
  return remote;
}

const cancelled = (message: string): Outcome<AppMonthReport> => ({ ok: false, error: { code: 'FETCH_ABORTED', message, evidence: {} } });

/** Stops the Worker at once: every run in it resolves as cancelled; the next call starts a fresh one. */
export function terminateVerifier(): void {
  worker?.terminate();
  worker = undefined;
  remote = undefined;
  for (const settle of [...inFlight]) settle(cancelled('the verifier was stopped'));
  inFlight.clear();
}

let nextRun = 1;

export interface RunHandle {
  id: number;
  result: Promise<Outcome<AppMonthReport>>;
  /** Asks the Worker to abort; with `forceAfterMs`, terminates it if the run has not stopped by then. */
  cancel: (forceAfterMs?: number) => void;
}

/** Starts a month verification in the Worker, streaming progress to `onProgress` (a comlink proxy). */
export function startMonthRun(settings: VerifySettings, query: MonthQuery, onProgress: (p: Progress) => void): RunHandle {
  const id = nextRun++;
  const api = verifier();
  let settle: (o: Outcome<AppMonthReport>) => void = () => {};
  const stopped = new Promise<Outcome<AppMonthReport>>((resolve) => { settle = resolve; });
  inFlight.add(settle);
  const run = api.verifyMonth(id, settings, query, proxy(onProgress)).catch((e: unknown): Outcome<AppMonthReport> => ({
    ok: false, error: { code: 'INTERNAL_WORKER', message: `the verifier worker failed: ${e instanceof Error ? e.message : String(e)}`, evidence: {} },
  }));
  let done = false;
  const result = Promise.race([run, stopped]).finally(() => {
    done = true;
    inFlight.delete(settle);
  });
  return {
    id,
    result,
    cancel: (forceAfterMs) => {
      void api.cancel(id).catch(() => undefined);
      if (forceAfterMs === undefined) return;
      setTimeout(() => {
        if (!done && remote === api) terminateVerifier();
      }, forceAfterMs);
    },
  };
}
