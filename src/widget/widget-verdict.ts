/** What a badge shows: the verdict of one verification, and which failures say nothing about the data. */
import { isUnavailableCode } from '../core/codes';
import type { PackReport } from '../core/esplora/pack';

export type VerdictStatus = 'verified' | 'rejected' | 'pending' | 'unavailable' | 'not-in-table';

export interface WidgetVerdict {
  /**
   * verified / rejected (a check failed) / pending (the month is not finished) / unavailable (could not be checked) /
   * not-in-table (quick check: the month's checks passed, and the user id is not among its rows).
   */
  status: VerdictStatus;
  /** What was verified, e.g. "Month 3" or "Chain tip #1234". */
  subject: string;
  /** The month the verdict is about, when it is about one. */
  month: number | null;
  /** `OK`, or the code of the check that failed. */
  code: string;
  /** What went wrong, in plain words ('' when nothing did). */
  explanation: string;
  /** The technical detail (the failed check's message). */
  message: string;
  /** Quick mode: the depositor's allocation in Dreybits (a decimal string), when their row verified. */
  allocation?: string;
  /** Wall-clock time of the verification in the browser. */
  ms: number;
  /** Whether the month's pack saved requests (when packs are published); never part of the verdict. */
  pack?: PackReport;
}

/** Failures that say nothing about the month: the hosts could not give or agree on the data, cancelled, or a bug. */
export function isUnavailable(code: string): boolean {
  return isUnavailableCode(code) || code === 'INTERNAL_ERROR';
}
