/** Test helper: the code a call fails with ('ok' when it returns); anything but a VerifyError is rethrown. */
import { VerifyError } from './errors';

export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof VerifyError) return e.code;
    throw e;
  }
}

/**
 * Test helper: the VerifyError a call fails with; fails the test when the call returns, rethrows anything else, and
 * requires the message a person reads to be there.
 */
export function errorOf(fn: () => unknown): VerifyError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    if (e.message.trim() === '') throw new Error(`${e.code} was thrown without a message`, { cause: e });
    return e;
  }
  throw new Error('expected a VerifyError, the call returned');
}

/** Test helper: what a refusal reports — the code, evidence and message of the VerifyError a call fails with. */
export function refusalOf(fn: () => unknown): { code: string; evidence: Record<string, unknown>; message: string } {
  const e = errorOf(fn);
  return { code: e.code, evidence: e.evidence, message: e.message };
}
