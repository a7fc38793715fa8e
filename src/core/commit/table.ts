/** The rows a month commits to (docs/allocation-formula.md): allocation rows and inputs rows, with field-element ids. */

/** One row of an allocation table: userIdField and allocation in Dreybits. */
export interface AllocationRow {
  uid: bigint;
  allocation: bigint;
}

/** One row of a month's inputs: userIdField, alive, deposit in satoshis, monthly mortality rate q (ppb). */
export interface InputsRow {
  uid: bigint;
  alive: boolean;
  deposit: bigint;
  q: bigint;
}
