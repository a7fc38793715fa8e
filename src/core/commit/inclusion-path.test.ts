import { describe, expect, it } from 'vitest';
import { allocationLeaf } from './leaves';
import { allocationBatchRoots, monthRoot } from './batches';
import {
  inclusionPath, inclusionPathToJson, parseInclusionPath, rootFromInclusionPath, verifyInclusionPath,
  type InclusionPath,
} from './inclusion-path';
import { FIELD_R } from './field';
import { userIdField } from './user-id';
import type { AllocationLeafRow } from './leaf-rows';

const MONTH = 5;
const B = 4;
// 23 rows: 6 batches (the last one padded), month tree padded to 16 batch roots.
const rows: AllocationLeafRow[] = Array.from({ length: 23 }, (_, i) => ({ uid: userIdField(`u${i}`), allocation: BigInt(1000 + i * 17) }));
const root = monthRoot(allocationBatchRoots(MONTH, rows, B));
const leafOf = (i: number) => allocationLeaf(MONTH, rows[i]!.uid, rows[i]!.allocation);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('when every row proves its inclusion', () => {
  it('each path leads to its batch root and to the month root, through JSON and back', () => {
    const batchRoots = allocationBatchRoots(MONTH, rows, B);
    rows.forEach((_, i) => {
      const path = parseInclusionPath(JSON.parse(JSON.stringify(inclusionPathToJson(inclusionPath(MONTH, rows, B, i)))));
      const got = verifyInclusionPath(leafOf(i), path, root);
      expect(got.batchIndex).toBe(Math.floor(i / B));
      expect(got.batchRoot).toBe(batchRoots[got.batchIndex]);
    });
  });

  it('a one-batch month has the batch root as month root', () => {
    const few = rows.slice(0, 3);
    const r = monthRoot(allocationBatchRoots(MONTH, few, B));
    expect(r).toBe(allocationBatchRoots(MONTH, few, B)[0]);
    expect(verifyInclusionPath(allocationLeaf(MONTH, few[2]!.uid, few[2]!.allocation), inclusionPath(MONTH, few, B, 2), r).monthRoot).toBe(r);
  });
});

describe('when a single field of a path is changed', () => {
  const row = 13;
  const path = inclusionPath(MONTH, rows, B, row);
  const mutations: [string, (p: InclusionPath) => InclusionPath][] = [];
  for (const key of ['batchSiblings', 'monthSiblings'] as const) {
    path[key].forEach((level, i) => level.forEach((_, j) => {
      mutations.push([`${key}[${i}][${j}] + 1`, (p) => {
        const levels = p[key].map((l) => l.slice());
        levels[i]![j] = levels[i]![j]! + 1n;
        return { ...p, [key]: levels };
      }]);
    }));
  }
  mutations.push(['row + 1', (p) => ({ ...p, row: p.row + 1 })]);
  mutations.push(['row − 1', (p) => ({ ...p, row: p.row - 1 })]);
  mutations.push(['row + B', (p) => ({ ...p, row: p.row + B })]);

  for (const [name, mutate] of mutations) {
    it(`rejects ${name} with MERKLE_ROOT_MISMATCH`, () => {
      expect(codeOf(() => verifyInclusionPath(leafOf(row), mutate(path), root))).toBe('MERKLE_ROOT_MISMATCH');
    });
  }

  it('rejects another month\'s leaf, another allocation and another user', () => {
    const r = rows[row]!;
    expect(codeOf(() => verifyInclusionPath(allocationLeaf(MONTH - 1, r.uid, r.allocation), path, root))).toBe('MERKLE_ROOT_MISMATCH');
    expect(codeOf(() => verifyInclusionPath(allocationLeaf(MONTH, r.uid, r.allocation + 1n), path, root))).toBe('MERKLE_ROOT_MISMATCH');
    expect(codeOf(() => verifyInclusionPath(allocationLeaf(MONTH, r.uid + 1n, r.allocation), path, root))).toBe('MERKLE_ROOT_MISMATCH');
  });
});

describe('when an untrusted path is malformed', () => {
  const json = inclusionPathToJson(inclusionPath(MONTH, rows, B, 13));
  const cases: [string, Record<string, unknown>, string][] = [
    ['a missing level', { ...json, batchSiblings: [] }, 'MERKLE_PATH_MALFORMED'],
    ['a level of two siblings', { ...json, monthSiblings: [['1', '2'], ['1', '2', '3']] }, 'MERKLE_PATH_MALFORMED'],
    ['a sibling ≥ r', { ...json, batchSiblings: [[FIELD_R.toString(), '0', '0']] }, 'MERKLE_PATH_NOT_FIELD'],
    ['a hex sibling', { ...json, batchSiblings: [['0x1', '0', '0']] }, 'MERKLE_PATH_NOT_FIELD'],
    ['a leading zero', { ...json, batchSiblings: [['01', '0', '0']] }, 'MERKLE_PATH_NOT_FIELD'],
    ['a batch size of 2', { ...json, batchSize: 2 }, 'MERKLE_PATH_MALFORMED'],
    ['a row past the table', { ...json, row: 24 }, 'MERKLE_PATH_POSITION'],
    ['a negative row', { ...json, row: -1 }, 'MERKLE_PATH_POSITION'],
    ['a string row', { ...json, row: '13' }, 'MERKLE_PATH_MALFORMED'],
    ['more batches than the month tree has levels for', { ...json, batchCount: 17 }, 'MERKLE_PATH_MALFORMED'],
  ];
  for (const [name, bad, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      expect(codeOf(() => parseInclusionPath(bad))).toBe(code);
    });
  }

  it('rejects a non-object', () => {
    expect(codeOf(() => parseInclusionPath(null))).toBe('MERKLE_PATH_MALFORMED');
    expect(codeOf(() => parseInclusionPath([]))).toBe('MERKLE_PATH_MALFORMED');
  });

  it('rejects a leaf that is not a field element', () => {
    expect(codeOf(() => rootFromInclusionPath(FIELD_R, parseInclusionPath(json)))).toBe('MERKLE_PATH_NOT_FIELD');
  });
});
