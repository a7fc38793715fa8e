/** A strict RFC 8259 JSON parser for untrusted messages: rejects duplicate keys, lone surrogates and non-finite numbers. */
import { VerifyError, type VerifyCode } from '../errors';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface StrictJsonLimits {
  /** Deepest nesting of arrays and objects (default 32). */
  maxDepth?: number;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Parse JSON text. Unlike JSON.parse it rejects duplicate object keys (JSON.parse keeps the last one silently),
 * escapes that form lone surrogates, and numbers that overflow to ±Infinity. Errors are `code` (default MESSAGE_MALFORMED).
 */
export function parseStrictJson(text: string, code: VerifyCode = 'MESSAGE_MALFORMED', limits: StrictJsonLimits = {}): JsonValue {
  const maxDepth = limits.maxDepth ?? 32;
  let i = 0;
  const fail = (why: string): never => {
    throw new VerifyError(code, `invalid JSON at offset ${i}: ${why}`, { offset: i, near: text.slice(Math.max(0, i - 20), i + 20) });
  };
  const skipWs = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) { i++; break; }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          i += 2;
        } else {
          fail('bad escape');
        }
      } else {
        const start = i;
        while (i < text.length) {
          const d = text.charCodeAt(i);
          if (d === 0x22 || d === 0x5c || d < 0x20) break;
          i++;
        }
        out += text.slice(start, i);
      }
    }
    if (!isWellFormed(out)) fail('string contains a lone surrogate');
    return out;
  };
  const parseValue = (depth: number): JsonValue => {
    skipWs();
    const c = text[i];
    if (c === '{') {
      if (depth >= maxDepth) fail('nested too deeply');
      i++;
      // keys become own data properties, so "__proto__" stays an ordinary key
      const obj: JsonObject = {};
      const seen = new Set<string>();
      skipWs();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        skipWs();
        if (text[i] !== '"') fail('expected a string key');
        const key = parseString();
        if (seen.has(key)) fail(`duplicate key ${JSON.stringify(key)}`);
        seen.add(key);
        skipWs();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        const v = parseValue(depth + 1);
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; break; }
        fail('expected "," or "}"');
      }
      return obj;
    }
    if (c === '[') {
      if (depth >= maxDepth) fail('nested too deeply');
      i++;
      const arr: JsonValue[] = [];
      skipWs();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWs();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; break; }
        fail('expected "," or "]"');
      }
      return arr;
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) { i += 4; return true; }
    if (text.startsWith('false', i)) { i += 5; return false; }
    if (text.startsWith('null', i)) { i += 4; return null; }
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (m && m[0].length > 0 && m[0] !== '-') {
      const n = Number(m[0]);
      if (!Number.isFinite(n)) fail('number is out of range');
      i += m[0].length;
      return n;
    }
    return fail('unexpected character');
  };
  const value = parseValue(0);
  skipWs();
  if (i !== text.length) fail('trailing characters');
  return value;
}

/** True when a string has no unpaired UTF-16 surrogate. */
export function isWellFormed(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(k + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      k++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}
