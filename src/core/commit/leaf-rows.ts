/**
 * The rows a month commits to as its leaves hash them (docs/allocation-formula.md): user ids as field elements, values
 * as bigints. The tables' own rows (user id strings, every column) are table/allocation.ts and table/inputs.ts.
 */

/** One allocation leaf's row: userIdField and allocation in Dreybits. */
export interface AllocationLeafRow {
  uid: bigint;
  allocation: bigint;
}

/** One inputs leaf's row: userIdField, alive, deposit in satoshis, monthly mortality rate q (ppb). */
export interface InputsLeafRow {
  uid: bigint;
  alive: boolean;
  deposit: bigint;
  q: bigint;
}
