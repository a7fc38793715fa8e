/** ord's inscription fields (`src/inscriptions/tag.rs`): tag numbers, tag/value pairs before the body, and how each is taken. */

/** Known tags. A tag key is the whole pushed byte string, so only the one-byte push `[n]` is tag n. */
export const TAG = {
  contentType: 1,
  pointer: 2,
  parent: 3,
  metadata: 5,
  metaprotocol: 7,
  contentEncoding: 9,
  delegate: 11,
  rune: 13,
  note: 15,
  properties: 17,
  propertyEncoding: 19,
} as const;

export type TagName = keyof typeof TAG;

const NAME_OF_KEY = new Map<string, TagName>(Object.entries(TAG).map(([n, v]) => [String.fromCharCode(v), n as TagName]));

/** Tags whose repeated values are concatenated (metadata and properties are written in 520-byte chunks). */
const CHUNKED = new Set<number>([TAG.metadata, TAG.properties]);

/** Field values by tag key (latin-1 string of the key bytes), in order of first appearance. */
export type Fields = Map<string, Uint8Array[]>;

/** Latin-1 string of the key bytes (one char per byte), built in slices so a huge push cannot overflow the stack. */
function keyOf(bytes: Uint8Array): string {
  if (bytes.length === 1) return String.fromCharCode(bytes[0]!);
  let key = '';
  for (let i = 0; i < bytes.length; i += 4096) key += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return key;
}

/** Tag/value pairs of `items` (the payload before the body separator); an odd count leaves an incomplete field. */
export function fieldsFromItems(items: readonly Uint8Array[], end: number): { fields: Fields; incompleteField: boolean } {
  const fields: Fields = new Map();
  for (let i = 0; i + 1 < end; i += 2) {
    const key = keyOf(items[i]!);
    const values = fields.get(key);
    if (values) values.push(items[i + 1]!);
    else fields.set(key, [items[i + 1]!]);
  }
  return { fields, incompleteField: end % 2 === 1 };
}

/** Names of the known tags present, in order of first appearance; unknown tag keys as hex. */
export function tagNames(fields: Fields): { known: TagName[]; unknown: string[] } {
  const known: TagName[] = [];
  const unknown: string[] = [];
  for (const key of fields.keys()) {
    const name = NAME_OF_KEY.get(key);
    if (name) known.push(name);
    else unknown.push(Array.from(key, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  }
  return { known, unknown };
}

/**
 * Take a tag's value out of `fields` as ord does: chunked tags remove all values and concatenate them; other tags remove
 * only the first value (the key stays while values remain, so a leftover even tag later counts as unrecognized).
 */
export function takeField(fields: Fields, tag: number): Uint8Array | undefined {
  const key = String.fromCharCode(tag);
  const values = fields.get(key);
  if (!values) return undefined;
  if (CHUNKED.has(tag)) {
    fields.delete(key);
    return concat(values);
  }
  const first = values.shift()!;
  if (values.length === 0) fields.delete(key);
  return first;
}

/** Take every value of a repeatable tag (parents). */
export function takeArray(fields: Fields, tag: number): Uint8Array[] {
  const key = String.fromCharCode(tag);
  const values = fields.get(key) ?? [];
  fields.delete(key);
  return values;
}

/** Any field left whose tag's first byte is even: ord's unrecognized_even_field ("it's okay to be odd"). */
export function hasUnrecognizedEvenField(fields: Fields): boolean {
  for (const key of fields.keys()) if (key.charCodeAt(0) % 2 === 0) return true;
  return false;
}

/** A new array holding the parts back to back (always a copy, never a view into the transaction). */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
