/**
 * The months store: the timeline (months the genesis defines up to the tip) and every verification run in this page
 * (live step progress, then the report or the coded reason it could not run). Actions are plain functions.
 */
import { create } from 'zustand';
import type { Step } from '../../../core/check';
import type { Depth, Progress, ProgressStatus } from '../../../core/month/report';
import type { OutcomeError } from '../../../core/outcome';
import type { AppMonthReport, VerifySettings } from '../../../../workers/verifier-worker';
import type { MonthListing } from '../../workers/pipeline-adapter';
import { startMonthRun, verifier, type RunHandle } from '../../lib/verifier-client';
import type { Settings } from '../settings/settings';

export interface StepState {
  status: ProgressStatus;
  /** performance.now() when the step started (for the live timer). */
  startedAt: number;
  ms?: number;
}

export interface MonthRun {
  key: string;
  month: number;
  depth: Depth;
  user?: string;
  status: 'running' | 'done' | 'error' | 'cancelled';
  startedAt: number;
  steps: Partial<Record<Step, StepState>>;
  report?: AppMonthReport;
  error?: OutcomeError;
}

type Timeline =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; tipHeight: number; months: MonthListing[] }
  | { status: 'error'; error: OutcomeError };

interface MonthsState {
  timeline: Timeline;
  runs: Record<string, MonthRun>;
  /** True while "verify every month" works through the timeline. */
  verifyingAll: boolean;
}

const initial: MonthsState = { timeline: { status: 'idle' }, runs: {}, verifyingAll: false };
export const useMonthsStore = create<MonthsState>(() => initial);

const handles = new Map<string, RunHandle>();

export function runKey(month: number, depth: Depth, user?: string): string {
  return depth === 'quick' && user !== undefined ? `${month}:quick:${user}` : `${month}:${depth}`;
}

export function verifySettings(s: Settings): VerifySettings {
  return { network: s.network as VerifySettings['network'], esplora: s.esplora, genesis: s.genesis, rps: s.rps };
}

export async function loadTimeline(settings: Settings): Promise<void> {
  if (!settings.genesis || settings.esplora.length === 0) {
    useMonthsStore.setState({ timeline: { status: 'idle' } });
    return;
  }
  useMonthsStore.setState({ timeline: { status: 'loading' } });
  const r = await verifier().months(verifySettings(settings));
  useMonthsStore.setState({ timeline: r.ok ? { status: 'ok', ...r.value } : { status: 'error', error: r.error } });
}

function patchRun(key: string, patch: (run: MonthRun) => Partial<MonthRun>): void {
  useMonthsStore.setState((s) => {
    const run = s.runs[key];
    return run ? { runs: { ...s.runs, [key]: { ...run, ...patch(run) } } } : {};
  });
}

function onProgress(key: string, p: Progress): void {
  patchRun(key, (run) => {
    const prev = run.steps[p.step];
    const startedAt = p.status === 'running' || !prev ? performance.now() - (p.status === 'running' ? 0 : p.ms) : prev.startedAt;
    const next: StepState = { status: p.status, startedAt, ...(p.status === 'running' ? {} : { ms: p.ms }) };
    return { steps: { ...run.steps, [p.step]: next } };
  });
}

/** Verifies one month in the Worker; resolves when the run ends (report, coded error, or cancelled). */
export async function verifyMonth(settings: Settings, month: number, depth: Depth, user?: string): Promise<MonthRun | undefined> {
  const key = runKey(month, depth, user);
  handles.get(key)?.cancel();
  const run: MonthRun = { key, month, depth, ...(user !== undefined ? { user } : {}), status: 'running', startedAt: performance.now(), steps: {} };
  useMonthsStore.setState((s) => ({ runs: { ...s.runs, [key]: run } }));
  const handle = startMonthRun(verifySettings(settings), { month, depth, ...(user !== undefined ? { user } : {}) }, (p) => onProgress(key, p));
  handles.set(key, handle);
  const r = await handle.result;
  if (handles.get(key) !== handle) return useMonthsStore.getState().runs[key];
  handles.delete(key);
  if (r.ok) patchRun(key, () => ({ status: 'done', report: r.value }));
  else if (r.error.code === 'FETCH_ABORTED' || r.error.code === 'PROGRAM_ABORTED') patchRun(key, () => ({ status: 'cancelled' }));
  else patchRun(key, () => ({ status: 'error', error: r.error }));
  return useMonthsStore.getState().runs[key];
}

/** The person's cancel: abort at once, and stop the Worker if the run has not ended within 1.5 s. */
export function cancelRun(key: string): void {
  handles.get(key)?.cancel(1500);
}

/** Verifies every listed month in full, oldest first (one at a time, so the hosts are not flooded). */
export async function verifyAllMonths(settings: Settings): Promise<void> {
  const tl = useMonthsStore.getState().timeline;
  if (tl.status !== 'ok' || useMonthsStore.getState().verifyingAll) return;
  useMonthsStore.setState({ verifyingAll: true });
  try {
    for (const m of tl.months) {
      if (!useMonthsStore.getState().verifyingAll) break;
      await verifyMonth(settings, m.month, 'full');
    }
  } finally {
    useMonthsStore.setState({ verifyingAll: false });
  }
}

export function stopVerifyingAll(): void {
  useMonthsStore.setState({ verifyingAll: false });
  for (const [key, h] of handles) if (key.endsWith(':full')) h.cancel(1500);
}

/** The run that best describes a month's status: the latest finished full run, else the latest quick one. */
export function bestRun(runs: Record<string, MonthRun>, month: number): MonthRun | undefined {
  const full = runs[runKey(month, 'full')];
  if (full) return full;
  return Object.values(runs).filter((r) => r.month === month).sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** Every finished, verified full report, by month. */
export function verifiedReports(runs: Record<string, MonthRun>): AppMonthReport[] {
  return Object.values(runs)
    .filter((r) => r.depth === 'full' && r.report)
    .map((r) => r.report!)
    .sort((a, b) => a.month - b.month);
}

export function resetMonthsStore(): void {
  for (const h of handles.values()) h.cancel();
  handles.clear();
  useMonthsStore.setState(initial, true);
}
