import { describe, expect, it } from 'vitest';
import { failed, passed } from '../check';
import { VerifyError } from '../errors';
import type { Progress } from './report';
import { StepRun } from './step-run';

describe('a step that counts its items', () => {
  it('reports running with the counts between its start and its end', async () => {
    const seen: Progress[] = [];
    const run = new StepRun({ onProgress: (p) => seen.push(p) });
    await run.step('proofs', () => {
      run.count('proofs', 64, 130);
      return { checks: [passed('proofs', 'ok')] };
    });
    expect(seen.map((p) => [p.status, p.done, p.total])).toEqual([['running', undefined, undefined], ['running', 64, 130], ['done', undefined, undefined]]);
  });
});

describe('steps run in order', () => {
  it('keep every check, the time per step, the first pending reason, and each step\'s status', async () => {
    const seen: Progress[] = [];
    const run = new StepRun({ onProgress: (p) => seen.push(p) });
    expect(await run.step('headers', () => ({ checks: [passed('headers', 'a')], value: 1 }))).toBe(1);
    await run.step('signatures', () => ({ checks: [failed('signatures', new VerifyError('MESSAGE_COPY', 'x'))], pending: 'first' }));
    await run.step('lottery', () => ({ checks: [], pending: 'second' }));
    await run.step('lottery', async () => ({ checks: [passed('lottery', 'b')] }));
    expect(run.checks.map((c) => c.step)).toEqual(['headers', 'signatures', 'lottery']);
    expect(run.pendingReason).toBe('first');
    expect(run.unavailableReason).toBeUndefined();
    expect(Object.keys(run.timings)).toEqual(['headers', 'signatures', 'lottery']);
    expect(seen.filter((p) => p.status !== 'running').map((p) => `${p.step}:${p.status}`)).toEqual(['headers:done', 'signatures:failed', 'lottery:skipped', 'lottery:done']);
  });

  it('after a check fails for want of data, the later steps are not checked, once each, and give no value', async () => {
    const seen: Progress[] = [];
    const run = new StepRun({ onProgress: (p) => seen.push(p) });
    await run.step('headers', () => ({ checks: [failed('headers', new VerifyError('FETCH_NOT_FOUND', 'no block'))], value: 1 }));
    expect(run.unavailableReason).toBe('FETCH_NOT_FOUND: no block');
    let ran = false;
    expect(await run.step('signatures', () => { ran = true; return { checks: [], value: 2 }; })).toBeUndefined();
    await run.step('signatures', () => ({ checks: [] }));
    expect(ran).toBe(false);
    expect(run.checks.map((c) => `${c.step} ${c.code}`)).toEqual(['headers FETCH_NOT_FOUND', 'signatures PIPELINE_NOT_CHECKED']);
    expect(run.checks[1]?.evidence).toEqual({ reason: 'FETCH_NOT_FOUND: no block' });
    expect(seen.filter((p) => p.step === 'signatures').map((p) => p.status)).toEqual(['skipped']);
  });

  it('a step that throws a fetch failure fails with it; a cancel or a bug is thrown', async () => {
    const run = new StepRun();
    expect(await run.step('fetch', () => { throw new VerifyError('FETCH_TIMEOUT', 'slow'); })).toBeUndefined();
    expect(run.checks.map((c) => `${c.step} ${c.code}`)).toEqual(['fetch FETCH_TIMEOUT']);
    await expect(new StepRun().step('fetch', () => { throw new VerifyError('FETCH_ABORTED', 'stop'); })).rejects.toThrow('stop');
    await expect(new StepRun().step('fetch', () => { throw new VerifyError('MESSAGE_COPY', 'x'); })).rejects.toThrow('x');
    await expect(new StepRun().step('fetch', () => { throw new TypeError('bug'); })).rejects.toThrow(TypeError);
  });

  it('skipped steps are reported as skipped and give nothing', async () => {
    const seen: Progress[] = [];
    const run = new StepRun({ onProgress: (p) => seen.push(p) });
    expect(await run.skip(['program', 'proofs'])).toEqual({});
    expect(seen.filter((p) => p.status !== 'running').map((p) => `${p.step}:${p.status}`)).toEqual(['program:skipped', 'proofs:skipped']);
  });

  it('a passed deadline is recorded once, on the step it ended, and makes the rest unavailable; a cancel throws', async () => {
    const c = new AbortController();
    const run = new StepRun({ signal: c.signal });
    await run.step('headers', () => { c.abort(new VerifyError('FETCH_DEADLINE', 'late')); return { checks: [passed('headers', 'found late')], value: 1 }; });
    expect(run.checks.map((x) => `${x.step} ${x.code}`)).toEqual(['headers FETCH_DEADLINE']);
    expect(run.unavailableReason).toBe('FETCH_DEADLINE: late');
    await run.step('signatures', () => ({ checks: [] }));
    expect(run.checks.map((x) => `${x.step} ${x.code}`)).toEqual(['headers FETCH_DEADLINE', 'signatures PIPELINE_NOT_CHECKED']);
    const cancel = new AbortController();
    cancel.abort(new VerifyError('FETCH_ABORTED', 'cancelled'));
    await expect(new StepRun({ signal: cancel.signal }).step('headers', () => ({ checks: [] }))).rejects.toThrow('cancelled');
  });
});
