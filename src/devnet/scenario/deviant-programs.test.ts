import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAllocationProgram } from '../../core/program/host';
import type { AllocationInput } from '../../core/program/types';
import { REPO_ROOT } from '../prover/setup';
import { devnetMortalityRows } from '../tables/mortality-rates';
import { deviantProgram } from './deviant-programs';
import { programMortality } from './month-compute';

const input: AllocationInput = {
  referenceDate: 20260201,
  previous: BigUint64Array.from([7n, 1_000_000n, 2_000_000n, 500_000n]),
  alive: Uint8Array.from([1, 1, 0, 1]),
  deposit: BigUint64Array.from([0n, 10_000n, 0n, 0n]),
  dob: Uint32Array.from([0, 19500101, 19600202, 19700303]),
  sex: Uint8Array.from([0, 1, 0, 1]),
  geography: Uint16Array.from([0, 0, 1, 2]),
  mortality: programMortality(devnetMortalityRows()),
};

async function run(wasm: Uint8Array) {
  const r = await runAllocationProgram(wasm, input);
  if (!r.ok) throw new Error(r.error.code);
  return r.output;
}

describe('when the genesis pins a program that disagrees with the batch circuit', () => {
  const honest = new Uint8Array(readFileSync(join(REPO_ROOT, 'programs/allocation/build/allocation.wasm')));

  it('"totals" reports R one higher and the same allocations, and passes the host\'s checks', async () => {
    const [h, d] = await Promise.all([run(honest), run(await deviantProgram('totals'))]);
    expect([...d.newAllocations]).toEqual([...h.newAllocations]);
    expect([...d.q]).toEqual([...h.q]);
    expect({ F: d.F, W: d.W, R: d.R }).toEqual({ F: h.F, W: h.W, R: h.R + 1n });
  });

  it('"output" moves one Dreybit of the first funded member to the reserve row, keeping q and the totals', async () => {
    const [h, d] = await Promise.all([run(honest), run(await deviantProgram('output'))]);
    expect(d.newAllocations[0]).toBe(h.newAllocations[0]! + 1n);
    expect(d.newAllocations[1]).toBe(h.newAllocations[1]! - 1n);
    expect([...d.newAllocations.slice(2)]).toEqual([...h.newAllocations.slice(2)]);
    expect([...d.q]).toEqual([...h.q]);
    expect({ F: d.F, W: d.W, R: d.R }).toEqual({ F: h.F, W: h.W, R: h.R });
  });

  it('"trap" traps', async () => {
    const r = await runAllocationProgram(await deviantProgram('trap'), input);
    expect(r.ok ? 'ok' : r.error.code).toBe('PROGRAM_TRAP');
  });
});
