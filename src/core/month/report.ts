/** The month report: a plain JSON value (checks, verdict, timings, ranking, the depositor's allocation) and its verdict rule. */
import type { Check, Step } from '../check';
import { isUnavailableCode } from '../codes';
import type { HostLie } from '../esplora/host-book';
import type { PackReport } from '../esplora/pack';
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

/**
 * A depositor's inputs and the formula's terms for their row (docs/allocation-formula.md), as the verifier read and
 * recomputed them: amounts in Dreybits and rates in parts per billion, as decimal strings where they may pass 2^53.
 */
export interface DepositorInputs {
  /** Last month's allocation (0 for a row new this month). */
  previous: string;
  /** The row is new this month (no previous allocation). */
  isNew: boolean;
  alive: boolean;
  deposit: string;
  /** The monthly mortality rate used, parts per billion. */
  q: number;
  /** Whole years at the month's reference date (null for the reserve row). */
  age: number | null;
  /** 0 female, 1 male. */
  sex: number;
  geography: number;
  /** ⌊previous · q / (Q − q)⌋ when alive, else 0. */
  weight: string;
  /** ⌊F · weight / W⌋: the row's share of the month's forfeitures. */
  share: string;
  /** The month's forfeitures, total weight and rounding remainder. */
  F: string;
  W: string;
  R: string;
  /** Row 0, the reserve, which also receives R. */
  reserve: boolean;
}

/** What `quick` mode shows a depositor: their row, allocation, inputs and the path from their leaf to the month root. */
export interface AllocationEvidence {
  user: string;
  row: number;
  allocation: string;
  batchIndex: number;
  /** The depositor's batch rows and month-tree siblings as decimal field elements (commit/allocation-path's JSON form). */
  path: Record<string, unknown>;
  /** The depositor's inputs and terms of the formula (absent when the month's inputs could not be read). */
  inputs?: DepositorInputs;
}

/** Quick mode, when the user id is not among the month's rows: a fact about the id, never a finding about the month. */
export interface NotInTable {
  user: string;
  /** Rows of the final's table that was searched. */
  rows: number;
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
  notInTable?: NotInTable;
  /** SHA-256 of every object the verdict rests on, by role (program, tables, keys, messages). */
  inputsHashes: Record<string, string>;
  /** Esplora requests made for this month (cache hits not counted). */
  requests: number;
  /** Retries and hosts caught lying (absent when the client keeps no such record). */
  hosts?: HostsSummary;
  /** The month pack the check looked for (docs/protocol.md §2.4.2; absent when none is configured). */
  pack?: PackReport;
}


/**
 * The first step with a failed check decides: a check of it failing for want of data (a FETCH_/CHAIN_ code, a
 * deadline, a step not checked for it: docs/protocol.md §14.4) makes the month unavailable — what the step found
 * besides may rest on the missing data, and the steps after it are not run — else a rule it found broken (§14.2)
 * rejects it; pending only when nothing failed and the month is unfinished; verified otherwise.
 */
export function verdictOf(checks: readonly Check[], pending: boolean): Verdict {
  const first = checks.find((c) => !c.ok);
  if (!first) return pending ? 'pending' : 'verified';
  return checks.some((c) => !c.ok && c.step === first.step && isUnavailableCode(c.code)) ? 'unavailable' : 'rejected';
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
