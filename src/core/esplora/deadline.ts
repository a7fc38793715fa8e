/**
 * A verification's overall deadline: an AbortSignal that aborts with FETCH_DEADLINE once the time is up (or with the
 * caller's own reason when the caller cancels first). Every request, wait and retry of the client ends with it, so a
 * slow, stalling or endlessly refusing host makes a month "unavailable" in bounded time instead of hanging it.
 */
import { VerifyError } from '../errors';

/** Five minutes: a cold full month over a rate-limited public host fits, a stalled one does not hang a user. */
export const DEFAULT_DEADLINE_MS = 5 * 60_000;

/** setTimeout's ceiling (about 24.8 days). */
export const MAX_DEADLINE_MS = 2 ** 31 - 1;

export interface Deadline {
  signal: AbortSignal;
  ms: number;
  /** Stop the timer and forget the parent (call when the work finished first). */
  dispose: () => void;
}

export function deadlineError(ms: number): VerifyError {
  return new VerifyError('FETCH_DEADLINE', `no verdict within ${ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`}: the hosts did not deliver the data in time`, { deadlineMs: ms });
}

export function isDeadlineError(e: unknown): e is VerifyError {
  return e instanceof VerifyError && e.code === 'FETCH_DEADLINE';
}

export function createDeadline(ms: number, parent?: AbortSignal): Deadline {
  if (!Number.isSafeInteger(ms) || ms < 1 || ms > MAX_DEADLINE_MS) throw new RangeError(`deadline must be an integer number of milliseconds in 1…${MAX_DEADLINE_MS}`);
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(deadlineError(ms)), ms);
  // In Node, a pending deadline alone must not keep the process alive.
  (timer as { unref?: () => void }).unref?.();
  const onParent = () => ctl.abort(parent!.reason);
  const dispose = () => {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParent);
  };
  ctl.signal.addEventListener('abort', dispose, { once: true });
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  return { signal: ctl.signal, ms, dispose };
}
