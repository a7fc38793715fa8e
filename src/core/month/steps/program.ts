/**
 * Step "program" (docs/protocol.md §8): the month's numbers from the allocation program the genesis pins, run through
 * an injected runner (a Node worker in the CLI, a Web Worker in the app) on the previous table, this month's inputs and
 * the mortality table — every row's rate q and new allocation, and F, W, R — and, at full depth, the program's
 * allocation table as the protocol encodes it (its SHA-256 over the parts, and its month root). Packages, proofs and the
 * final are judged against these numbers; the verifier derives none of them with a formula of its own.
 */
import { concatBytes, bytesToHex, sha256 } from '../../bytes';
import { failed, failedOn, passed } from '../../check';
import { allocationCommitments } from '../../commit/batch-commitments';
import { monthRoot } from '../../commit/batches';
import { userIdField } from '../../commit/user-id';
import { VerifyError } from '../../errors';
import { runAllocationProgram } from '../../program/host';
import type { AllocationInput, ProgramResult } from '../../program/types';
import type { GenesisPayload } from '../../protocol/payloads';
import { ALLOCATION, type AllocationRow } from '../../table/allocation';
import { splitIntoParts } from '../../table/parts';
import { monthInput } from '../month-input';
import type { FileRecord } from '../records';
import type { Depth } from '../report';
import type { StepResult } from '../step-result';
import { objectBody } from '../table-refs';
import type { MonthTables } from './tables';

/** Runs a WASM allocation program with a time and memory limit (ABI v1); never throws for a bad program. */
export type ProgramRunner = (wasm: Uint8Array, input: AllocationInput) => Promise<ProgramResult>;

/** The month as the pinned program computes it. */
export interface MonthNumbers {
  /** Each inputs row's monthly mortality rate (ppb): the `q` of the inputs batch roots. */
  q: Uint32Array;
  allocations: BigUint64Array;
  /** Each row's weight and share of the month's forfeitures (a depositor's evidence shows them). */
  w: BigUint64Array;
  share: BigUint64Array;
  F: bigint;
  W: bigint;
  R: bigint;
  /** Full depth: the program's allocation table, the SHA-256 of its parts (§12) and its month root. */
  table?: { rows: AllocationRow[]; sha256: string; root: bigint };
}

export interface ProgramInput {
  depth: Depth;
  month: number;
  genesis: GenesisPayload;
  records: ReadonlyMap<string, FileRecord>;
  tables?: MonthTables;
  /** Runs the pinned WASM program (a Worker in the browser and the CLI); a same-thread host when absent. */
  run?: ProgramRunner;
}

/** The program's table: the inputs' user ids with the program's allocations, its parts' SHA-256 and its root. */
export function programTable(month: number, batchSize: number, userIds: readonly string[], allocations: ArrayLike<bigint>): NonNullable<MonthNumbers['table']> {
  const rows = userIds.map((userId, i) => ({ userId, allocation: allocations[i] ?? 0n }));
  const parts = splitIntoParts(ALLOCATION, rows).map((p) => p.data);
  const root = monthRoot(allocationCommitments(month, rows.map((r) => ({ uid: userIdField(r.userId), allocation: r.allocation })), batchSize));
  return { rows, sha256: bytesToHex(sha256(concatBytes(...parts))), root };
}

/** Both depths: the pinned program on the month's tables; a program that fails, or inputs out of order, fail the month. */
export async function verifyProgram(input: ProgramInput): Promise<StepResult<MonthNumbers>> {
  const { tables, genesis } = input;
  const inputs = tables?.inputs?.table;
  if (!tables || !inputs || !tables.mortality || tables.previous === undefined) return { checks: [] };
  try {
    const args = monthInput(genesis.params.start_month, input.month, tables.previous ?? undefined, inputs, tables.mortality);
    const wasm = objectBody(input.records, genesis.program, 'allocation program');
    const result = await (input.run ?? ((w, i) => runAllocationProgram(w, i)))(wasm, args);
    if (!result.ok) {
      const code = result.error.code.startsWith('PROGRAM_') ? result.error.code : 'PROGRAM_TRAP';
      return { checks: [failed('program', new VerifyError(code, result.error.message, result.error.evidence))] };
    }
    const out = result.output;
    const numbers: MonthNumbers = { q: out.q, allocations: out.newAllocations, w: out.w, share: out.share, F: out.F, W: out.W, R: out.R };
    if (input.depth === 'full') numbers.table = programTable(input.month, genesis.params.batch_size, inputs.userIds, out.newAllocations);
    return {
      checks: [passed('program', `the pinned program computed the month's ${inputs.rows} allocations and rates (${result.stats.ms.toFixed(0)} ms)`, {
        rows: inputs.rows, F: out.F.toString(), W: out.W.toString(), R: out.R.toString(), ms: Math.round(result.stats.ms), memoryPages: result.stats.memoryPages,
        ...(numbers.table ? { table: numbers.table.sha256, root: numbers.table.root.toString(16).padStart(64, '0') } : {}),
      })],
      value: numbers,
    };
  } catch (e) {
    return { checks: [failedOn('program', e)] };
  }
}
