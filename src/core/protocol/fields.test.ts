/** The strict field readers: what each accepts at its edges, and the path, value and wording of each refusal. */
import { describe, expect, it } from 'vitest';
import { refusalOf as refusal } from '../errors.test-util';
import { arr, hex, HEX_RE, int, malformed, obj, oneOf, str } from './fields';

describe('a refusal', () => {
  it('names the field and shows the value: strings cut at 100 characters, containers by kind', () => {
    expect(refusal(() => malformed('p.x', 'is wrong', 'abc'))).toEqual({ code: 'MESSAGE_MALFORMED', evidence: { field: 'p.x', value: 'abc' }, message: 'p.x is wrong' });
    expect(refusal(() => malformed('p', 'w', 'y'.repeat(150))).evidence.value).toBe('y'.repeat(100));
    expect(refusal(() => malformed('p', 'w', [1])).evidence.value).toBe('array');
    expect(refusal(() => malformed('p', 'w', null)).evidence.value).toBe('null');
    expect(refusal(() => malformed('p', 'w', { a: 1 })).evidence.value).toBe('object');
    expect(refusal(() => malformed('p', 'w', 7)).evidence.value).toBe(7);
    expect(refusal(() => malformed('p', 'w', false)).evidence.value).toBe(false);
    expect(refusal(() => malformed('p', 'w')).evidence).toEqual({ field: 'p', value: undefined });
  });
});

describe('the readers', () => {
  it('obj: an object with every required key and only known ones', () => {
    expect(obj({ a: 1, b: 2 }, 'p', ['a'], ['b'])).toEqual({ a: 1, b: 2 });
    for (const v of [null, [], 'x', 1, undefined]) expect(refusal(() => obj(v, 'p', []))).toMatchObject({ evidence: { field: 'p' }, message: 'p must be an object' });
    expect(refusal(() => obj({ b: 1 }, 'p', ['a'], ['b']))).toEqual({ code: 'MESSAGE_MALFORMED', evidence: { field: 'p.a', value: undefined }, message: 'p.a is missing' });
    expect(refusal(() => obj({ a: 1, c: 1 }, 'p', ['a'], ['b']))).toEqual({ code: 'MESSAGE_MALFORMED', evidence: { field: 'p.c', value: undefined }, message: 'p.c is not a known field' });
  });

  it('int: a safe integer within [min, max]', () => {
    expect(int(3, 'p', 3, 5)).toBe(3);
    expect(int(5, 'p', 3, 5)).toBe(5);
    for (const v of [2, 6, 3.5, '4', null, Number.MAX_SAFE_INTEGER + 2]) {
      expect(refusal(() => int(v as never, 'p', 3, 5))).toMatchObject({ evidence: { field: 'p' }, message: 'p must be an integer in [3, 5]' });
    }
  });

  it('str: a string the pattern accepts', () => {
    expect(str('ab', 'p', /^a/, 'an a-word')).toBe('ab');
    for (const v of ['ba', 1, null]) expect(refusal(() => str(v as never, 'p', /^a/, 'an a-word'))).toMatchObject({ evidence: { field: 'p' }, message: 'p must be an a-word' });
  });

  it('hex: lowercase pairs, exactly n bytes or within [lo, hi]', () => {
    expect(HEX_RE.test('0aff')).toBe(true);
    for (const bad of ['0AFF', '0af', 'x0af', '0afx', 'g0']) expect(HEX_RE.test(bad), bad).toBe(false);
    expect(hex('0a0b', 'p', 2)).toBe('0a0b');
    expect(refusal(() => hex('0a', 'p', 2))).toMatchObject({ evidence: { field: 'p', value: '0a' }, message: 'p must be 2 bytes of lowercase hex' });
    expect(refusal(() => hex('0a0b0c', 'p', 2)).message).toBe('p must be 2 bytes of lowercase hex');
    expect(hex('0a', 'p', [1, 3])).toBe('0a');
    expect(hex('0a0b0c', 'p', [1, 3])).toBe('0a0b0c');
    expect(refusal(() => hex('', 'p', [1, 3])).message).toBe('p must be 1..3 bytes of lowercase hex');
    expect(refusal(() => hex('0a0b0c0d', 'p', [1, 3])).message).toBe('p must be 1..3 bytes of lowercase hex');
    for (const v of ['0A0B', '0a0', 5, null]) expect(refusal(() => hex(v as never, 'p', 2)).evidence.field).toBe('p');
  });

  it('arr: an array of min..max items, each read with its index in the path', () => {
    expect(arr([1, 2], 'p', 2, 2, (x, q) => `${q}=${String(x)}`)).toEqual(['p[0]=1', 'p[1]=2']);
    for (const v of [[1], [1, 2, 3], 'x', null]) expect(refusal(() => arr(v as never, 'p', 2, 2, (x) => x))).toMatchObject({ evidence: { field: 'p' }, message: 'p must be an array of 2..2 items' });
    expect(refusal(() => arr([1, 'x'], 'p', 0, 5, (x, q) => int(x, q, 0, 9))).evidence.field).toBe('p[1]');
  });

  it('oneOf: one of the listed strings', () => {
    expect(oneOf('b', 'p', ['a', 'b'])).toBe('b');
    for (const v of ['c', 1, null]) expect(refusal(() => oneOf(v as never, 'p', ['a', 'b']))).toMatchObject({ evidence: { field: 'p' }, message: 'p must be one of a, b' });
  });
});
