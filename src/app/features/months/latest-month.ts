/**
 * Which month a page opens on when the address names none: the latest one that is finished. A month whose end height
 * is below the tip is finished (it has its final, or it failed); a later one is finished once a verification found
 * its final (a pending verdict says it is still in progress). The month at the tip is usually still in progress.
 */
import type { MonthListing } from '../../worker/api';
import type { MonthRun, Timeline } from './months-store';

export type MonthState = 'finished' | 'in-progress' | 'unknown';

/** What the listing and the runs so far say about a month. */
export function monthState(m: MonthListing, tipHeight: number, runs: readonly MonthRun[]): MonthState {
  if (m.endHeight !== undefined && m.endHeight < tipHeight) return 'finished';
  const reports = runs.filter((r) => r.month === m.month && r.report).map((r) => r.report!);
  if (reports.some((r) => r.verdict !== 'pending')) return 'finished';
  return reports.length > 0 ? 'in-progress' : 'unknown';
}

/**
 * The latest month known to be finished; `unknown` months newer than it are returned as candidates to try first
 * (newest first), so a caller can verify them and fall back when they turn out to be in progress.
 */
export function latestFinished(timeline: Timeline, runs: Record<string, MonthRun>): { month?: number; tryFirst: number[] } {
  if (timeline.status !== 'ok') return { tryFirst: [] };
  const all = Object.values(runs);
  const tryFirst: number[] = [];
  for (let i = timeline.months.length - 1; i >= 0; i--) {
    const m = timeline.months[i]!;
    const state = monthState(m, timeline.tipHeight, all);
    if (state === 'finished') return { month: m.month, tryFirst };
    if (state === 'unknown') tryFirst.push(m.month);
  }
  return { tryFirst };
}

/** The month to open: the latest month known finished, else the newest month not known to be in progress. */
export function defaultMonth(timeline: Timeline, runs: Record<string, MonthRun>): number | undefined {
  const { month, tryFirst } = latestFinished(timeline, runs);
  return month ?? tryFirst[0] ?? (timeline.status === 'ok' ? timeline.months.at(-1)?.month : undefined);
}
