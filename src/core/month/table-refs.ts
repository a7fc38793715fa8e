/** A month's tables from bound inscriptions: parts by id in listing order, sha256 and row counts checked, joined (docs/protocol.md §2.2). */
import { bytesToHex, concatBytes, sha256 } from '../bytes';
import { VerifyError } from '../errors';
import { CONTENT_TYPES } from '../protocol/message';
import type { FileRef, TableRef } from '../protocol/payloads';
import { joinParts } from '../table/parts';
import { checkPartCounts } from '../table/split';
import type { TableKind } from '../table/table-kind';
import type { InscriptionRecord } from './records';

/** The bound inscription a reference names, its body's SHA-256 checked against the reference. */
function boundObject(records: ReadonlyMap<string, InscriptionRecord>, ref: FileRef, what: string): InscriptionRecord {
  const r = records.get(ref.inscription);
  if (!r) throw new VerifyError('TABLE_PART_MISSING', `${what} ${ref.inscription} is not a bound drey/1 inscription`, { inscription: ref.inscription });
  if (r.bodySha256 !== ref.sha256) {
    throw new VerifyError('TABLE_PART_HASH', `${what} ${ref.inscription} does not hash to the referenced sha256`, { inscription: ref.inscription, sha256: r.bodySha256, referenced: ref.sha256 });
  }
  return r;
}

/** The bound body of a referenced object, its SHA-256 checked against the reference. */
export function objectBody(records: ReadonlyMap<string, InscriptionRecord>, ref: FileRef, what: string): Uint8Array {
  return boundObject(records, ref, what).body;
}

/** A table read from its parts: the table, the SHA-256 of the concatenated part bodies (the table's hash), the bodies. */
export interface TableFromRef<T> {
  table: T;
  sha256: string;
  parts: Uint8Array[];
}

/** Join a table's parts (its row counts first bounded by the split rule, as the fetch layer bounded them; each a bound drey/1 Parquet inscription with the referenced SHA-256). */
export async function tableFromRef<T>(kind: TableKind<T, unknown>, ref: TableRef, records: ReadonlyMap<string, InscriptionRecord>): Promise<TableFromRef<T>> {
  checkPartCounts(kind.columns, ref.parts.map((p) => p.rows));
  const parts = ref.parts.map((p, i) => {
    const r = boundObject(records, p, `${kind.name} table part ${i}`);
    if (r.contentType !== CONTENT_TYPES.table) throw new VerifyError('TABLE_CONTENT_TYPE', `part ${i} has content type ${r.contentType}`, { inscription: p.inscription });
    return r.body;
  });
  const table = await joinParts(kind, parts, ref.parts.map((p, i) => ({ sha256: p.sha256, rows: p.rows, bytes: parts[i]?.length ?? 0 })));
  return { table, sha256: bytesToHex(sha256(concatBytes(...parts))), parts };
}
