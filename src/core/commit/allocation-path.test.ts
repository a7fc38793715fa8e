import { describe, expect, it } from 'vitest';
import { allocationPath, allocationPathToJson, parseAllocationPath, pathFromBatchRoots, rootFromAllocationPath, verifyAllocationPath, type AllocationPath } from './allocation-path';
import { allocationCommitments } from './batch-commitments';
import { monthRoot } from './batches';
import { commitment, commitments } from './commitment';
import { FIELD_R } from './field';
import { userIdField } from './user-id';
import { codeOf } from '../errors.test-util';
import type { AllocationLeafRow } from './leaf-rows';

const MONTH = 5;
// 23 rows: at B = 4, 6 batches (the last one padded) and a month tree padded to 16 batch roots.
const rows: AllocationLeafRow[] = Array.from({ length: 23 }, (_, i) => ({ uid: userIdField(`u${i}`), allocation: BigInt(1000 + i * 17) }));

describe('the commitment', () => {
  it('chains chunks of 16 through the capacity element and equals one call per list', () => {
    const list = Array.from({ length: 40 }, (_, i) => BigInt(i * 7 + 1));
    expect(commitments([3n, 4n], [list, list.slice().reverse()])).toEqual([commitment(3n, list), commitment(4n, list.slice().reverse())]);
    expect(commitment(3n, list)).not.toBe(commitment(4n, list));
    expect(commitment(3n, list.slice(0, 16))).not.toBe(commitment(3n, [...list.slice(0, 16), 0n]));
  });
});

describe.each([1, 4, 16, 64])('when every row proves its inclusion (B = %i)', (B) => {
  const batchRoots = allocationCommitments(MONTH, rows, B);
  const root = monthRoot(batchRoots);
  it('each path leads to its batch root and to the month root, through JSON and back', () => {
    for (const i of [0, 5, 22]) {
      const path = parseAllocationPath(JSON.parse(JSON.stringify(allocationPathToJson(allocationPath(MONTH, rows, B, i)))));
      const got = verifyAllocationPath(MONTH, rows[i]!, path, root);
      expect(got.batchIndex).toBe(Math.floor(i / B));
      expect(got.batchRoot).toBe(batchRoots[got.batchIndex]);
    }
  });

  it('the path from the batch\'s rows and the proven batch roots is the same path', () => {
    for (const i of [0, 5, 22]) {
      const b = Math.floor(i / B);
      expect(pathFromBatchRoots(i, B, rows.slice(b * B, (b + 1) * B), batchRoots)).toEqual(allocationPath(MONTH, rows, B, i));
    }
  });
});

describe('when a month has one batch', () => {
  it('its month root is the batch root and the path has no month level', () => {
    const few = rows.slice(0, 3);
    const [only] = allocationCommitments(MONTH, few, 4);
    expect(monthRoot([only!])).toBe(only);
    const path = allocationPath(MONTH, few, 4, 2);
    expect(path.monthSiblings).toEqual([]);
    expect(verifyAllocationPath(MONTH, few[2]!, path, only!).monthRoot).toBe(only);
  });
});

describe('when a single field of a path is changed', () => {
  const B = 4;
  const row = 13;
  const root = monthRoot(allocationCommitments(MONTH, rows, B));
  const path = allocationPath(MONTH, rows, B, row);
  const mutations: [string, (p: AllocationPath) => AllocationPath][] = [];
  path.batchRows.forEach((pair, k) => pair.forEach((_, j) => {
    if (k === row % B) return;
    mutations.push([`batchRows[${k}][${j}] + 1`, (p) => ({ ...p, batchRows: p.batchRows.map((r, i) => (i === k ? (j === 0 ? [r[0] + 1n, r[1]] : [r[0], r[1] + 1n]) : r)) })]);
  }));
  path.monthSiblings.forEach((level, i) => level.forEach((_, j) => {
    mutations.push([`monthSiblings[${i}][${j}] + 1`, (p) => ({ ...p, monthSiblings: p.monthSiblings.map((l, k) => (k === i ? l.map((v, m) => (m === j ? v + 1n : v)) : l)) })]);
  }));
  mutations.push(['row + 1 (another member\'s pair)', (p) => ({ ...p, row: p.row + 1 })]);
  mutations.push(['row + B (the same place in another batch)', (p) => ({ ...p, row: p.row + B })]);
  it.each(mutations)('rejects %s with MERKLE_ROOT_MISMATCH', (_name, mutate) => {
    expect(codeOf(() => verifyAllocationPath(MONTH, rows[row]!, mutate(path), root))).toBe('MERKLE_ROOT_MISMATCH');
  });

  it('rejects another month, another allocation and another user', () => {
    const r = rows[row]!;
    expect(codeOf(() => verifyAllocationPath(MONTH - 1, r, path, root))).toBe('MERKLE_ROOT_MISMATCH');
    expect(codeOf(() => verifyAllocationPath(MONTH, { ...r, allocation: r.allocation + 1n }, path, root))).toBe('MERKLE_ROOT_MISMATCH');
    expect(codeOf(() => verifyAllocationPath(MONTH, { ...r, uid: r.uid + 1n }, path, root))).toBe('MERKLE_ROOT_MISMATCH');
  });
});

describe('when an untrusted path is malformed', () => {
  const json = allocationPathToJson(allocationPath(MONTH, rows, 4, 13));
  const pairs = (n: number, v = '1') => Array.from({ length: n }, () => [v, v]);
  it.each([
    ['a batch size of 2', { batchSize: 2 }, 'MERKLE_PATH_MALFORMED'],
    ['a batch size of 256', { batchSize: 256 }, 'MERKLE_PATH_MALFORMED'],
    ['a row past the table', { row: 24 }, 'MERKLE_PATH_POSITION'],
    ['a negative row', { row: -1 }, 'MERKLE_PATH_POSITION'],
    ['a string row', { row: '13' }, 'MERKLE_PATH_MALFORMED'],
    ['a missing row pair', { batchRows: pairs(3) }, 'MERKLE_PATH_MALFORMED'],
    ['a row of three values', { batchRows: [['1', '2', '3'], ...pairs(3)] }, 'MERKLE_PATH_MALFORMED'],
    ['a hex value', { batchRows: [['0x1', '2'], ...pairs(3)] }, 'MERKLE_PATH_NOT_FIELD'],
    ['a value ≥ r', { batchRows: pairs(4, FIELD_R.toString()) }, 'MERKLE_PATH_NOT_FIELD'],
    ['a leading zero', { monthSiblings: [['01', '0', '0'], ['0', '0', '0']] }, 'MERKLE_PATH_NOT_FIELD'],
    ['a missing month level', { monthSiblings: [['1', '2', '3']] }, 'MERKLE_PATH_MALFORMED'],
    ['a level of two siblings', { monthSiblings: [['1', '2'], ['1', '2', '3']] }, 'MERKLE_PATH_MALFORMED'],
    ['more batches than the month tree has levels for', { batchCount: 17 }, 'MERKLE_PATH_MALFORMED'],
  ])('parsing rejects %s with %s', (_n, change, code) => {
    expect(codeOf(() => parseAllocationPath({ ...json, ...change }))).toBe(code);
  });

  it('rejects a non-object', () => {
    expect(codeOf(() => parseAllocationPath(null))).toBe('MERKLE_PATH_MALFORMED');
    expect(codeOf(() => parseAllocationPath([]))).toBe('MERKLE_PATH_MALFORMED');
  });

  it('rejects a row pair that is not made of field elements when computing the root', () => {
    const path = parseAllocationPath(json);
    expect(codeOf(() => rootFromAllocationPath(MONTH, rows[13]!, { ...path, batchRows: path.batchRows.map(() => [FIELD_R, 0n]) }))).toBe('MERKLE_PATH_NOT_FIELD');
  });
});
