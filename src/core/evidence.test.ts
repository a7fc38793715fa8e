import { describe, expect, it } from 'vitest';
import { boundEvidence, EVIDENCE_LIMITS } from './evidence';

const size = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe('bounding evidence that echoes a host', () => {
  it('small evidence comes back equal', () => {
    const e = { host: 'https://a.example/api', path: '/tx/ab/raw', status: 429, list: [1, 2, 3], nested: { ok: true, n: null } };
    expect(boundEvidence(e)).toEqual(e);
  });
  it('a huge Merkle branch (68 MB of JSON) is cut to the byte budget, saying how much was left out', () => {
    const merkle = Array.from({ length: 1_000_000 }, () => 'ab'.repeat(32));
    const out = boundEvidence({ merkle, pos: 7 });
    expect(size(out)).toBeLessThanOrEqual(EVIDENCE_LIMITS.bytes);
    expect(out.pos).toBe(7);
    expect((out.merkle as string[]).at(-1)).toMatch(/more items/);
  });
  it('long strings, wide objects and deep nesting are cut', () => {
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i++) deep = { deep };
    const out = boundEvidence({ body: 'x'.repeat(100_000), wide, deep });
    expect(out.body).toMatch(/more characters\)$/);
    expect(Object.keys(out.wide as object).length).toBe(EVIDENCE_LIMITS.items + 1);
    expect(JSON.stringify(out.deep)).toContain('nested too deep');
    expect(size(out)).toBeLessThanOrEqual(EVIDENCE_LIMITS.bytes);
  });
  it('many long strings together still fit the budget', () => {
    const out = boundEvidence(Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`s${i}`, Array.from({ length: 24 }, () => '€'.repeat(300))])));
    expect(size(out)).toBeLessThanOrEqual(EVIDENCE_LIMITS.bytes);
  });
  it('bytes and bigints are shown, not dumped', () => {
    expect(boundEvidence({ raw: new Uint8Array(5_000_000), amount: 10n ** 30n })).toEqual({ raw: '5000000 bytes', amount: 10n ** 30n });
  });
});
