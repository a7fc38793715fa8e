/**
 * The "my allocation" store: the depositor's user id (kept in the URL fragment only), the month shown (asked for, or
 * the latest finished one), its quick verification with the path drawn as steps, and the depositor's answer in each
 * month (for the history). Whether a month verifies and whether an id is in its table are separate answers.
 */
import { create } from 'zustand';
import type { OutcomeError } from '../../../core/outcome';
import type { AppMonthReport, PathSteps } from '../../worker/api';
import { verifier } from '../../worker/client';
import type { Settings } from '../settings/settings';
import { dropQueued, useMonthsStore, verifyMonth, type MonthRun } from '../months/months-store';
import { latestFinished } from '../months/latest-month';

/** The depositor's answer in one month. */
export type Answer = 'in-table' | 'not-in-table' | 'pending' | 'rejected' | 'error';

export interface HistoryPoint {
  month: number;
  /** Dreybits as a decimal string; null when the id is not in that month's table or it has no verified final. */
  allocation: string | null;
  answer: Answer;
}

interface AllocationState {
  user: string;
  /** The month shown (while resolving the default: the month being tried). */
  month?: number;
  /** True while looking for the latest finished month (a newer month may turn out to be in progress). */
  resolving: boolean;
  steps?: PathSteps;
  stepsError?: OutcomeError;
  history: HistoryPoint[];
  historyRunning: boolean;
}

const initial: AllocationState = { user: '', resolving: false, history: [], historyRunning: false };
export const useAllocationStore = create<AllocationState>(() => initial);

/** What a finished quick run says about the depositor (undefined while it runs). */
export function answerOf(run: MonthRun | undefined): Answer | undefined {
  if (!run || run.status === 'running') return undefined;
  const r: AppMonthReport | undefined = run.report;
  if (!r) return 'error';
  if (r.verdict === 'pending') return 'pending';
  if (r.verdict === 'rejected') return 'rejected';
  if (r.notInTable) return 'not-in-table';
  return r.allocation ? 'in-table' : r.verdict === 'verified' ? 'not-in-table' : 'error';
}

let generation = 0;

/**
 * Quick-verifies the depositor in `month`, or (none asked) in the latest finished month: newer months whose state is
 * unknown are tried first and skipped when they turn out to be in progress. Then draws the path, then fills the
 * history month by month in the background.
 */
export async function checkAllocation(settings: Settings, user: string, asked?: number): Promise<void> {
  const mine = ++generation;
  const stale = () => generation !== mine;
  // An earlier depositor's history no longer needs filling.
  dropQueued((q) => q.key.includes(':quick:') && !q.key.endsWith(`:quick:${user}`));
  useAllocationStore.setState({ ...initial, user, ...(asked !== undefined ? { month: asked } : { resolving: true }) }, true);
  let month = asked;
  let run: MonthRun | undefined;
  if (month === undefined) {
    const { timeline, runs } = useMonthsStore.getState();
    const { month: known, tryFirst } = latestFinished(timeline, runs);
    for (const m of tryFirst) {
      useAllocationStore.setState({ month: m });
      const r = await verifyMonth(settings, m, 'quick', user);
      if (stale()) return;
      if (r?.report && r.report.verdict !== 'pending') {
        month = m;
        run = r;
        break;
      }
    }
    month ??= known ?? tryFirst.at(-1);
    useAllocationStore.setState({ month, resolving: false });
    if (month === undefined) return;
  }
  run ??= await verifyMonth(settings, month, 'quick', user);
  if (stale()) return;
  const a = run?.report?.allocation;
  if (a) {
    const steps = await verifier().pathSteps(month, user, a.allocation, a.path);
    if (stale()) return;
    useAllocationStore.setState(steps.ok ? { steps: steps.value } : { stepsError: steps.error });
  }
  await fillHistory(settings, user, stale);
}

async function fillHistory(settings: Settings, user: string, stale: () => boolean): Promise<void> {
  const tl = useMonthsStore.getState().timeline;
  if (tl.status !== 'ok') return;
  useAllocationStore.setState({ historyRunning: true });
  try {
    for (const m of tl.months) {
      const existing = useMonthsStore.getState().runs[`${m.month}:quick:${user}`];
      const run = existing && existing.status !== 'running' ? existing : await verifyMonth(settings, m.month, 'quick', user, { priority: 'page' });
      if (stale()) return;
      const point: HistoryPoint = { month: m.month, allocation: run?.report?.allocation?.allocation ?? null, answer: answerOf(run) ?? 'error' };
      useAllocationStore.setState((s) => ({ history: [...s.history.filter((h) => h.month !== m.month), point].sort((x, y) => x.month - y.month) }));
    }
  } finally {
    if (!stale()) useAllocationStore.setState({ historyRunning: false });
  }
}

export function resetAllocationStore(): void {
  generation++;
  useAllocationStore.setState(initial, true);
}
