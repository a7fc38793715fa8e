/**
 * Step "program" (design §2.4, full mode): the allocation program the genesis pins, run through an injected runner
 * (a Node worker in the CLI, a Web Worker in the app) on last month's table, the inputs and the mortality table. Its
 * allocations must be the final table's, its F, W, R the proofs' globals, its rates q those committed in the inputs roots.
 */
import { failed, failedOn, passed, type Check } from '../../check';
import type { BatchPublic } from '../../commit/public-inputs';
import { VerifyError } from '../../errors';
import { runAllocationProgram } from '../../program/host';
import type { AllocationInput, ProgramResult } from '../../program/types';
import type { GenesisPayload } from '../../protocol/payloads';
import type { AllocationTable } from '../../table/allocation';
import { monthInput } from '../month-input';
import type { InscriptionRecord, MessageRecord } from '../records';
import type { Depth } from '../report';
import type { StepResult } from '../step-result';
import { objectBody } from '../table-refs';
import type { FinalTable, MonthTables } from './tables';

/** Runs a WASM allocation program with a time and memory limit (ABI v1); never throws for a bad program. */
export type ProgramRunner = (wasm: Uint8Array, input: AllocationInput) => Promise<ProgramResult>;

/** The program's output against the final table, the proofs' totals and the rates committed in the inputs roots. */
export async function programChecks(
  run: ProgramRunner, wasm: Uint8Array, input: AllocationInput, table: AllocationTable, publics: readonly BatchPublic[] | undefined,
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
      const mine = out.newAllocations[i];
      const theirs = table.allocations[i] ?? 0n;
      if (mine !== BigInt.asUintN(64, theirs)) {
        throw new VerifyError('PROGRAM_OUTPUT_MISMATCH', `row ${i} (${table.userIds[i]}): the program gives ${mine}, the final table ${theirs}`, { row: i, program: String(mine), table: theirs.toString() });
      }
    }
    checks.push(passed('program', `the pinned program reproduces all ${table.rows} allocations of the final table (${result.stats.ms.toFixed(0)} ms)`, { rows: table.rows, F: out.F.toString(), W: out.W.toString(), R: out.R.toString(), ms: Math.round(result.stats.ms), memoryPages: result.stats.memoryPages }));
  } catch (e) {
    checks.push(failedOn('program', e));
  }
  const g = publics?.[0];
  if (g) {
    if (g.F !== out.F || g.W !== out.W || g.R !== out.R) {
      checks.push(failed('program', new VerifyError('PROGRAM_TOTALS_MISMATCH', 'the program\'s F, W, R differ from the proofs\' public inputs', { program: { F: out.F.toString(), W: out.W.toString(), R: out.R.toString() }, proofs: { F: g.F.toString(), W: g.W.toString(), R: g.R.toString() } })));
    } else {
      checks.push(passed('program', 'the program\'s F, W, R equal the proofs\' public inputs (two independent lines of evidence agree)', { F: out.F.toString(), W: out.W.toString(), R: out.R.toString() }));
    }
  }
  return checks;
}

export interface ProgramInput {
  depth: Depth;
  month: number;
  genesis: GenesisPayload;
  records: ReadonlyMap<string, InscriptionRecord>;
  final?: MessageRecord<'final'>;
  tables?: MonthTables;
  finalTable?: FinalTable;
  leadPublics?: readonly BatchPublic[];
  /** Runs the pinned WASM program (a Worker in the browser and the CLI); a same-thread host when absent. */
  run?: ProgramRunner;
}

/**
 * Full depth: the pinned program re-run on last month's table, the inputs and the mortality table. Its value says that
 * it read the final table (whose faults it then reported first).
 */
export async function verifyProgram(input: ProgramInput): Promise<StepResult<{ readFinalTable: true }>> {
  const { tables, final, finalTable } = input;
  const inputs = tables?.inputs?.table;
  const mortality = tables?.mortality;
  const reference = tables?.reference;
  if (input.depth === 'quick' || !final || !reference || !inputs || !mortality || !finalTable || tables.previous === undefined) return { checks: [] };
  let readFinalTable = false;
  try {
    const wasm = objectBody(input.records, input.genesis.program, 'allocation program');
    readFinalTable = true;
    if ('error' in finalTable) throw finalTable.error;
    if (finalTable.notLeads) throw finalTable.notLeads;
    const run = input.run ?? ((w, i) => runAllocationProgram(w, i));
    const args = monthInput(input.genesis.params.start_month, input.month, tables.previous ?? undefined, inputs, mortality);
    const checks = await programChecks(run, wasm, args, finalTable.table, input.leadPublics);
    return { checks, value: { readFinalTable: true } };
  } catch (e) {
    return { checks: [failedOn('program', e)], ...(readFinalTable ? { value: { readFinalTable: true } } : {}) };
  }
}
