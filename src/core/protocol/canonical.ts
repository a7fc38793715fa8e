/** RFC 8785 JSON Canonicalization Scheme (JCS): the canonical bytes that protocol signatures cover. */
import { isWellFormed, type JsonValue } from './strict-json';

/**
 * Serialize a JSON value canonically (RFC 8785 §3.2): object keys sorted by UTF-16 code units, no whitespace,
 * numbers in ECMAScript Number-to-String form, strings with the minimal escapes.
 * A non-finite number, a lone surrogate, or a non-JSON value is a caller bug: RangeError/TypeError.
 */
export function canonicalize(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return serializeNumber(value);
    case 'string':
      return serializeString(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
      const keys = Object.keys(value).sort(compareUtf16);
      const parts: string[] = [];
      for (const k of keys) {
        const v = value[k];
        if (v === undefined) throw new TypeError(`canonicalize: undefined value at key ${k}`);
        parts.push(`${serializeString(k)}:${canonicalize(v)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalize: not a JSON value (${typeof value})`);
  }
}

/** The UTF-8 bytes of `canonicalize(value)`. */
export function canonicalBytes(value: JsonValue): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}

/** Compare strings by UTF-16 code units (RFC 8785 §3.2.3), not by code points or locale. */
export function compareUtf16(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** RFC 8785 §3.2.2.3: the ECMAScript Number::toString algorithm (which JavaScript's String() implements), -0 as 0. */
export function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`canonicalize: ${n} has no JSON form`);
  if (Object.is(n, -0)) return '0';
  return String(n);
}

const SHORT_ESCAPES: Record<number, string> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/** RFC 8785 §3.2.2.2: escape `"`, `\` and controls (short forms where JSON has them, else \u00xx lowercase). */
export function serializeString(s: string): string {
  if (!isWellFormed(s)) throw new RangeError('canonicalize: string contains a lone surrogate');
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(run, i) + (SHORT_ESCAPES[c] ?? '\\u' + c.toString(16).padStart(4, '0'));
    run = i + 1;
  }
  return out + s.slice(run) + '"';
}
