import { describe, expect, it } from 'vitest';
import { passed } from '../check';
import type { Progress } from './report';
import { StepRun } from './step-run';

describe('a step that counts its items', () => {
  it('reports running with the counts between its start and its end', async () => {
    const seen: Progress[] = [];
    const run = new StepRun({ onProgress: (p) => seen.push(p) });
    await run.step('proofs', () => {
      run.count('proofs', 64, 130);
      return { checks: [passed('proofs', 'ok')] };
    });
    expect(seen.map((p) => [p.status, p.done, p.total])).toEqual([['running', undefined, undefined], ['running', 64, 130], ['done', undefined, undefined]]);
  });
});
