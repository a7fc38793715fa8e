/**
 * Step "roots" (docs/protocol.md §8): the final table — its parts read, its rows hashing to the final's root
 * (allocation-formula.md §Commitments), its bytes the table the lead's package names, which makes it the program's —
 * and the month log growing by this month's leaf (RFC 9162, §9). Quick mode: only the depositor's batch is hashed,
 * and the batch roots come from the verified proofs; the depositor's evidence carries their inputs and the formula's
 * terms. An id that is not among the table's rows is an answer about the id (`notInTable`), never a failed check.
 */
import { failed, failedOn, passed, type Check } from '../../check';
import { hexToBytes } from '../../bytes';
import { allocationPathToJson, pathFromBatchRoots, rootFromAllocationPath } from '../../commit/allocation-path';
import { allocationCommitments } from '../../commit/batch-commitments';
import { monthRoot } from '../../commit/batches';
import { userIdField } from '../../commit/user-id';
import { VerifyError } from '../../errors';
import { verifyMonthLogStep, type MonthLogHead, type MonthLogStep } from '../../protocol/month-log';
import type { AllocationTable } from '../../table/allocation';
import type { MessageRecord } from '../records';
import type { AllocationEvidence, Depth, NotInTable } from '../report';
import type { StepResult } from '../step-result';
import type { SignedMonth } from './signatures';
import { depositorInputs } from './depositor-inputs';
import type { MonthNumbers } from './program';
import type { FinalTable, MonthTables } from './tables';

/** Rows `from` to `to` (exclusive) as the commitments hash them. */
const rowsOf = (t: AllocationTable, from = 0, to = t.rows) => t.userIds.slice(from, to).map((u, k) => ({ uid: userIdField(u), allocation: t.allocations[from + k] ?? 0n }));

/** Full mode: every row hashed once, the root compared with the final's. */
export function verifyTableRoot(month: number, table: AllocationTable, batchSize: number, root: string): Check {
  const computed = monthRoot(allocationCommitments(month, rowsOf(table), batchSize));
  if (computed !== BigInt('0x' + root)) {
    return failed('roots', new VerifyError('MERKLE_ROOT_MISMATCH', 'the final table\'s rows do not hash to the month root', { computed: computed.toString(16).padStart(64, '0'), final: root, rows: table.rows }));
  }
  return passed('roots', `all ${table.rows} rows hash to the month root`, { root, rows: table.rows, batchSize });
}

/** What quick mode answers about the depositor: their proven row, or that the id is not in the month's table. */
export type DepositorAnswer = { allocation: AllocationEvidence; notInTable?: never } | { notInTable: NotInTable; allocation?: never };

/**
 * Quick mode: the depositor's row, its batch hashed to the proof's batch root, and its path to the month root through
 * the proven batch roots (only the depositor's batch is hashed). A user id that is not among the rows is a passed check that says so: the table searched is the final's (its parts hash to
 * what the signed final lists), so the absence is proven, and it says nothing against the month.
 */
export function verifyDepositor(month: number, table: AllocationTable & { sha256?: string }, batchSize: number, root: string, batchRoots: readonly bigint[], user: string): { check: Check } & Partial<DepositorAnswer> {
  const row = table.userIds.indexOf(user);
  if (row < 0) {
    return {
      check: passed('roots', `the user id is not among the ${table.rows} rows of this month's table`, { reason: 'MERKLE_USER_NOT_FOUND', rows: table.rows, ...(table.sha256 ? { table: table.sha256 } : {}) }),
      notInTable: { user, rows: table.rows },
    };
  }
  const b = Math.floor(row / batchSize);
  const batch = rowsOf(table, b * batchSize, (b + 1) * batchSize);
  const mine = batch[row - b * batchSize]!;
  try {
    if (b >= batchRoots.length) throw new VerifyError('MERKLE_BATCH_ROOT_MISMATCH', `the table's row ${row} is in batch ${b}; the proofs have ${batchRoots.length} batches`, { row, batch: b, batches: batchRoots.length });
    const path = pathFromBatchRoots(row, batchSize, batch, batchRoots);
    const got = rootFromAllocationPath(month, mine, path);
    if (got.batchRoot !== batchRoots[b]) {
      throw new VerifyError('MERKLE_BATCH_ROOT_MISMATCH', `the table's batch ${b} does not hash to the proven batch root`, { batch: b, computed: got.batchRoot.toString(), proven: String(batchRoots[b]) });
    }
    if (got.monthRoot !== BigInt('0x' + root)) {
      throw new VerifyError('MERKLE_ROOT_MISMATCH', 'the inclusion path does not lead to the month root', { computed: got.monthRoot.toString(16).padStart(64, '0'), expected: root, row });
    }
    const allocation = { user, row, allocation: mine.allocation.toString(), batchIndex: b, path: allocationPathToJson(path) };
    return { check: passed('roots', `the depositor's row ${row} is in batch ${b}, whose proven root leads to the month root`, { row, batch: b, root }), allocation };
  } catch (e) {
    return { check: failedOn('roots', e) };
  }
}

/** The log head grows by one leaf, this month's (consistency from the previous head, inclusion of the new leaf). */
export function verifyLog(previous: MonthLogHead | undefined, step: MonthLogStep, month: number, root: string): Check {
  try {
    verifyMonthLogStep(previous, step, { month, root: hexToBytes(root) });
    return passed('roots', `month log grows from ${previous?.size ?? 0} to ${step.size} with this month's root`, { size: step.size, root: step.root, previous: previous ?? null });
  } catch (e) {
    return failedOn('roots', e);
  }
}

export interface RootsInput {
  depth: Depth;
  month: number;
  batchSize: number;
  final?: MessageRecord<'final'>;
  finalTable?: FinalTable;
  /** Full depth: the program's table (its parts' SHA-256 and root), so a final table that is it needs no re-hashing. */
  programTable?: { sha256: string; root: bigint };
  /** The month it starts from and its final (the previous log head). */
  previous: SignedMonth['previous'];
  /** Quick depth: the depositor, and the proven batch roots of the lead's package. */
  user?: string;
  leadBatchRoots?: readonly bigint[];
  /** Quick depth: the month's tables, the program's numbers and the genesis' start month, for the depositor's inputs. */
  tables?: MonthTables;
  numbers?: MonthNumbers;
  startMonth?: number;
}

/** Full depth: every row to the month root, the table to the lead's, the month log; quick depth: the depositor's row. */
export function verifyRoots(input: RootsInput): StepResult<DepositorAnswer> {
  const { final, finalTable, month, batchSize: B } = input;
  if (!final || !finalTable) return { checks: [] };
  try {
    if ('error' in finalTable) throw finalTable.error;
    const table = finalTable.table;
    const root = final.payload.root;
    if (input.depth === 'quick') {
      if (input.user === undefined || !input.leadBatchRoots) return { checks: [] };
      const d = verifyDepositor(month, { ...table, sha256: finalTable.sha256 }, B, root, input.leadBatchRoots, input.user);
      if (d.notInTable) return { checks: [d.check], value: { notInTable: d.notInTable } };
      if (!d.allocation) return { checks: [d.check] };
      const inputs = input.startMonth === undefined ? undefined : depositorInputs(d.allocation.row, input.tables, input.numbers, input.startMonth, month);
      return { checks: [d.check], value: { allocation: { ...d.allocation, ...(inputs ? { inputs } : {}) } } };
    }
    const checks: Check[] = [];
    const known = input.programTable?.sha256 === finalTable.sha256 ? input.programTable : undefined;
    if (known && known.root === BigInt('0x' + root)) checks.push(passed('roots', `all ${table.rows} rows hash to the month root (the final's table is the program's)`, { root, rows: table.rows, batchSize: B }));
    else checks.push(verifyTableRoot(month, table, B, root));
    if (finalTable.notLeads) checks.push(failed('roots', finalTable.notLeads));
    const { previous } = input;
    if (previous.month >= 1 && !previous.final) {
      checks.push(failed('roots', new VerifyError('MERKLE_PREVIOUS_MISSING', `month ${previous.month}'s final (the previous log head, confirmed by its end) was not found`, { month: previous.month })));
    } else {
      const head = previous.final?.payload.log;
      checks.push(verifyLog(head ? { size: head.size, root: head.root } : undefined, final.payload.log, month, root));
    }
    return { checks };
  } catch (e) {
    return { checks: [failedOn('roots', e)] };
  }
}
