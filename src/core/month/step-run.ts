/**
 * The pipeline's bookkeeping around its steps: abort between steps, progress (running, then done, failed or skipped
 * by the step's checks so far), milliseconds per step, every check in order, and the first reason a month is pending.
 */
import type { Check, Step } from '../check';
import type { MonthReport, Progress } from './report';
import type { StepResult } from './step-result';

export interface StepRunOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export class StepRun {
  readonly checks: Check[] = [];
  readonly timings: MonthReport['timings'] = {};
  /** Why the month is pending: the first step that found it unfinished. */
  pendingReason: string | undefined;
  /** The checks each step (all its parts) returned. */
  private readonly returned = new Map<Step, Check[]>();

  constructor(private readonly opts: StepRunOptions = {}) {}

  /** Run one step (or one part of a step: a step may run in several parts, its status then covers them all). */
  async step<T>(name: Step, fn: () => StepResult<T> | undefined | Promise<StepResult<T> | undefined>): Promise<T | undefined> {
    this.opts.signal?.throwIfAborted();
    this.opts.onProgress?.({ step: name, status: 'running', ms: 0 });
    const t0 = performance.now();
    const result = await fn();
    const ms = (this.timings[name] = (this.timings[name] ?? 0) + performance.now() - t0);
    const own = [...(this.returned.get(name) ?? []), ...(result?.checks ?? [])];
    this.returned.set(name, own);
    this.checks.push(...(result?.checks ?? []));
    if (result?.pending !== undefined) this.pendingReason ??= result.pending;
    this.opts.onProgress?.({ step: name, status: own.length === 0 ? 'skipped' : own.every((c) => c.ok) ? 'done' : 'failed', ms });
    return result?.value;
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
}
