import { describe, expect, it } from 'vitest';
import { hashFromRoute, routeFromHash } from './route';

describe('hash routes', () => {
  it('round-trip a page, a month and a user id', () => {
    const r = { page: 'allocation' as const, month: 4, user: 'alice & bob' };
    expect(routeFromHash(hashFromRoute(r))).toEqual(r);
  });

  it('open My allocation from a bare #user= fragment', () => {
    expect(routeFromHash('#user=u-0042')).toEqual({ page: 'allocation', user: 'u-0042' });
  });
});

describe('when the fragment is unknown or malformed', () => {
  it('falls back to the months timeline and ignores a bad month', () => {
    expect(routeFromHash('#/nowhere/zz')).toEqual({ page: 'months' });
    expect(routeFromHash('#/month/0')).toEqual({ page: 'month' });
    expect(routeFromHash('')).toEqual({ page: 'months' });
  });
});
