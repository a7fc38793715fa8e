import { describe, expect, it } from 'vitest';
import { allocationPath, allocationPathToJson, parseAllocationPath, verifyAllocationPath, type AllocationPath } from './allocation-path';
import { allocationCommitments } from './batch-commitments';
import { monthRoot } from './batches';
import { commitment, commitments } from './commitment';
import { userIdField } from './user-id';
import { codeOf } from '../errors.test-util';
import type { AllocationLeafRow } from './leaf-rows';

const MONTH = 5;
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
  const root = monthRoot(allocationCommitments(MONTH, rows, B));
  it('each path leads to its batch root and to the month root, through JSON and back', () => {
    const batchRoots = allocationCommitments(MONTH, rows, B);
    for (const i of [0, 5, 22]) {
      const path = parseAllocationPath(JSON.parse(JSON.stringify(allocationPathToJson(allocationPath(MONTH, rows, B, i)))));
      const got = verifyAllocationPath(MONTH, rows[i]!, path, root);
      expect(got.batchIndex).toBe(Math.floor(i / B));
      expect(got.batchRoot).toBe(batchRoots[got.batchIndex]);
    }
  });
});

describe('when a path or the leaf is changed', () => {
  const B = 4;
  const root = monthRoot(allocationCommitments(MONTH, rows, B));
  const path = allocationPath(MONTH, rows, B, 13);
  const bump = (p: AllocationPath, f: (q: AllocationPath) => void): AllocationPath => { const q = structuredClone(p); f(q); return q; };
  it.each([
    ['a neighbour\'s allocation + 1', bump(path, (q) => { q.batchRows[0]![1] += 1n; })],
    ['a month sibling + 1', bump(path, (q) => { q.monthSiblings[0]![1]! += 1n; })],
    ['row + 1 (another member\'s pair)', { ...path, row: 14 }],
  ])('rejects %s with MERKLE_ROOT_MISMATCH', (_n, p) => {
    expect(codeOf(() => verifyAllocationPath(MONTH, rows[13]!, p, root))).toBe('MERKLE_ROOT_MISMATCH');
  });
  it('rejects another month, another allocation and another user', () => {
    expect(codeOf(() => verifyAllocationPath(MONTH - 1, rows[13]!, path, root))).toBe('MERKLE_ROOT_MISMATCH');
    expect(codeOf(() => verifyAllocationPath(MONTH, { ...rows[13]!, allocation: rows[13]!.allocation + 1n }, path, root))).toBe('MERKLE_ROOT_MISMATCH');
    expect(codeOf(() => verifyAllocationPath(MONTH, { ...rows[13]!, uid: rows[13]!.uid + 1n }, path, root))).toBe('MERKLE_ROOT_MISMATCH');
  });
  it.each([
    ['a batch size of 2', { batchSize: 2 }, 'MERKLE_PATH_MALFORMED'],
    ['a batch size of 256', { batchSize: 256 }, 'MERKLE_PATH_MALFORMED'],
    ['a row past the table', { row: 24 }, 'MERKLE_PATH_POSITION'],
    ['a missing row pair', { batchRows: [['1', '2']] }, 'MERKLE_PATH_MALFORMED'],
    ['a hex value', { batchRows: [['0x1', '2'], ['1', '2'], ['1', '2'], ['1', '2']] }, 'MERKLE_PATH_NOT_FIELD'],
  ])('parsing rejects %s with %s', (_n, change, code) => {
    expect(codeOf(() => parseAllocationPath({ ...allocationPathToJson(path), ...change }))).toBe(code);
  });
});
