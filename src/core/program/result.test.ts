import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { outputFromResult } from './result';

describe('when a program run failed', () => {
  it('its coded failure becomes a VerifyError with the same code and evidence', () => {
    const run = () => outputFromResult({ ok: false, error: { code: 'PROGRAM_TIMEOUT', message: 'slow', evidence: { timeoutMs: 5 } } });
    expect(run).toThrow(VerifyError);
    try {
      run();
    } catch (e) {
      expect((e as VerifyError).code).toBe('PROGRAM_TIMEOUT');
      expect((e as VerifyError).evidence).toEqual({ timeoutMs: 5 });
    }
  });
});
