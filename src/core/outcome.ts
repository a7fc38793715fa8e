/** A value or a coded error, as a plain object: what crosses a Worker boundary (comlink keeps no error classes). */
import type { InternalCode } from './codes';
import { VerifyError, type Evidence, type VerifyCode } from './errors';

export interface OutcomeError {
  /** A VerifyError's code, or one of the verifier's own failures (codes.ts INTERNAL_CODES). */
  code: VerifyCode | InternalCode;
  message: string;
  evidence: Evidence;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: OutcomeError };

/** Runs fn; a VerifyError becomes a coded failure, any other error a failure coded INTERNAL_ERROR (a bug to report). */
export async function outcomeOf<T>(fn: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof VerifyError) return { ok: false, error: e.toJSON() };
    const err = e instanceof Error ? e : new Error(String(e));
    if (err.name === 'AbortError') return { ok: false, error: { code: 'FETCH_ABORTED', message: 'cancelled', evidence: {} } };
    return { ok: false, error: { code: 'INTERNAL_ERROR', message: `${err.name}: ${err.message}`, evidence: { stack: err.stack ?? '' } } };
  }
}
