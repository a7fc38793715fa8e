/** Tables published in parts: the listing, the split for producers, the join for verifiers (docs/tables.md §Parts). */
import { bytesToHex, sha256 } from '../bytes';
import { VerifyError } from '../errors';
import { concatColumn, type Columns } from './columns';
import { encodeColumns } from './encode';
import { MAX_PART_BYTES, MAX_PARTS, MAX_TABLE_ROWS } from './limits';
import { readTablePart } from './read-part';
import { checkTableSplit, partRowCounts } from './split';
import type { TableKind } from './table-kind';

/** One entry of the `parts` list in the referencing message. */
export interface PartEntry {
  /** Lowercase hex sha256 of the part's bytes. */
  sha256: string;
  rows: number;
  bytes: number;
}

export interface TablePart extends PartEntry {
  data: Uint8Array;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function listingError(message: string, evidence: Record<string, unknown> = {}): never {
  throw new VerifyError('TABLE_LISTING', message, evidence);
}

function positiveInt(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= max;
}

/** Check an untrusted `parts` value from a message: 1..1024 entries of exactly {sha256, rows, bytes}. */
export function parsePartListing(value: unknown): PartEntry[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_PARTS) {
    listingError(`parts must be a list of 1..${MAX_PARTS} entries`);
  }
  let rows = 0;
  const entries = value.map((e: unknown, index): PartEntry => {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) listingError(`part ${index} is not an object`, { index });
    const keys = Object.keys(e).sort().join(',');
    if (keys !== 'bytes,rows,sha256') listingError(`part ${index} must have exactly sha256, rows, bytes`, { index, keys });
    const { sha256: hash, rows: r, bytes } = e as Record<string, unknown>;
    if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) listingError(`part ${index} sha256 must be 64 lowercase hex digits`, { index });
    if (!positiveInt(r, MAX_TABLE_ROWS)) listingError(`part ${index} rows must be a positive integer`, { index, rows: r });
    if (!positiveInt(bytes, MAX_PART_BYTES)) {
      throw new VerifyError('TABLE_TOO_LARGE', `part ${index} must be 1..${MAX_PART_BYTES} bytes`, { index, bytes });
    }
    rows += r;
    return { sha256: hash, rows: r, bytes };
  });
  if (rows > MAX_TABLE_ROWS) throw new VerifyError('TABLE_TOO_LARGE', `a table has at most ${MAX_TABLE_ROWS} rows`, { rows });
  return entries;
}

function sliceColumns(kind: TableKind<unknown, unknown>, columns: Columns, start: number, end: number): Columns {
  const out: Columns = {};
  for (const spec of kind.columns) out[spec.name] = columns[spec.name]!.slice(start, end);
  return out;
}

/**
 * Producer side: encode rows as the canonical parts of the split rule, each with its sha256.
 * A table whose rows fit one part is a single part. Rows are not validated here.
 */
export function splitIntoParts<Row>(kind: TableKind<unknown, Row>, rows: readonly Row[]): TablePart[] {
  const columns = kind.columnsFromRows(rows);
  const parts: TablePart[] = [];
  let start = 0;
  for (const count of partRowCounts(kind.columns, columns, rows.length)) {
    const data = encodeColumns(kind.columns, sliceColumns(kind as TableKind<unknown, unknown>, columns, start, start + count));
    if (data.length > MAX_PART_BYTES) throw new RangeError(`part of ${count} rows encodes to ${data.length} bytes`);
    parts.push({ data, sha256: bytesToHex(sha256(data)), rows: count, bytes: data.length });
    start += count;
  }
  return parts;
}

/** The listing a message carries for these parts. */
export function partListing(parts: readonly TablePart[]): PartEntry[] {
  return parts.map(({ sha256: hash, rows, bytes }) => ({ sha256: hash, rows, bytes }));
}

/**
 * Verifier side: check each part's size and sha256 against the listing (in order), decode it, check its row count,
 * concatenate, then check the whole table's rules and that the split is the canonical one.
 */
export async function joinParts<Table>(kind: TableKind<Table, unknown>, parts: readonly Uint8Array[], listing: readonly PartEntry[]): Promise<Table> {
  if (parts.length !== listing.length) {
    throw new VerifyError('TABLE_PART_COUNT', `the listing names ${listing.length} parts, ${parts.length} were given`, { listed: listing.length, given: parts.length });
  }
  const chunks = new Map<string, Columns[string][]>(kind.columns.map((s) => [s.name, []]));
  let rows = 0;
  for (let index = 0; index < parts.length; index++) {
    const data = parts[index]!;
    const entry = listing[index]!;
    if (data.length !== entry.bytes) {
      throw new VerifyError('TABLE_PART_SIZE', `part ${index} has ${data.length} bytes, the listing says ${entry.bytes}`, { index, bytes: data.length, listed: entry.bytes });
    }
    const hash = bytesToHex(sha256(data));
    if (hash !== entry.sha256) {
      throw new VerifyError('TABLE_PART_HASH', `part ${index} does not hash to the listed sha256`, { index, sha256: hash, listed: entry.sha256 });
    }
    const part = await readTablePart(data, kind.columns).catch((e: unknown) => {
      if (e instanceof VerifyError) e.evidence.part = index;
      throw e;
    });
    if (part.rows !== entry.rows) {
      throw new VerifyError('TABLE_PART_ROWS', `part ${index} holds ${part.rows} rows, the listing says ${entry.rows}`, { index, rows: part.rows, listed: entry.rows });
    }
    for (const spec of kind.columns) chunks.get(spec.name)!.push(part.columns[spec.name]!);
    rows += part.rows;
  }
  const columns: Columns = {};
  for (const spec of kind.columns) columns[spec.name] = concatColumn(spec.type, chunks.get(spec.name)!);
  const table = kind.tableFromColumns(columns, rows);
  checkTableSplit(kind.columns, columns, listing.map((e) => e.rows));
  return table;
}
