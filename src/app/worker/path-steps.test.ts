import { describe, expect, it } from 'vitest';
import { allocationPath, allocationPathToJson, rootFromAllocationPath, userIdField } from '../../core/commit';
import { pathSteps } from './path-steps';

const rows = Array.from({ length: 37 }, (_, i) => ({ uid: userIdField(`u${i}`), allocation: BigInt(1000 + i * 7) }));

describe.each([4, 16])('a depositor’s path drawn as steps (B = %i)', (B) => {
  it('absorbs the batch’s rows, then climbs every month level to the same roots the core computes', () => {
    const row = 22;
    const path = allocationPath(5, rows, B, row);
    const steps = pathSteps(5, 'u22', rows[row]!.allocation.toString(), allocationPathToJson(path));
    const roots = rootFromAllocationPath(5, rows[row]!, path);
    expect(steps.monthRoot).toBe(roots.monthRoot.toString(16).padStart(64, '0'));
    expect(steps.batchRoot).toBe(roots.batchRoot.toString(16).padStart(64, '0'));
    const batch = steps.levels.filter((l) => l.tree === 'batch');
    expect(batch).toHaveLength(Math.ceil((2 * B) / 16));
    expect(batch.flatMap((l) => (l.position >= 0 ? [l.children[l.position]] : []))).toEqual([steps.leaf]);
    expect(steps.levels.filter((l) => l.tree === 'month')).toHaveLength(path.monthSiblings.length);
    // The node carried up sits at its position among the four children of the next month level.
    steps.levels.forEach((l, i) => {
      if (l.tree === 'month') expect(l.children[l.position]).toBe(steps.levels[i - 1]!.node);
    });
  });
});

describe('when the user id does not belong to the path', () => {
  it('leads to another root', () => {
    const path = allocationPathToJson(allocationPath(5, rows, 4, 3));
    const good = pathSteps(5, 'u3', rows[3]!.allocation.toString(), path);
    const wrong = pathSteps(5, 'u4', rows[3]!.allocation.toString(), path);
    expect(wrong.monthRoot).not.toBe(good.monthRoot);
  });
});

describe('when the path is malformed', () => {
  it('is a coded MERKLE_ error', () => {
    expect(() => pathSteps(1, 'u', '1', { row: 0, batchSize: 3, batchCount: 1, batchRows: [], monthSiblings: [] })).toThrow(expect.objectContaining({ code: 'MERKLE_PATH_MALFORMED' }));
  });
});
