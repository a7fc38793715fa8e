/**
 * Step "program" (design §2.4, full mode): the allocation program the genesis pins, run through an injected runner
 * (a Node worker in the CLI, a Web Worker in the app) on last month's table, the inputs and the mortality table. Its
 * allocations must be the final table's, its F, W, R the proofs' globals, its rates q those committed in the inputs roots.
 */
import { passed, failed, type Check } from '../check';
import type { BatchPublic } from '../commit/public-inputs';
import { VerifyError } from '../errors';
import type { AllocationInput, ProgramResult } from '../program/types';
import type { AllocationTable } from '../table/allocation';

/** Runs a WASM allocation program with a time and memory limit (ABI v1); never throws for a bad program. */
export type ProgramRunner = (wasm: Uint8Array, input: AllocationInput) => Promise<ProgramResult>;

export async function verifyProgram(
  run: ProgramRunner, wasm: Uint8Array, input: AllocationInput, table: AllocationTable, publics: readonly BatchPublic[] | undefined, referenceQ: Uint32Array | undefined,
): Promise<Check[]> {
  const result = await run(wasm, input);
  if (!result.ok) return [failed('program', new VerifyError(result.error.code.startsWith('PROGRAM_') ? result.error.code : 'PROGRAM_TRAP', result.error.message, result.error.evidence))];
  const out = result.output;
  const checks: Check[] = [];
  try {
    if (out.newAllocations.length !== table.rows) {
      throw new VerifyError('PROGRAM_OUTPUT_MISMATCH', `the program gives ${out.newAllocations.length} rows, the final table has ${table.rows}`, { program: out.newAllocations.length, table: table.rows });
    }
    for (let i = 0; i < table.rows; i++) {
      if (out.newAllocations[i] !== BigInt.asUintN(64, table.allocations[i]!)) {
        throw new VerifyError('PROGRAM_OUTPUT_MISMATCH', `row ${i} (${table.userIds[i]}): the program gives ${out.newAllocations[i]}, the final table ${table.allocations[i]}`, { row: i, program: out.newAllocations[i]!.toString(), table: table.allocations[i]!.toString() });
      }
    }
    checks.push(passed('program', `the pinned program reproduces all ${table.rows} allocations of the final table (${result.stats.ms.toFixed(0)} ms)`, { rows: table.rows, F: out.F.toString(), W: out.W.toString(), R: out.R.toString(), ms: Math.round(result.stats.ms), memoryPages: result.stats.memoryPages }));
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    checks.push(failed('program', e));
  }
  const g = publics?.[0];
  if (g) {
    if (g.F !== out.F || g.W !== out.W || g.R !== out.R) {
      checks.push(failed('program', new VerifyError('PROGRAM_TOTALS_MISMATCH', 'the program\'s F, W, R differ from the proofs\' public inputs', { program: { F: out.F.toString(), W: out.W.toString(), R: out.R.toString() }, proofs: { F: g.F.toString(), W: g.W.toString(), R: g.R.toString() } })));
    } else {
      checks.push(passed('program', 'the program\'s F, W, R equal the proofs\' public inputs (two independent lines of evidence agree)', { F: out.F.toString(), W: out.W.toString(), R: out.R.toString() }));
    }
  }
  if (referenceQ) {
    const row = out.q.findIndex((q, i) => q !== referenceQ[i]);
    if (row >= 0 || out.q.length !== referenceQ.length) {
      checks.push(failed('program', new VerifyError('PROGRAM_RATES_MISMATCH', `the program's mortality rate of row ${row} differs from the one committed in the inputs roots`, { row, program: out.q[row], committed: referenceQ[row] })));
    } else {
      checks.push(passed('program', 'the program\'s mortality rates are those committed in the inputs batch roots', { rows: out.q.length }));
    }
  }
  return checks;
}
