/** Row order for the table screen: filter by user id substring, then table order or allocation order (stable). */
import type { TableView } from '../../worker/api';

export type SortOrder = 'row' | 'desc' | 'asc';

export function visibleRows(view: Pick<TableView, 'rows' | 'userIds' | 'allocations'>, query: string, order: SortOrder): Uint32Array {
  const q = query.trim().toLowerCase();
  let idx: Uint32Array;
  if (q) {
    const hits: number[] = [];
    for (let i = 0; i < view.rows; i++) if (view.userIds[i]!.toLowerCase().includes(q)) hits.push(i);
    idx = Uint32Array.from(hits);
  } else {
    idx = new Uint32Array(view.rows);
    for (let i = 0; i < view.rows; i++) idx[i] = i;
  }
  if (order === 'row') return idx;
  const a = view.allocations;
  const sign = order === 'desc' ? -1 : 1;
  // Typed-array sort of indices with a numeric key: ~10 ms for 100k rows.
  return idx.sort((x, y) => sign * (a[x]! - a[y]!) || x - y);
}
