import { describe, expect, it } from 'vitest';
import { visibleRows } from './table-order';

const view = { rows: 4, userIds: ['drey:reserve', 'alice', 'bob', 'Alicia'], allocations: Float64Array.from([5, 30, 30, 10]) };

describe('the table screen’s row order', () => {
  it('sorts by allocation, ties in table order', () => {
    expect(Array.from(visibleRows(view, '', 'desc'))).toEqual([1, 2, 3, 0]);
    expect(Array.from(visibleRows(view, '', 'asc'))).toEqual([0, 3, 1, 2]);
    expect(Array.from(visibleRows(view, '', 'row'))).toEqual([0, 1, 2, 3]);
  });

  it('searches user ids case-insensitively', () => {
    expect(Array.from(visibleRows(view, 'ALI', 'row'))).toEqual([1, 3]);
  });
});

describe('when nothing matches the search', () => {
  it('shows no rows', () => {
    expect(visibleRows(view, 'nobody', 'desc').length).toBe(0);
  });
});
