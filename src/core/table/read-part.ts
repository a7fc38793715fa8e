/** Decode one untrusted table file (a whole table or one part) to checked columns (docs/tables.md §Reading). */
import { parquetMetadata, parquetRead, type DecodedArray, type FileMetaData } from 'hyparquet';
import { asVerifyError, VerifyError } from '../errors';
import { equalBytes } from '../bytes';
import { minRowPayloadBytes, type ColumnSpec, type Columns, type ColumnValues } from './columns';
import { encodeColumns } from './encode';
import { checkLayout, checkRowCount, checkSchema } from './layout';
import { MAX_PART_BYTES, PART_PAYLOAD_BUDGET } from './limits';
import { checkedSnappy } from './snappy-check';

export interface DecodedPart {
  rows: number;
  columns: Columns;
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const parsers = {
  stringFromBytes(bytes: Uint8Array): string {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      throw new VerifyError('TABLE_UTF8', 'a string value is not valid UTF-8', { bytes: bytes.length });
    }
  },
};

function hasMagic(bytes: Uint8Array): boolean {
  const n = bytes.length;
  return n >= 12 && PAR1.every((b, i) => bytes[i] === b && bytes[n - 4 + i] === b);
}

function readMetadata(file: ArrayBuffer): FileMetaData {
  try {
    return parquetMetadata(file, { geoparquet: false });
  } catch (e) {
    throw asVerifyError(e, 'TABLE_NOT_PARQUET', 'Parquet footer');
  }
}

function toColumn(spec: ColumnSpec, chunks: DecodedArray[], rows: number): ColumnValues {
  const values: ArrayLike<unknown> = chunks.length === 1 ? chunks[0]! : [];
  const bad = (): never => {
    throw new VerifyError('TABLE_NOT_PARQUET', `column ${spec.name} did not decode to ${rows} ${spec.type} values`, { column: spec.name, decoded: values.length });
  };
  if (values.length !== rows) bad();
  switch (spec.type) {
    case 'UTF8': {
      const out = Array.from(values);
      if (!out.every((v) => typeof v === 'string')) bad();
      return out as string[];
    }
    case 'INT32':
      return values instanceof Int32Array ? values.slice() : bad();
    case 'INT64':
      return values instanceof BigInt64Array ? values.slice() : bad();
    case 'BOOLEAN': {
      const out = new Uint8Array(rows);
      for (let i = 0; i < rows; i++) {
        const v = values[i];
        if (typeof v !== 'boolean') bad();
        out[i] = v ? 1 : 0;
      }
      return out;
    }
  }
}

/**
 * Size limit, footer, schema and layout first; then decode with hyparquet; then re-encode canonically and compare,
 * so any two accepted files with the same rows are the same bytes. Every defect is a TABLE_* VerifyError.
 */
export async function readTablePart(bytes: Uint8Array, specs: readonly ColumnSpec[]): Promise<DecodedPart> {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('readTablePart: bytes must be a Uint8Array');
  if (bytes.length > MAX_PART_BYTES) {
    throw new VerifyError('TABLE_TOO_LARGE', `a table file is at most ${MAX_PART_BYTES} bytes`, { bytes: bytes.length });
  }
  if (!hasMagic(bytes)) throw new VerifyError('TABLE_NOT_PARQUET', 'not a Parquet file (no PAR1 magic at both ends)', { bytes: bytes.length });
  const file = bytes.slice().buffer;
  const metadata = readMetadata(file);
  checkSchema(metadata, specs);
  const rows = checkRowCount(metadata, Math.floor(PART_PAYLOAD_BUDGET / minRowPayloadBytes(specs)));
  checkLayout(metadata, bytes, specs, rows);

  const chunks = new Map<string, DecodedArray[]>(specs.map((s) => [s.name, []]));
  try {
    await parquetRead({
      file,
      metadata,
      parsers,
      compressors: { SNAPPY: checkedSnappy },
      onChunk: ({ columnName, columnData }) => chunks.get(columnName)?.push(columnData),
    });
  } catch (e) {
    throw asVerifyError(e, 'TABLE_NOT_PARQUET', 'Parquet data');
  }
  const columns: Columns = {};
  for (const spec of specs) columns[spec.name] = toColumn(spec, chunks.get(spec.name)!, rows);

  if (!equalBytes(encodeColumns(specs, columns), bytes)) {
    throw new VerifyError('TABLE_NOT_CANONICAL', 'the file is not the canonical encoding of its rows', { rows });
  }
  return { rows, columns };
}
