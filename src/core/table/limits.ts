/** Numeric limits of the v1 tables (docs/tables.md §Limits; bounds from docs/allocation-formula.md). */

/** Largest inscribed object: a table file (or each of its parts) is at most this many bytes (design §2.1). */
export const MAX_PART_BYTES = 350_000;

/**
 * Split rule: a part holds consecutive rows while the sum of their PLAIN payload bytes stays within this budget.
 * Chosen so that even incompressible data (Snappy's worst case is 32 + n + n/6 bytes) plus page headers and the
 * footer stays under MAX_PART_BYTES.
 */
export const PART_PAYLOAD_BUDGET = 290_000;

/** Most parts one table may have, and most rows a whole table may have. */
export const MAX_PARTS = 1_024;
export const MAX_TABLE_ROWS = 1 << 21;

/** Every allocation, deposit and total is below 2^53 (docs/allocation-formula.md §Units). */
export const MAX_AMOUNT = 2n ** 53n;

/** Mortality rates: parts per billion, at most Q/2 (docs/allocation-formula.md). */
export const Q_PPB = 1_000_000_000n;
export const MAX_Q_PPB = Q_PPB / 2n;

export const MAX_AGE = 120;
export const MAX_GEOGRAPHIES = 256;

export const MAX_USER_ID_BYTES = 64;
export const MAX_DEPOSIT_ADDRESS_BYTES = 90;

/** Row 0 of the inputs and allocation tables; no other row may use the `drey:` prefix. */
export const RESERVE_USER_ID = 'drey:reserve';
export const RESERVED_PREFIX = 'drey:';

/** The Parquet `created_by` every canonical table carries. */
export const CREATED_BY = 'drey/1';
