import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalize, serializeNumber } from './canonical';
import { parseStrictJson } from './strict-json';
import { VerifyError } from '../errors';

const dir = new URL('../../../vectors/protocol/jcs/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof VerifyError ? e.code : `thrown ${String(e)}`;
  }
  return undefined;
}

describe('when canonicalizing the RFC 8785 examples', () => {
  for (const name of ['rfc8785-3.2.2', 'rfc8785-3.2.3']) {
    it(`${name} gives the RFC's canonical output`, () => {
      const input = parseStrictJson(read(`${name}-input.json`));
      expect(canonicalize(input)).toBe(read(`${name}-output.json`));
    });
  }

  const numbers = JSON.parse(read('rfc8785-appendix-b-numbers.json')) as { vectors: { ieee: string; json: string | null }[] };
  it.each(numbers.vectors)('Appendix B number $ieee serializes as $json', ({ ieee, json }) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigUint64(0, BigInt('0x' + ieee));
    const n = view.getFloat64(0);
    if (json === null) expect(() => serializeNumber(n)).toThrow(RangeError);
    else expect(serializeNumber(n)).toBe(json);
  });
});

describe('when the raw JSON text is hostile or unusual', () => {
  const edge = JSON.parse(read('edge-cases.json')) as { cases: { why: string; in: string; out: string | null }[] };
  it.each(edge.cases)('$why', (c) => {
    if (c.out === null) {
      expect(codeOf(() => parseStrictJson(c.in))).toBe('MESSAGE_MALFORMED');
    } else {
      expect(canonicalize(parseStrictJson(c.in))).toBe(c.out);
    }
  });

  it('agrees with JSON.parse on a valid document', () => {
    const text = read('rfc8785-3.2.2-input.json');
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  it('rejects nesting deeper than the limit', () => {
    expect(codeOf(() => parseStrictJson('['.repeat(40) + ']'.repeat(40)))).toBe('MESSAGE_MALFORMED');
    expect(parseStrictJson('[[1]]', 'MESSAGE_MALFORMED', { maxDepth: 2 })).toEqual([[1]]);
  });

  it('uses the caller\'s error code', () => {
    expect(codeOf(() => parseStrictJson('{', 'REVEAL_PACKAGE_MALFORMED'))).toBe('REVEAL_PACKAGE_MALFORMED');
  });
});

describe('when a caller passes a value JSON cannot carry', () => {
  it('refuses NaN, Infinity and lone surrogates', () => {
    expect(() => canonicalize([Number.NaN])).toThrow(RangeError);
    expect(() => canonicalize({ a: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => canonicalize(['\ud800'])).toThrow(RangeError);
  });
});
