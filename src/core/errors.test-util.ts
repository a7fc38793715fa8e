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
