/**
 * The strict JSON parser, rule by rule: what RFC 8259 allows is read exactly as JSON.parse reads it; duplicate keys,
 * lone surrogates, bad escapes, control characters, overflowing numbers, trailing text and nesting past the limit are
 * refused with the offset and the text around it.
 */
import { describe, expect, it } from 'vitest';
import { errorOf, refusalOf } from '../errors.test-util';
import { isWellFormed, parseStrictJson } from './strict-json';

const refusal = (text: string, limits?: { maxDepth?: number }) => refusalOf(() => parseStrictJson(text, 'MESSAGE_MALFORMED', limits));

describe('what JSON allows', () => {
  it.each([
    '0', '-0', '1.5', '-12e3', '1E+2', '2e-2', 'true', 'false', 'null', '""', '"a"', '[]', '{}', ' \t\r\n[ 1 , 2 ]\n ',
    '{"a":{"b":[1,{"c":null}]},"d":"x"}', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\u00E9"', '"\\ud83d\\ude00"', '"😀é"', '"a b ~"', '" a"', '"\\n x"', '{"__proto__":1}',
    '[{ "k" : [ ] , "l" : { } }]',
  ])('%s is read as JSON.parse reads it', (text) => {
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  it('keeps "__proto__" an ordinary key', () => {
    const v = parseStrictJson('{"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });
});

describe('what it refuses', () => {
  it.each([
    ['{"a":1,"a":2}', 10, 'duplicate key "a"'],
    ['"abc', 4, 'unterminated string'],
    ['"a\u0001"', 2, 'control character in string'],
    ['"\\x"', 1, 'bad escape'],
    ['"\\', 1, 'bad escape'],
    ['"\\u12G4"', 1, 'bad \\u escape'],
    ['"\\u123"', 1, 'bad \\u escape'],
    ['"\\ud800"', 8, 'string contains a lone surrogate'],
    ['"\\udc00x"', 9, 'string contains a lone surrogate'],
    ['1e400', 0, 'number is out of range'],
    ['-', 0, 'unexpected character'],
    ['+1', 0, 'unexpected character'],
    ['01', 1, 'trailing characters'],
    ['[1,]', 3, 'unexpected character'],
    ['[1 2]', 3, 'expected "," or "]"'],
    ['{"a" 1}', 5, 'expected ":"'],
    ['{"a":1 "b":2}', 7, 'expected "," or "}"'],
    ['{a:1}', 1, 'expected a string key'],
    ['{"a":1,}', 7, 'expected a string key'],
    ['[] x', 3, 'trailing characters'],
    ['', 0, 'unexpected character'],
    ['tru', 0, 'unexpected character'],
  ] as const)('%j: %s at offset %i', (text, offset, why) => {
    expect(refusal(text)).toEqual({ code: 'MESSAGE_MALFORMED', evidence: { offset, near: text.slice(Math.max(0, offset - 20), offset + 20) }, message: `invalid JSON at offset ${offset}: ${why}` });
  });

  it('shows 20 characters either side of the offset', () => {
    const text = `[${'1,'.repeat(30)}x${',1'.repeat(30)}]`;
    const e = refusal(text);
    expect(e.evidence).toEqual({ offset: 61, near: text.slice(41, 81) });
    expect((e.evidence.near as string).length).toBe(40);
    expect(refusal('[x]').evidence).toEqual({ offset: 1, near: '[x]' });
  });

  it('uses the caller\'s code', () => {
    expect(errorOf(() => parseStrictJson('[', 'ANCHOR_GENESIS_ID')).code).toBe('ANCHOR_GENESIS_ID');
  });

  it('nests at most maxDepth arrays and objects (32 unless given)', () => {
    const deep = (n: number, open = '[', close = ']') => `${open.repeat(n)}${close.repeat(n)}`;
    expect(() => parseStrictJson(deep(32))).not.toThrow();
    expect(refusal(deep(33)).message).toBe('invalid JSON at offset 32: nested too deeply');
    const objs = (n: number): string => (n === 0 ? '1' : `{"a":${objs(n - 1)}}`);
    expect(() => parseStrictJson(objs(32))).not.toThrow();
    expect(refusal(objs(33)).message).toMatch(/nested too deeply$/);
    expect(() => parseStrictJson(deep(3), 'MESSAGE_MALFORMED', { maxDepth: 3 })).not.toThrow();
    expect(refusal(deep(4), { maxDepth: 3 }).evidence.offset).toBe(3);
    expect(refusal('[{}]', { maxDepth: 1 }).message).toBe('invalid JSON at offset 1: nested too deeply');
  });
});

describe('well-formed UTF-16', () => {
  it('a high surrogate must be followed by a low one; a low one may not stand alone', () => {
    expect(isWellFormed('a\ud83d\ude00b')).toBe(true);
    expect(isWellFormed('\udbff\udfff')).toBe(true);
    expect(isWellFormed('\ud800\udc00')).toBe(true);
    for (const s of ['\ud83d', '\ud83dx', '\ude00', 'a\udfff', '\ud800\ud800', '\udbff\ue000', '\ud7ff\udc00']) expect(isWellFormed(s), escape(s)).toBe(false);
    expect(isWellFormed('\ud7ff\ue000')).toBe(true);
  });
});
