import { describe, expect, it } from 'vitest';
import { VerifyError } from '../errors';
import { sampleAllocationRows, sampleInputsRows, seededRandom } from './sample-rows';
import { parseTable, writeTable } from './table-file';
import { ALLOCATION } from './allocation';
import { INPUTS } from './inputs';
import { MORTALITY } from './mortality';

/** Outcome of parsing mutated bytes: 'OK' or the VerifyError code; anything else fails the test. */
async function outcome(parse: (b: Uint8Array) => Promise<unknown>, bytes: Uint8Array): Promise<string> {
  try {
    await parse(bytes);
    return 'OK';
  } catch (e) {
    if (e instanceof VerifyError && e.code.startsWith('TABLE_')) return e.code;
    throw new Error(`uncoded failure: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
}

function mutate(valid: Uint8Array, next: () => number): Uint8Array {
  const kind = next() % 10;
  if (kind === 0) return valid.subarray(0, next() % valid.length);
  const bytes = valid.slice();
  const flips = 1 + (next() % 4);
  for (let i = 0; i < flips; i++) {
    const at = next() % bytes.length;
    bytes[at] = kind < 5 ? bytes[at]! ^ (1 << (next() % 8)) : next() & 0xff;
  }
  return bytes;
}

const TABLES: [string, Uint8Array, (b: Uint8Array) => Promise<unknown>][] = [
  ['allocation', writeTable(ALLOCATION, sampleAllocationRows(40)), (b: Uint8Array) => parseTable(ALLOCATION, b)],
  ['inputs', writeTable(INPUTS, sampleInputsRows(40)), (b: Uint8Array) => parseTable(INPUTS, b)],
  ['mortality', writeTable(MORTALITY, Array.from({ length: 242 }, (_, i) => ({ geography: 0, sex: i >= 121 ? 1 : 0, age: i % 121, qPpb: BigInt(i * 1000) }))), (b: Uint8Array) => parseTable(MORTALITY, b)],
];

describe('when random bytes of a valid table are flipped or cut', () => {
  it.each(TABLES)('the %s parser only ever accepts or throws a TABLE_ VerifyError', async (_, valid, parse) => {
    expect(await outcome(parse, valid)).toBe('OK');
    const next = seededRandom(0xdecaf);
    const codes = new Map<string, number>();
    for (let i = 0; i < 1500; i++) {
      const code = await outcome(parse, mutate(valid, next));
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect(codes.get('TABLE_NOT_PARQUET')).toBeGreaterThan(0);
    expect(codes.get('TABLE_NOT_CANONICAL')).toBeGreaterThan(0);
  });
});
