/**
 * The month's tables, read from bound inscriptions (docs/protocol.md §6.0, §8, §12): the table of the month it starts
 * from, this month's inputs (the first `inputs` confirmed by the anchor), the mortality table the genesis pins; and the
 * final's table. The program runs on the first three, so a table that cannot be read fails the program step, before
 * any actuary is judged; the final table's faults are reported by the step reading it.
 */
import { failedOn } from '../../check';
import { VerifyError } from '../../errors';
import type { GenesisPayload } from '../../protocol/payloads';
import { ALLOCATION, type AllocationTable } from '../../table/allocation';
import { INPUTS, type InputsTable } from '../../table/inputs';
import { MORTALITY } from '../../table/mortality';
import { mortalityLookup, type MortalityLookup } from '../../table/mortality-lookup';
import { parseTable } from '../../table/table-file';
import type { FileRecord, MessageRecord } from '../records';
import { selectInputs } from '../select-inputs';
import type { StepResult } from '../step-result';
import { objectBody, tableFromRef, type TableFromRef } from '../table-refs';
import type { SignedMonth } from './signatures';

/** What could be read, in reading order: a failure leaves the later fields absent. */
export interface MonthTables {
  /** Last month's allocation table (null when the month starts from none). */
  previous?: AllocationTable | null;
  inputs?: TableFromRef<InputsTable>;
  mortality?: MortalityLookup;
}

export interface TablesInput {
  genesis: GenesisPayload;
  month: number;
  records: ReadonlyMap<string, FileRecord>;
  previous: SignedMonth['previous'];
  /** The month's `inputs` messages, in chain order. */
  inputs: readonly MessageRecord<'inputs'>[];
  anchor: number;
}

/** Last month's table, this month's inputs and the mortality table; a failure is a failed program check. */
export async function readMonthTables(input: TablesInput): Promise<StepResult<MonthTables>> {
  const { genesis, records, previous } = input;
  const tables: MonthTables = {};
  try {
    if (previous.month >= 1 && !previous.final) throw new VerifyError('TABLE_PREVIOUS_MISSING', `month ${previous.month}'s final (confirmed by its end) was not found: the previous table is unknown`, { month: previous.month });
    const last = previous.final ? (await tableFromRef(ALLOCATION, previous.final.payload.table, records)).table : null;
    tables.previous = last;
    const inputs = await tableFromRef(INPUTS, selectInputs(input.inputs, input.anchor).payload.table, records);
    tables.inputs = inputs;
    const mortality = mortalityLookup(await parseTable(MORTALITY, objectBody(records, genesis.mortality_table, 'mortality table')));
    tables.mortality = mortality;
    return { checks: [], value: tables };
  } catch (e) {
    return { checks: [failedOn('program', e)], value: tables };
  }
}

/**
 * The final's table as read: its parts joined and hashed, or why it cannot be read. `notLeads` is set when it is not
 * the table the lead's package names: the first step that reads the table reports that once and goes on with it.
 */
export type FinalTable = (TableFromRef<AllocationTable> & { notLeads?: VerifyError }) | { error: VerifyError };

export async function readFinalTable(final: MessageRecord<'final'>, records: ReadonlyMap<string, FileRecord>, leadTableSha256: string | undefined): Promise<FinalTable> {
  try {
    const read = await tableFromRef(ALLOCATION, final.payload.table, records);
    if (leadTableSha256 === undefined || leadTableSha256 === read.sha256) return read;
    return { ...read, notLeads: new VerifyError('TABLE_HASH_MISMATCH', 'the final table is not the one the lead\'s package names', { table: read.sha256, package: leadTableSha256 }) };
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return { error: e };
  }
}
