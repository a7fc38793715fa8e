/**
 * The months store: the timeline (months the genesis defines up to the tip), every verification run in this page
 * (live step progress, then the report or the coded reason it could not run) and the queue of runs waiting for the
 * Worker. Runs go one at a time, a person's before background work (see run-queue.ts). Actions are plain functions.
 */
import { create } from 'zustand';
import type { Step } from '../../../core/check';
import type { Depth, Progress, ProgressStatus } from '../../../core/month/report';
import type { OutcomeError } from '../../../core/outcome';
import type { AppMonthReport, MonthsListing, VerifySettings } from '../../worker/api';
import { startMonthRun, verifier, type RunHandle } from '../../worker/client';
import { packsUrl, type Settings } from '../settings/settings';
import { enqueue, outranks, requeueFirst, shouldPreempt, type Priority, type QueuedRun } from './run-queue';

export interface StepState {
  status: ProgressStatus;
  /** performance.now() when the step started (for the live timer). */
  startedAt: number;
  ms?: number;
  /** Items done and in all, for a step that counts them (e.g. batch proofs). */
  done?: number;
  total?: number;
}

export interface MonthRun {
  key: string;
  month: number;
  depth: Depth;
  user?: string;
  status: 'running' | 'done' | 'error' | 'cancelled';
  /** performance.now() when the Worker started this run: its timer starts here, never while it waits. */
  startedAt: number;
  steps: Partial<Record<Step, StepState>>;
  report?: AppMonthReport;
  error?: OutcomeError;
}

export type Timeline =
  | { status: 'idle' }
  | { status: 'loading' }
  | ({ status: 'ok' } & MonthsListing)
  | { status: 'error'; error: OutcomeError };

interface MonthsState {
  timeline: Timeline;
  /** The latest run of each key (month, depth, user) that has started. */
  runs: Record<string, MonthRun>;
  /** Runs waiting for the Worker, in the order they will start. */
  queue: QueuedRun[];
  /** The run that holds the Worker now. */
  active?: string;
  /** True while "verify every month" has months queued or running. */
  verifyingAll: boolean;
}

const initial: MonthsState = { timeline: { status: 'idle' }, runs: {}, queue: [], verifyingAll: false };
export const useMonthsStore = create<MonthsState>(() => initial);

export function runKey(month: number, depth: Depth, user?: string): string {
  return depth === 'quick' && user !== undefined ? `${month}:quick:${user}` : `${month}:${depth}`;
}

export function verifySettings(s: Settings): VerifySettings {
  // The Worker's own address is not the page's: a relative packs address is resolved here.
  const packs = packsUrl(s.packs, globalThis.location?.href ?? 'http://page.invalid/');
  return { network: s.network as VerifySettings['network'], esplora: s.esplora, genesis: s.genesis, rps: s.rps, ...(packs ? { packs } : {}) };
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

/** A run asked for: what it needs to start, who waits for its end, and the run it replaces (kept while it waits). */
interface Job {
  entry: QueuedRun;
  settings: Settings;
  depth: Depth;
  user?: string;
  waiters: ((run: MonthRun | undefined) => void)[];
}

const jobs = new Map<string, Job>();
let active: { job: Job; handle: RunHandle; previous?: MonthRun; cancelled: boolean } | undefined;

function publishQueue(queue: QueuedRun[]): void {
  useMonthsStore.setState({
    queue, active: active?.job.entry.key,
    verifyingAll: queue.some((q) => q.batch) || (active?.job.entry.batch ?? false),
  });
}

function patchRun(key: string, patch: (run: MonthRun) => Partial<MonthRun>): void {
  useMonthsStore.setState((s) => {
    const run = s.runs[key];
    return run ? { runs: { ...s.runs, [key]: { ...run, ...patch(run) } } } : {};
  });
}

function onProgress(key: string, handle: RunHandle, p: Progress): void {
  if (active?.handle !== handle) return;
  patchRun(key, (run) => {
    const prev = run.steps[p.step];
    const now = performance.now();
    const startedAt = p.status === 'running' ? prev?.status === 'running' ? prev.startedAt : now : prev?.startedAt ?? now - p.ms;
    // Counts stay with the step once it ends (all of them done when it passed).
    const counts = p.total !== undefined ? { done: p.done ?? 0, total: p.total } : prev?.total !== undefined ? { done: p.status === 'done' ? prev.total : prev.done, total: prev.total } : {};
    const next: StepState = { status: p.status, startedAt, ...(p.status === 'running' ? {} : { ms: p.ms }), ...counts };
    return { steps: { ...run.steps, [p.step]: next } };
  });
}

function settle(job: Job): void {
  const run = useMonthsStore.getState().runs[job.entry.key];
  for (const w of job.waiters.splice(0)) w(run);
}

/** Starts the next queued run when the Worker is free; a person's run preempts a background one. */
function pump(): void {
  const queue = useMonthsStore.getState().queue;
  if (active && shouldPreempt(active.job.entry, queue)) {
    const { job, handle, previous } = active;
    active = undefined;
    handle.cancel();
    useMonthsStore.setState((s) => {
      const runs = { ...s.runs };
      if (previous) runs[job.entry.key] = previous;
      else delete runs[job.entry.key];
      return { runs };
    });
    jobs.set(job.entry.key, job);
    publishQueue(requeueFirst(queue, job.entry));
    return pump();
  }
  if (active || queue.length === 0) return;
  const [entry, ...rest] = queue;
  const job = jobs.get(entry!.key)!;
  jobs.delete(entry!.key);
  start(job, rest);
}

function start(job: Job, rest: QueuedRun[]): void {
  const { key, month } = job.entry;
  const previous = useMonthsStore.getState().runs[key];
  const run: MonthRun = { key, month, depth: job.depth, ...(job.user !== undefined ? { user: job.user } : {}), status: 'running', startedAt: performance.now(), steps: {} };
  useMonthsStore.setState((s) => ({ runs: { ...s.runs, [key]: run } }));
  // Progress arrives asynchronously, after `handle` is set.
  const handle: RunHandle = startMonthRun(verifySettings(job.settings), { month, depth: job.depth, ...(job.user !== undefined ? { user: job.user } : {}) }, (p) => onProgress(key, handle, p));
  active = { job, handle, ...(previous ? { previous } : {}), cancelled: false };
  publishQueue(rest);
  const mine = active;
  void handle.result.then((r) => {
    // A preempted run was put back in the queue: its end is not this run's end.
    if (active !== mine) return;
    active = undefined;
    if (r.ok) patchRun(key, () => ({ status: 'done', report: r.value }));
    else if (mine.cancelled || r.error.code === 'FETCH_ABORTED' || r.error.code === 'PROGRAM_ABORTED') patchRun(key, () => ({ status: 'cancelled' }));
    else patchRun(key, () => ({ status: 'error', error: r.error }));
    publishQueue(useMonthsStore.getState().queue);
    settle(job);
    pump();
  });
}

export interface RunRequest {
  /** A person's request runs first and preempts the rest (default); a page's background work comes before other background work. */
  priority?: Priority;
  /** Part of "verify every month". */
  batch?: boolean;
}

/**
 * Asks for a month's verification; resolves when that run ends (report, coded error, or cancelled). A run already
 * under way for the same month, depth and user is joined, not restarted; a queued one is promoted for a person.
 */
export function verifyMonth(settings: Settings, month: number, depth: Depth, user?: string, req: RunRequest = {}): Promise<MonthRun | undefined> {
  const key = runKey(month, depth, user);
  const entry: QueuedRun = { key, month, priority: req.priority ?? 'person', batch: req.batch ?? false };
  return new Promise((resolve) => {
    if (active?.job.entry.key === key) {
      if (outranks(entry.priority, active.job.entry.priority)) active.job.entry = { ...active.job.entry, priority: entry.priority, batch: active.job.entry.batch && entry.batch };
      active.job.waiters.push(resolve);
      publishQueue(useMonthsStore.getState().queue);
      return;
    }
    const job = jobs.get(key) ?? { entry, settings, depth, ...(user !== undefined ? { user } : {}), waiters: [] };
    job.waiters.push(resolve);
    jobs.set(key, job);
    const queue = enqueue(useMonthsStore.getState().queue, entry);
    job.entry = queue.find((q) => q.key === key)!;
    publishQueue(queue);
    pump();
  });
}

/** The person's cancel: a queued run is dropped; a running one aborts, and the Worker stops if it has not within 1.5 s. */
export function cancelRun(key: string): void {
  if (active?.job.entry.key === key) {
    active.cancelled = true;
    active.handle.cancel(1500);
    return;
  }
  const job = jobs.get(key);
  if (!job) return;
  jobs.delete(key);
  publishQueue(useMonthsStore.getState().queue.filter((q) => q.key !== key));
  settle(job);
}

/** Drops queued runs that are a page's background work for another purpose (e.g. an earlier depositor's history). */
export function dropQueued(which: (q: QueuedRun) => boolean): void {
  for (const q of useMonthsStore.getState().queue.filter((x) => x.priority !== 'person' && which(x))) cancelRun(q.key);
}

/** Verifies every listed month in full, oldest first, behind anything a person asks for. */
export function verifyAllMonths(settings: Settings): Promise<unknown> {
  const tl = useMonthsStore.getState().timeline;
  if (tl.status !== 'ok' || useMonthsStore.getState().verifyingAll) return Promise.resolve();
  return Promise.all(tl.months.map((m) => verifyMonth(settings, m.month, 'full', undefined, { priority: 'background', batch: true })));
}

export function stopVerifyingAll(): void {
  for (const q of useMonthsStore.getState().queue.filter((x) => x.batch)) cancelRun(q.key);
  if (active?.job.entry.batch) cancelRun(active.job.entry.key);
}

/** Where a run waits: its place in the queue (1 = next), or undefined when it is not queued. */
export function queuePlace(state: Pick<MonthsState, 'queue'>, key: string): number | undefined {
  const i = state.queue.findIndex((q) => q.key === key);
  return i < 0 ? undefined : i + 1;
}

/** The run that best describes a month's status: the full run, else the latest quick one. */
export function bestRun(runs: Record<string, MonthRun>, month: number): MonthRun | undefined {
  const full = runs[runKey(month, 'full')];
  if (full) return full;
  return Object.values(runs).filter((r) => r.month === month).sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** Every finished full report, by month. */
export function verifiedReports(runs: Record<string, MonthRun>): AppMonthReport[] {
  return Object.values(runs)
    .filter((r) => r.depth === 'full' && r.report)
    .map((r) => r.report!)
    .sort((a, b) => a.month - b.month);
}

export function resetMonthsStore(): void {
  const running = active;
  active = undefined;
  running?.handle.cancel();
  const waiting = [...jobs.values()];
  jobs.clear();
  useMonthsStore.setState(initial, true);
  for (const job of running ? [running.job, ...waiting] : waiting) for (const w of job.waiters.splice(0)) w(undefined);
}
