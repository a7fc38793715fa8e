/** Strict field readers for untrusted JSON payloads: exact key sets, typed values, MESSAGE_MALFORMED with the field path. */
import { VerifyError } from '../errors';
import type { JsonObject, JsonValue } from './strict-json';

export const HEX_RE = /^(?:[0-9a-f]{2})*$/;

export function malformed(path: string, why: string, value?: unknown): never {
  const shown = value === undefined ? undefined : typeof value === 'string' ? value.slice(0, 100) : typeof value === 'object' ? (Array.isArray(value) ? 'array' : value === null ? 'null' : 'object') : value;
  throw new VerifyError('MESSAGE_MALFORMED', `${path} ${why}`, { field: path, value: shown });
}

/** An object whose keys are exactly `required` plus any of `optional`. */
export function obj(v: JsonValue | undefined, path: string, required: readonly string[], optional: readonly string[] = []): JsonObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return malformed(path, 'must be an object', v);
  for (const k of required) if (!Object.hasOwn(v, k)) malformed(`${path}.${k}`, 'is missing');
  for (const k of Object.keys(v)) if (!required.includes(k) && !optional.includes(k)) malformed(`${path}.${k}`, 'is not a known field');
  return v;
}

export function int(v: JsonValue | undefined, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) return malformed(path, `must be an integer in [${min}, ${max}]`, v);
  return v;
}

export function str(v: JsonValue | undefined, path: string, re: RegExp, what: string): string {
  if (typeof v !== 'string' || !re.test(v)) return malformed(path, `must be ${what}`, v);
  return v;
}

/** Lowercase hex of exactly `bytes` bytes, or of `[min, max]` bytes when given a range. */
export function hex(v: JsonValue | undefined, path: string, bytes: number | [number, number]): string {
  const [lo, hi] = typeof bytes === 'number' ? [bytes, bytes] : bytes;
  if (typeof v !== 'string' || !HEX_RE.test(v) || v.length < 2 * lo || v.length > 2 * hi) {
    return malformed(path, lo === hi ? `must be ${lo} bytes of lowercase hex` : `must be ${lo}..${hi} bytes of lowercase hex`, v);
  }
  return v;
}

export function arr<T>(v: JsonValue | undefined, path: string, min: number, max: number, item: (x: JsonValue, path: string) => T): T[] {
  if (!Array.isArray(v) || v.length < min || v.length > max) return malformed(path, `must be an array of ${min}..${max} items`, v);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

export function oneOf<T extends string>(v: JsonValue | undefined, path: string, options: readonly T[]): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) return malformed(path, `must be one of ${options.join(', ')}`, v);
  return v as T;
}
