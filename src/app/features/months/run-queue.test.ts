import { describe, expect, it } from 'vitest';
import { enqueue, requeueFirst, shouldPreempt, type QueuedRun } from './run-queue';

const bg = (month: number, batch = true): QueuedRun => ({ key: `${month}:full`, month, priority: 'background', batch });
const person = (month: number): QueuedRun => ({ key: `${month}:full`, month, priority: 'person', batch: false });
const order = (q: QueuedRun[]) => q.map((r) => `${r.month}${r.priority[0]}`);

describe('a person’s request', () => {
  it('goes before background work, after earlier person requests', () => {
    const q = [person(9), bg(1), bg(2)].reduce<QueuedRun[]>((acc, r) => enqueue(acc, r), []);
    expect(order(enqueue(q, person(5)))).toEqual(['9p', '5p', '1b', '2b']);
  });

  it('promotes a month already waiting in the background, which then no longer belongs to "verify every month"', () => {
    const q = enqueue(enqueue(enqueue([], bg(1)), bg(2)), person(2));
    expect(order(q)).toEqual(['2p', '1b']);
    expect(q[0]!.batch).toBe(false);
  });

  it('preempts a background run, never another person’s', () => {
    expect(shouldPreempt(bg(1), [person(2)])).toBe(true);
    expect(shouldPreempt(person(1), [person(2)])).toBe(false);
    expect(shouldPreempt(bg(1), [bg(2)])).toBe(false);
  });
});

describe('a page’s background work (the allocation history)', () => {
  const page = (month: number): QueuedRun => ({ key: `${month}:quick:u`, month, priority: 'page', batch: false });

  it('goes after a person’s requests and before "verify every month"', () => {
    expect(order(enqueue([person(3), bg(1), bg(2)], page(5)))).toEqual(['3p', '5p', '1b', '2b']);
    expect(enqueue([person(3), bg(1)], page(5)).map((q) => q.priority)).toEqual(['person', 'page', 'background']);
  });

  it('preempts "verify every month" and yields to a person', () => {
    expect(shouldPreempt(bg(1), [page(2)])).toBe(true);
    expect(shouldPreempt(page(2), [person(1)])).toBe(true);
    expect(shouldPreempt(page(2), [bg(1)])).toBe(false);
  });
});

describe('a background request', () => {
  it('keeps the place of the same month already queued', () => {
    const q = enqueue([person(3), bg(1)], bg(3));
    expect(order(q)).toEqual(['3p', '1b']);
  });
});

describe('a preempted run', () => {
  it('goes back to the head of the background runs', () => {
    expect(order(requeueFirst([person(3), bg(2)], bg(1)))).toEqual(['3p', '1b', '2b']);
  });
});
