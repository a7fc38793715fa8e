/** The month report: a plain JSON value (checks, verdict, timings, ranking, the depositor's allocation) and its verdict rule. */
import type { Check, Step } from '../check';
import type { MonthRanking } from './ranking';

export type Depth = 'quick' | 'full';
export type Verdict = 'verified' | 'rejected' | 'pending';

export const REPORT_VERSION = 1;

/** What `quick` mode shows a depositor: their row, allocation and the path from their leaf to the month root. */
export interface AllocationEvidence {
  user: string;
  row: number;
  allocation: string;
  batchIndex: number;
  /** The depositor's batch rows and month-tree siblings as decimal field elements (commit/allocation-path's JSON form). */
  path: Record<string, unknown>;
}

export interface MonthReport {
  version: number;
  network: string;
  genesis: string;
  month: number;
  depth: Depth;
  verdict: Verdict;
  /** Why the month is pending (or absent when it is not). */
  pendingReason?: string;
  checks: Check[];
  /** Milliseconds per step. */
  timings: Partial<Record<Step, number>>;
  ranking: MonthRanking | null;
  allocation?: AllocationEvidence;
  /** SHA-256 of every object the verdict rests on, by role (program, tables, keys, messages). */
  inputsHashes: Record<string, string>;
  /** Esplora requests made for this month (cache hits not counted). */
  requests: number;
}

/** Every check passed: verified; a failed check: rejected; pending only when nothing failed and the month is unfinished. */
export function verdictOf(checks: readonly Check[], pending: boolean): Verdict {
  if (checks.some((c) => !c.ok)) return 'rejected';
  return pending ? 'pending' : 'verified';
}

export type ProgressStatus = 'running' | 'done' | 'failed' | 'skipped';
export interface Progress {
  step: Step;
  status: ProgressStatus;
  ms: number;
  /** While a step that counts items runs: how many are done, and how many in all (e.g. batch proofs). */
  done?: number;
  total?: number;
}
