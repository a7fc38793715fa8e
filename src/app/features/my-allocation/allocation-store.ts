/**
 * The "my allocation" store: the depositor's user id (kept in the URL fragment only), the quick verification of the
 * chosen month with the path drawn as steps, and the allocation found in each month (for the history chart).
 */
import { create } from 'zustand';
import type { OutcomeError } from '../../../core/outcome';
import type { PathSteps } from '../../workers/path-steps';
import { verifier } from '../../lib/verifier-client';
import type { Settings } from '../settings/settings';
import { useMonthsStore, verifyMonth } from '../months/months-store';

export interface HistoryPoint {
  month: number;
  /** Dreybits as a decimal string; null when the user is not in that month's table or it has no final. */
  allocation: string | null;
  verdict: string;
}

interface AllocationState {
  user: string;
  month?: number;
  steps?: PathSteps;
  stepsError?: OutcomeError;
  history: HistoryPoint[];
  historyRunning: boolean;
}

const initial: AllocationState = { user: '', history: [], historyRunning: false };
export const useAllocationStore = create<AllocationState>(() => initial);

/** The latest month that can have a final: the timeline's months minus a pending tip are tried newest first. */
export function defaultMonth(): number | undefined {
  const tl = useMonthsStore.getState().timeline;
  return tl.status === 'ok' ? tl.months[tl.months.length - 1]?.month : undefined;
}

/** Quick-verifies `month` for `user` and draws the path; then fills the history month by month (quick runs). */
export async function checkAllocation(settings: Settings, user: string, month: number): Promise<void> {
  useAllocationStore.setState({ ...initial, user, month }, true);
  const run = await verifyMonth(settings, month, 'quick', user);
  const a = run?.report?.allocation;
  if (a && useAllocationStore.getState().user === user) {
    const steps = await verifier().pathSteps(month, user, a.allocation, a.path);
    useAllocationStore.setState(steps.ok ? { steps: steps.value } : { stepsError: steps.error });
  }
  await fillHistory(settings, user);
}

async function fillHistory(settings: Settings, user: string): Promise<void> {
  const tl = useMonthsStore.getState().timeline;
  if (tl.status !== 'ok') return;
  useAllocationStore.setState({ historyRunning: true });
  try {
    for (const m of tl.months) {
      if (useAllocationStore.getState().user !== user) return;
      const existing = useMonthsStore.getState().runs[`${m.month}:quick:${user}`];
      const run = existing?.status === 'done' ? existing : await verifyMonth(settings, m.month, 'quick', user);
      const point: HistoryPoint = { month: m.month, allocation: run?.report?.allocation?.allocation ?? null, verdict: run?.report?.verdict ?? 'error' };
      useAllocationStore.setState((s) => ({ history: [...s.history.filter((h) => h.month !== m.month), point].sort((x, y) => x.month - y.month) }));
    }
  } finally {
    useAllocationStore.setState({ historyRunning: false });
  }
}

export function resetAllocationStore(): void {
  useAllocationStore.setState(initial, true);
}
