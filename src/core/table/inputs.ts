/** The month's inputs table, published by the Proof-of-Life service in the `inputs` message (docs/tables.md §Inputs table). */
import { VerifyError } from '../errors';
import { booleanColumn, int32Column, int64Column, utf8Column, type Columns } from './columns';
import { checkAmounts } from './amounts';
import { MAX_DEPOSIT_ADDRESS_BYTES, MAX_GEOGRAPHIES, MAX_USER_ID_BYTES } from './limits';
import type { TableKind } from './table-kind';
import { checkUserIds } from './user-id';
import { isDate } from './date';

export interface InputsRow {
  userId: string;
  /** yyyymmdd; 0 for the reserve row. */
  dateOfBirth: number;
  /** 0 female, 1 male. */
  sex: number;
  /** Index into the mortality table's geographies. */
  geography: number;
  /** Where the member deposits; may be empty. */
  depositAddress: string;
  /** Satoshis deposited this month. */
  deposit: bigint;
  alive: boolean;
}

export interface InputsTable {
  rows: number;
  userIds: string[];
  dateOfBirth: Int32Array;
  sex: Int32Array;
  geography: Int32Array;
  depositAddress: string[];
  deposit: BigInt64Array;
  /** 1 alive, 0 died this month (or earlier). */
  alive: Uint8Array;
  /** Σ deposits (< 2^53). */
  totalDeposit: bigint;
}

// Printable ASCII only: addresses are bech32/base58 strings.
const ADDRESS = /^[\x21-\x7e]*$/;

function rangeError(row: number, column: string, rule: string, value: unknown): never {
  throw new VerifyError('TABLE_RANGE', `${column} of row ${row} ${rule}`, { row, column, value: String(value) });
}

function checkRow(t: InputsTable, row: number): void {
  const dob = t.dateOfBirth[row]!;
  const sex = t.sex[row]!;
  const geo = t.geography[row]!;
  const address = t.depositAddress[row]!;
  if (row === 0) {
    if (dob !== 0 || sex !== 0 || geo !== 0 || address !== '' || t.deposit[0] !== 0n || t.alive[0] !== 1) {
      throw new VerifyError('TABLE_RESERVE_ROW', 'the reserve row is 0, 0, 0, "", 0, alive', { row });
    }
    return;
  }
  if (!isDate(dob)) rangeError(row, 'date_of_birth', 'must be a calendar date yyyymmdd from 1850', dob);
  if (sex !== 0 && sex !== 1) rangeError(row, 'sex', 'must be 0 or 1', sex);
  if (geo < 0 || geo >= MAX_GEOGRAPHIES) rangeError(row, 'geography', `must be in [0, ${MAX_GEOGRAPHIES})`, geo);
  if (address.length > MAX_DEPOSIT_ADDRESS_BYTES || !ADDRESS.test(address)) {
    rangeError(row, 'deposit_address', `must be at most ${MAX_DEPOSIT_ADDRESS_BYTES} printable ASCII characters`, address.slice(0, 100));
  }
  if (t.alive[row] === 0 && t.deposit[row] !== 0n) rangeError(row, 'deposit', 'must be 0 for a deceased member', t.deposit[row]);
}

export const INPUTS: TableKind<InputsTable, InputsRow> = {
  name: 'inputs',
  columns: [
    utf8Column('user_id', MAX_USER_ID_BYTES),
    int32Column('date_of_birth'),
    int32Column('sex'),
    int32Column('geography'),
    utf8Column('deposit_address', MAX_DEPOSIT_ADDRESS_BYTES),
    int64Column('deposit'),
    booleanColumn('alive'),
  ],
  columnsFromRows: (rows) => ({
    user_id: rows.map((r) => r.userId),
    date_of_birth: Int32Array.from(rows, (r) => r.dateOfBirth),
    sex: Int32Array.from(rows, (r) => r.sex),
    geography: Int32Array.from(rows, (r) => r.geography),
    deposit_address: rows.map((r) => r.depositAddress),
    deposit: BigInt64Array.from(rows, (r) => r.deposit),
    alive: Uint8Array.from(rows, (r) => (r.alive ? 1 : 0)),
  }),
  tableFromColumns(columns: Columns, rows: number): InputsTable {
    const userIds = columns.user_id as string[];
    checkUserIds(userIds);
    const deposit = columns.deposit as BigInt64Array;
    const totalDeposit = checkAmounts(deposit, 'deposit');
    const table: InputsTable = {
      rows,
      userIds,
      dateOfBirth: columns.date_of_birth as Int32Array,
      sex: columns.sex as Int32Array,
      geography: columns.geography as Int32Array,
      depositAddress: columns.deposit_address as string[],
      deposit,
      alive: columns.alive as Uint8Array,
      totalDeposit,
    };
    for (let row = 0; row < rows; row++) checkRow(table, row);
    return table;
  },
};
