import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostPacer } from './pacer';

afterEach(() => vi.useRealTimers());

describe('the adaptive per-host rate (AIMD)', () => {
  it('halves on each "slow down", never below the floor', () => {
    let t = 0;
    const p = new HostPacer({ maxPerSecond: 8, minPerSecond: 1, now: () => t });
    p.onSlowDown(0);
    expect(p.rate).toBe(4);
    for (let i = 0; i < 10; i++) p.onSlowDown(0, ++t);
    expect(p.rate).toBe(1);
  });
  it('halves once for refusals of requests that were already in flight (one congestion event)', () => {
    let t = 100;
    const p = new HostPacer({ maxPerSecond: 8, minPerSecond: 1, now: () => t });
    p.onSlowDown(0, 90);
    t = 110;
    p.onSlowDown(0, 95);
    p.onSlowDown(0, 99);
    expect(p.rate).toBe(4);
    p.onSlowDown(0, 105);
    expect(p.rate).toBe(2);
  });
  it('climbs back additively on answers, never above the configured rate', () => {
    let t = 0;
    const p = new HostPacer({ maxPerSecond: 16, minPerSecond: 1, now: () => t });
    for (let i = 0; i < 10; i++) p.onSlowDown(0, ++t);
    p.onSuccess();
    expect(p.rate).toBe(2);
    for (let i = 0; i < 100; i++) p.onSuccess();
    expect(p.rate).toBe(16);
  });
  it('the floor is at most the ceiling', () => {
    expect(new HostPacer({ maxPerSecond: 0.1 }).minPerSecond).toBe(0.1);
  });
  it.each([0, -1, Number.NaN, Infinity])('a ceiling of %s is refused', (max) => {
    expect(() => new HostPacer({ maxPerSecond: max })).toThrow(RangeError);
  });
});

describe('pacing', () => {
  it('lets `burst` through at once, then one per 1/rate seconds', async () => {
    vi.useFakeTimers();
    const p = new HostPacer({ maxPerSecond: 10, burst: 2, now: () => Date.now() });
    const done: number[] = [];
    for (let i = 0; i < 4; i++) void p.take().then(() => done.push(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toEqual([0, 1, 2, 3]);
  });
  it('sends nothing during a cool-down, including requests already waiting for their slot', async () => {
    vi.useFakeTimers();
    const p = new HostPacer({ maxPerSecond: 10, burst: 1, now: () => Date.now() });
    await p.take();
    const done: string[] = [];
    void p.take().then(() => done.push('queued'));
    p.onSlowDown(1_000);
    expect(p.readyAt()).toBe(Date.now() + 1_000);
    await vi.advanceTimersByTimeAsync(500);
    expect(done).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(done).toEqual(['queued']);
  });
  it('a waiting take ends when its signal aborts', async () => {
    const p = new HostPacer({ maxPerSecond: 1, burst: 1 });
    await p.take();
    const ctl = new AbortController();
    const waiting = p.take(ctl.signal);
    ctl.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'FETCH_ABORTED' });
  });
});
