import { describe, expect, it } from 'vitest';
import { inclusionPath, inclusionPathToJson, rootFromInclusionPath, allocationLeaf, userIdField } from '../../core/commit';
import { pathSteps } from './path-steps';

const rows = Array.from({ length: 37 }, (_, i) => ({ uid: userIdField(`u${i}`), allocation: BigInt(1000 + i * 7) }));
const BATCH = 4;

describe('a depositor’s path drawn as steps', () => {
  it('climbs from the leaf through every level to the same month root the core computes', () => {
    const row = 22;
    const path = inclusionPath(5, rows, BATCH, row);
    const steps = pathSteps(5, 'u22', rows[row]!.allocation.toString(), inclusionPathToJson(path));
    const roots = rootFromInclusionPath(allocationLeaf(5, rows[row]!.uid, rows[row]!.allocation), path);
    expect(steps.monthRoot).toBe(roots.monthRoot.toString(16).padStart(64, '0'));
    expect(steps.batchRoot).toBe(roots.batchRoot.toString(16).padStart(64, '0'));
    expect(steps.levels.length).toBe(path.batchSiblings.length + path.monthSiblings.length);
    // The node carried up sits at its position among the four children of the next level.
    steps.levels.forEach((l, i) => {
      const below = i === 0 ? steps.leaf : steps.levels[i - 1]!.node;
      expect(l.children[l.position]).toBe(below);
    });
  });
});

describe('when the user id does not belong to the path', () => {
  it('leads to another root', () => {
    const path = inclusionPath(5, rows, BATCH, 3);
    const good = pathSteps(5, 'u3', rows[3]!.allocation.toString(), inclusionPathToJson(path));
    const wrong = pathSteps(5, 'u4', rows[3]!.allocation.toString(), inclusionPathToJson(path));
    expect(wrong.monthRoot).not.toBe(good.monthRoot);
  });
});

describe('when the path is malformed', () => {
  it('is a coded MERKLE_ error', () => {
    expect(() => pathSteps(1, 'u', '1', { row: 0, batchSize: 3, batchCount: 1, batchSiblings: [], monthSiblings: [] })).toThrow(expect.objectContaining({ code: 'MERKLE_PATH_MALFORMED' }));
  });
});
