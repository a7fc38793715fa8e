import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { createDeadline, isDeadlineError } from './deadline';

const aborted = (s: AbortSignal) => new Promise<unknown>((ok) => (s.aborted ? ok(s.reason) : s.addEventListener('abort', () => ok(s.reason))));

describe('a month deadline', () => {
  it('aborts with FETCH_DEADLINE once the time is up', async () => {
    const d = createDeadline(5);
    const reason = await aborted(d.signal);
    expect(isDeadlineError(reason)).toBe(true);
    expect(reason).toMatchObject({ code: 'FETCH_DEADLINE', evidence: { deadlineMs: 5 } });
  });
  it('a caller cancelling first passes its own reason on', async () => {
    const parent = new AbortController();
    const d = createDeadline(60_000, parent.signal);
    parent.abort(new VerifyError('FETCH_ABORTED', 'cancelled'));
    expect(await aborted(d.signal)).toMatchObject({ code: 'FETCH_ABORTED' });
  });
  it('an already aborted parent aborts it at once', () => {
    const parent = new AbortController();
    parent.abort('stop');
    expect(createDeadline(60_000, parent.signal).signal.aborted).toBe(true);
  });
  it('dispose stops the timer', async () => {
    const d = createDeadline(5);
    d.dispose();
    await new Promise((r) => setTimeout(r, 20));
    expect(d.signal.aborted).toBe(false);
  });
  it.each([0, -1, 1.5, Number.NaN, 2 ** 31])('a deadline of %s ms is a RangeError', (ms) => {
    expect(() => createDeadline(ms)).toThrow(RangeError);
  });
});
