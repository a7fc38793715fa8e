import { describe, expect, it } from 'vitest';
import { blockSchema, goldenVectors, txSchema } from './golden-vectors';
import { shapeProblems } from './golden-shape';

const block = goldenVectors[0]!.blockJson;
const tx = goldenVectors[1]!.txs[1]!.txJson;
const withoutSigops = (t: Record<string, unknown>) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== 'sigops'));

describe('when a golden answer is checked against its own schema', () => {
  it('passes (Blockstream flavour: sigops dropped)', () => {
    expect(shapeProblems(block, blockSchema)).toEqual([]);
    expect(shapeProblems(withoutSigops(tx), txSchema)).toEqual([]);
  });
});

describe('when a value departs from the golden shape', () => {
  it('flags reordered fields, foreign fields, missing fields and wrong types', () => {
    const { id, height, ...rest } = block;
    expect(shapeProblems({ height, id, ...rest }, blockSchema)).toContain('$.id: out of order');
    expect(shapeProblems(tx, txSchema)).toContain('$.sigops: field not in golden shape');
    expect(shapeProblems(rest, blockSchema)).toContain('$.id: missing');
    expect(shapeProblems({ ...block, bits: '1712180b' }, blockSchema)).toContain('$.bits: string, golden has int');
    const t = withoutSigops(tx) as { vin: Record<string, unknown>[] };
    const badVin = { ...t, vin: [{ ...t.vin[0], prevout: { ...(t.vin[0]!.prevout as object), value: '1' } }] };
    expect(shapeProblems(badVin, txSchema)).toContain('$.vin[0].prevout.value: string, golden has int');
  });
});
