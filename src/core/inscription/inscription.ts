/** An envelope's payload read as an inscription: fields, body and field flags (ord `envelope.rs` + `inscription.rs`). */
import type { RawEnvelope } from './envelope';
import { inscriptionIdFromValue } from './inscription-id';
import {
  TAG, concat, fieldsFromItems, hasUnrecognizedEvenField, tagNames, takeArray, takeField, type TagName,
} from './tags';
import { headerValueOrUndefined, utf8OrUndefined } from './text';

export interface Inscription {
  input: number;
  offset: number;
  /**
   * null when the payload has no body separator (ord's `body: None`), distinct from an empty body. Body, metadata and
   * properties are fresh copies; the other byte fields are views into the transaction bytes.
   */
  body: Uint8Array | null;
  /** UTF-8 MIME type; null when absent or not valid UTF-8 (the inscription stays valid). */
  contentType: string | null;
  contentEncoding: string | null;
  metaprotocol: string | null;
  /** Decoded pointer (u64 LE, trailing zeros optional); null when absent or when a byte beyond the 8th is non-zero. */
  pointer: bigint | null;
  /** Raw pointer field: its mere presence curses the inscription. */
  pointerBytes: Uint8Array | null;
  /** Parent ids that decode; malformed parent values are dropped as ord drops them. */
  parents: string[];
  /** Number of parent fields, valid or not. */
  parentFields: number;
  delegate: string | null;
  /** All metadata chunks concatenated (CBOR, not decoded here). */
  metadata: Uint8Array | null;
  properties: Uint8Array | null;
  propertyEncoding: Uint8Array | null;
  rune: Uint8Array | null;
  /** Known tags present, in order of first appearance; unknown tag keys as hex. */
  tags: TagName[];
  unknownTags: string[];
  duplicateField: boolean;
  incompleteField: boolean;
  unrecognizedEvenField: boolean;
  pushnum: boolean;
  stutter: boolean;
}

/** A pointer field as a u64: missing trailing bytes are zero; any non-zero byte beyond the 8th voids it. */
export function pointerFromValue(value: Uint8Array): bigint | null {
  for (let i = 8; i < value.length; i++) if (value[i] !== 0) return null;
  let n = 0n;
  for (let i = Math.min(value.length, 8) - 1; i >= 0; i--) n = (n << 8n) | BigInt(value[i]!);
  return n;
}

/** ord's conversion of a raw envelope: body after the first empty item at an even index, tag/value pairs before it. */
export function inscriptionFromEnvelope(envelope: RawEnvelope): Inscription {
  const items = envelope.payload;
  let bodyAt = -1;
  for (let i = 0; i < items.length; i += 2) {
    if (items[i]!.length === 0) {
      bodyAt = i;
      break;
    }
  }
  const { fields, incompleteField } = fieldsFromItems(items, bodyAt < 0 ? items.length : bodyAt);
  const { known, unknown } = tagNames(fields);
  let duplicateField = false;
  for (const values of fields.values()) if (values.length > 1) duplicateField = true;

  const contentEncoding = takeField(fields, TAG.contentEncoding);
  const contentType = takeField(fields, TAG.contentType);
  const delegate = takeField(fields, TAG.delegate);
  const metadata = takeField(fields, TAG.metadata);
  const metaprotocol = takeField(fields, TAG.metaprotocol);
  const parents = takeArray(fields, TAG.parent);
  const pointer = takeField(fields, TAG.pointer);
  const properties = takeField(fields, TAG.properties);
  const propertyEncoding = takeField(fields, TAG.propertyEncoding);
  const rune = takeField(fields, TAG.rune);

  return {
    input: envelope.input,
    offset: envelope.offset,
    body: bodyAt < 0 ? null : concat(items.slice(bodyAt + 1)),
    contentType: contentType ? utf8OrUndefined(contentType) ?? null : null,
    contentEncoding: contentEncoding ? headerValueOrUndefined(contentEncoding) ?? null : null,
    metaprotocol: metaprotocol ? utf8OrUndefined(metaprotocol) ?? null : null,
    pointer: pointer ? pointerFromValue(pointer) : null,
    pointerBytes: pointer ?? null,
    parents: parents.map(inscriptionIdFromValue).filter((id): id is string => id !== undefined),
    parentFields: parents.length,
    delegate: delegate ? inscriptionIdFromValue(delegate) ?? null : null,
    metadata: metadata ?? null,
    properties: properties ?? null,
    propertyEncoding: propertyEncoding ?? null,
    rune: rune ?? null,
    tags: known,
    unknownTags: unknown,
    duplicateField,
    incompleteField,
    unrecognizedEvenField: hasUnrecognizedEvenField(fields),
    pushnum: envelope.pushnum,
    stutter: envelope.stutter,
  };
}
