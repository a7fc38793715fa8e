/** The month report: a plain JSON value (checks, verdict, timings, ranking, the depositor's allocation) and its verdict rule. */
import type { Check, Step } from '../check';
import { isUnavailableCode } from '../codes';
import type { HostLie } from '../esplora/host-book';
import type { MonthRanking } from './ranking';

export type Depth = 'quick' | 'full';

/**
 * Four verdicts, never conflated (docs/protocol.md §14.3): `verified` every required check passed; `rejected` chain
 * data the hosts agree on proves a rule broken; `pending` the month is not finished; `unavailable` the data could not
 * be obtained or trusted (hosts down, slow, hiding, lying or disagreeing; the deadline passed) — no accusation.
 */
export type Verdict = 'verified' | 'rejected' | 'pending' | 'unavailable';

/** What the month's verification learned of its hosts. */
export interface HostsSummary {
  /** Requests that were retries of failed attempts (rate limits, resets, timeouts…), during this month. */
  retries: number;
  /** 429 and 503 answers during this month. */
  rateLimited: number;
  /** Hosts caught lying (so far in this run), with the first lie of each; they were asked nothing more. */
  liars: HostLie[];
}

export const REPORT_VERSION = 1;

/** What `quick` mode shows a depositor: their row, allocation and the path from their leaf to the month root. */
export interface AllocationEvidence {
  user: string;
  row: number;
  allocation: string;
  batchIndex: number;
  /** Decimal field elements, leaves first (see commit/inclusion-path). */
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
  /** Why the month is unavailable (or absent when it is not). */
  unavailableReason?: string;
  checks: Check[];
  /** Milliseconds per step. */
  timings: Partial<Record<Step, number>>;
  ranking: MonthRanking | null;
  allocation?: AllocationEvidence;
  /** SHA-256 of every object the verdict rests on, by role (program, tables, keys, messages). */
  inputsHashes: Record<string, string>;
  /** Esplora requests made for this month (cache hits not counted). */
  requests: number;
  /** Retries and hosts caught lying (absent when the client keeps no such record). */
  hosts?: HostsSummary;
}

/**
 * A check failing for want of data (a FETCH_/CHAIN_ code, a deadline, a step not checked for it): unavailable; else a
 * failed check: rejected; pending only when nothing failed and the month is unfinished; verified otherwise.
 */
export function verdictOf(checks: readonly Check[], pending: boolean): Verdict {
  const failed = checks.filter((c) => !c.ok);
  if (failed.some((c) => isUnavailableCode(c.code))) return 'unavailable';
  if (failed.length > 0) return 'rejected';
  return pending ? 'pending' : 'verified';
}

export type ProgressStatus = 'running' | 'done' | 'failed' | 'skipped';
export interface Progress {
  step: Step;
  status: ProgressStatus;
  ms: number;
}
