/** Allocation program throughput: the pinned WASM through the host (compile + columns in + run + out) vs the reference. */
import { readFile } from 'node:fs/promises';
import { runAllocationProgram } from '../src/core/program/host';
import { randomInput } from '../src/core/program/random-input';
import { computeMonth } from '../src/core/program/reference';
import { fmt, medianMs } from './stats';

export default async function bench(): Promise<void> {
  const wasm = new Uint8Array(await readFile(new URL('../programs/allocation/build/allocation.wasm', import.meta.url)));
  for (const rows of [10_000, 100_000]) {
    const input = randomInput(rows, { rows, deathRate: 0.01, depositRate: 0.2, maxValue: 10n ** 12n, geographies: 50 });
    const check = await runAllocationProgram(wasm, input);
    if (!check.ok) throw new Error(`program failed: ${check.error.code}`);
    const runs = rows >= 100_000 ? 7 : 15;
    const programMs = await medianMs(runs, () => runAllocationProgram(wasm, input));
    const referenceMs = await medianMs(Math.max(3, runs >> 1), () => computeMonth(input));
    const programRate = rows / (programMs / 1000);
    const referenceRate = rows / (referenceMs / 1000);
    console.log(`${rows} rows: program ${fmt(programMs)} ms (${fmt(programRate / 1e6)} M rows/s), reference ${fmt(referenceMs)} ms (${fmt(referenceRate / 1e6)} M rows/s), program/reference ${fmt(programRate / referenceRate)}×`);
  }
}
