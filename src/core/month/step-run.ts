/**
 * The pipeline's bookkeeping around its steps: abort between steps, progress (running, then done, failed or skipped
 * by the step's checks so far), milliseconds per step, every check in order, and the first reason a month is pending.
 * Once data is found unavailable (a step's check fails with a FETCH_/CHAIN_ code, or the deadline passes), the steps
 * after it are not run: each says "not checked: data unavailable", so no protocol code follows a fetch failure.
 */
import { failed, type Check, type Step } from '../check';
import { isUnavailableCode } from '../codes';
import { isVerifyError, VerifyError } from '../errors';
import type { MonthReport, Progress } from './report';
import type { StepResult } from './step-result';

export interface StepRunOptions {
  onProgress?: (p: Progress) => void;
  /** Ends the run: a cancel (FETCH_ABORTED) throws; a deadline (FETCH_DEADLINE) makes the rest unavailable. */
  signal?: AbortSignal;
}

/** The check a step gets when it was not run because data it depends on is unavailable. */
export function notChecked(step: Step, reason: string): Check {
  return failed(step, new VerifyError('PIPELINE_NOT_CHECKED', `not checked: data unavailable (${reason})`, { reason }));
}

export class StepRun {
  readonly checks: Check[] = [];
  readonly timings: MonthReport['timings'] = {};
  /** Why the month is pending: the first step that found it unfinished. */
  pendingReason: string | undefined;
  /** Why the month is unavailable: the first check that failed for want of data, or the deadline. */
  unavailableReason: string | undefined;
  /** The checks each step (all its parts) returned. */
  private readonly returned = new Map<Step, Check[]>();

  constructor(private readonly opts: StepRunOptions = {}) {}

  /** Run one step (or one part of a step: a step may run in several parts, its status then covers them all). */
  async step<T>(name: Step, fn: () => StepResult<T> | undefined | Promise<StepResult<T> | undefined>): Promise<T | undefined> {
    this.deadlineCheck(name);
    if (this.unavailableReason !== undefined) return this.notRun(name);
    this.opts.onProgress?.({ step: name, status: 'running', ms: 0 });
    const t0 = performance.now();
    let result: StepResult<T> | undefined;
    try {
      result = await fn();
    } catch (e) {
      // A step (the fetch step) that could not obtain its data: a failed check of that step, the rest not checked.
      if (!isVerifyError(e) || !isUnavailableCode(e.code) || e.code === 'FETCH_ABORTED') throw e;
      result = { checks: [failed(name, e)] };
    }
    // What a step found while the deadline passed under it (an aborted program, say) is no finding.
    if (this.opts.signal?.aborted) result = { checks: [] };
    const ms = (this.timings[name] = (this.timings[name] ?? 0) + performance.now() - t0);
    const own = [...(this.returned.get(name) ?? []), ...(result?.checks ?? [])];
    this.returned.set(name, own);
    this.checks.push(...(result?.checks ?? []));
    if (result?.pending !== undefined) this.pendingReason ??= result.pending;
    const missing = result?.checks.find((c) => !c.ok && isUnavailableCode(c.code));
    if (missing) this.unavailableReason ??= `${missing.code}: ${missing.message}`;
    this.opts.onProgress?.({ step: name, status: own.length === 0 ? 'skipped' : own.every((c) => c.ok) ? 'done' : 'failed', ms });
    this.deadlineCheck(name);
    return this.unavailableReason === undefined ? result?.value : undefined;
  }

  /** A running step's item counts (e.g. batch proofs verified so far, of how many). */
  count(name: Step, done: number, total: number): void {
    this.opts.onProgress?.({ step: name, status: 'running', ms: 0, done, total });
  }

  /** Steps that cannot run: each reported as skipped. Returns nothing they could have established. */
  async skip(names: readonly Step[]): Promise<Record<string, never>> {
    for (const name of names) await this.step(name, () => undefined);
    return {};
  }

  /** A cancel throws; a passed deadline is recorded once, on the step it ended. */
  private deadlineCheck(name: Step): void {
    const signal = this.opts.signal;
    if (!signal?.aborted || this.unavailableReason !== undefined) return;
    const reason: unknown = signal.reason;
    if (!isVerifyError(reason) || reason.code !== 'FETCH_DEADLINE') signal.throwIfAborted();
    const e = reason as VerifyError;
    this.checks.push(failed(name, e));
    this.returned.set(name, [...(this.returned.get(name) ?? []), this.checks.at(-1)!]);
    this.unavailableReason = `${e.code}: ${e.message}`;
  }

  /** A step after data went missing: one "not checked" per step, however many parts it has. */
  private notRun(name: Step): undefined {
    if (!this.returned.has(name)) {
      const check = notChecked(name, this.unavailableReason!);
      this.returned.set(name, [check]);
      this.checks.push(check);
      this.opts.onProgress?.({ step: name, status: 'skipped', ms: 0 });
    }
    return undefined;
  }
}
