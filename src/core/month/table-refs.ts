/** A month's tables from bound inscriptions: parts by id in listing order, sha256 and row counts checked, joined (docs/protocol.md §2.2). */
import { bytesToHex, concatBytes, sha256 } from '../bytes';
import { VerifyError } from '../errors';
import { CONTENT_TYPES } from '../protocol/message';
import type { FileRef, TableRef } from '../protocol/payloads';
import { joinParts } from '../table/parts';
import { checkPartCounts } from '../table/split';
import type { TableKind } from '../table/table-kind';
import type { FileRecord } from './records';

/**
 * The file a reference names, its body's SHA-256 checked against the reference. A bound inscription that does not
 * match is the signer's fault (TABLE_PART_HASH); a file taken by its hash (quick depth, docs/protocol.md §2.4) that
 * does not match, or whose envelope does not say what `contentType` requires, is only what a host served: the month is
 * unavailable (FETCH_BAD_BODY), never rejected — the fetch layer binds such a file instead of taking it by hash.
 */
function boundObject(records: ReadonlyMap<string, FileRecord>, ref: FileRef, what: string, contentType?: string): FileRecord {
  const r = records.get(ref.inscription);
  if (!r) throw new VerifyError('TABLE_PART_MISSING', `${what} ${ref.inscription} is not a bound drey/1 inscription`, { inscription: ref.inscription });
  if (r.bound === 'sha256' && (r.bodySha256 !== ref.sha256 || (contentType !== undefined && r.contentType !== contentType))) {
    throw new VerifyError('FETCH_BAD_BODY', `${what} ${ref.inscription} as served does not hash to the referenced sha256 or has another content type, and is not bound to its commit output`, { inscription: ref.inscription, sha256: r.bodySha256, referenced: ref.sha256, contentType: r.contentType });
  }
  if (r.bodySha256 !== ref.sha256) {
    throw new VerifyError('TABLE_PART_HASH', `${what} ${ref.inscription} does not hash to the referenced sha256`, { inscription: ref.inscription, sha256: r.bodySha256, referenced: ref.sha256 });
  }
  return r;
}

/** The body of a referenced file, its SHA-256 checked against the reference. */
export function objectBody(records: ReadonlyMap<string, FileRecord>, ref: FileRef, what: string): Uint8Array {
  return boundObject(records, ref, what).body;
}

/** A table read from its parts: the table, the SHA-256 of the concatenated part bodies (the table's hash), the bodies. */
export interface TableFromRef<T> {
  table: T;
  sha256: string;
  parts: Uint8Array[];
}

/** Join a table's parts (its row counts first bounded by the split rule, as the fetch layer bounded them; each a bound drey/1 Parquet inscription with the referenced SHA-256). */
export async function tableFromRef<T>(kind: TableKind<T, unknown>, ref: TableRef, records: ReadonlyMap<string, FileRecord>): Promise<TableFromRef<T>> {
  checkPartCounts(kind.columns, ref.parts.map((p) => p.rows));
  const parts = ref.parts.map((p, i) => {
    const r = boundObject(records, p, `${kind.name} table part ${i}`, CONTENT_TYPES.table);
    if (r.contentType !== CONTENT_TYPES.table) throw new VerifyError('TABLE_CONTENT_TYPE', `part ${i} has content type ${r.contentType}`, { inscription: p.inscription });
    return r.body;
  });
  const table = await joinParts(kind, parts, ref.parts.map((p, i) => ({ sha256: p.sha256, rows: p.rows, bytes: parts[i]?.length ?? 0 })));
  return { table, sha256: bytesToHex(sha256(concatBytes(...parts))), parts };
}
