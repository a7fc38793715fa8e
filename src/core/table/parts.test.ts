import { describe, expect, it } from 'vitest';
import { ALLOCATION, type AllocationRow } from './allocation';
import { encodeColumns } from './encode';
import { INPUTS } from './inputs';
import { MAX_PART_BYTES, MAX_TABLE_ROWS, PART_PAYLOAD_BUDGET, RESERVE_USER_ID } from './limits';
import { checkPartCounts, minRowsPerPart } from './split';
import { joinParts, parsePartListing, partListing, splitIntoParts, type PartEntry } from './parts';
import { sampleAllocationRows, sampleInputsRows, seededRandom } from './sample-rows';
import { bytesToHex, sha256 } from '../bytes';

const splitHash = (d: Uint8Array) => bytesToHex(sha256(d));

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Rows of barely compressible 64-byte ids and random 40-bit allocations whose PLAIN payload is exactly `payload` bytes. */
function worstCaseRows(payload: number): AllocationRow[] {
  const next = seededRandom(7);
  const id = (len: number) => Array.from({ length: len }, () => ALPHABET[next() % 64]).join('');
  const rows: AllocationRow[] = [{ userId: RESERVE_USER_ID, allocation: 0n }];
  let left = payload - (4 + RESERVE_USER_ID.length + 8);
  while (left > 0) {
    const len = left >= 76 + 13 ? 64 : left - 12;
    rows.push({ userId: id(len), allocation: (BigInt(next() >>> 8) << 16n) | BigInt(next() >>> 16) });
    left -= len + 12;
  }
  return rows;
}

describe('when a table fits the part payload budget exactly', () => {
  const rows = worstCaseRows(PART_PAYLOAD_BUDGET);

  it('is one part, under 350,000 bytes even when barely compressible', () => {
    const parts = splitIntoParts(ALLOCATION, rows);
    expect(parts.map((p) => p.rows)).toEqual([rows.length]);
    expect(parts[0]!.bytes).toBeLessThanOrEqual(MAX_PART_BYTES);
    expect(parts[0]!.bytes).toBeGreaterThan(PART_PAYLOAD_BUDGET * 0.95);
  });

  it('splits at the next row: one more row starts a second part', async () => {
    const more = [...rows, { userId: 'z', allocation: 1n }];
    const parts = splitIntoParts(ALLOCATION, more);
    expect(parts.map((p) => p.rows)).toEqual([rows.length, 1]);
    const table = await joinParts(ALLOCATION, parts.map((p) => p.data), partListing(parts));
    expect(table.userIds).toEqual(more.map((r) => r.userId));
  });
});

describe('when a 100,000-row allocation table is published in parts', () => {
  const rows = sampleAllocationRows(100_000);
  const parts = splitIntoParts(ALLOCATION, rows);

  it('splits into consecutive parts of at most 350,000 bytes with their sha256', () => {
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.reduce((n, p) => n + p.rows, 0)).toBe(100_000);
    for (const p of parts) expect(p.bytes).toBeLessThanOrEqual(MAX_PART_BYTES);
    expect(splitIntoParts(ALLOCATION, rows).map((p) => p.sha256)).toEqual(parts.map((p) => p.sha256));
  });

  it('joins back to the same rows', async () => {
    const table = await joinParts(ALLOCATION, parts.map((p) => p.data), partListing(parts));
    expect(table.rows).toBe(100_000);
    expect(table.userIds).toEqual(rows.map((r) => r.userId));
    expect(table.allocations).toEqual(BigInt64Array.from(rows, (r) => r.allocation));
  });

  it('rejects a part whose bytes do not hash to the listing', async () => {
    const data = parts.map((p) => p.data);
    const listing = partListing(parts);
    listing[2] = { ...listing[2]!, sha256: listing[3]!.sha256 };
    await expect(joinParts(ALLOCATION, data, listing)).rejects.toMatchObject({ code: 'TABLE_PART_HASH', evidence: { index: 2 } });
  });

  it('rejects parts given out of order', async () => {
    const data = parts.map((p) => p.data);
    [data[0], data[1]] = [data[1]!, data[0]!];
    const swappedSizes = partListing(parts).map((e, i) => (i < 2 ? { ...e, bytes: data[i]!.length } : e));
    await expect(joinParts(ALLOCATION, data, swappedSizes)).rejects.toMatchObject({ code: 'TABLE_PART_HASH', evidence: { index: 0 } });
  });

  it('rejects a listing itself published out of order (the reserve row is no longer first)', async () => {
    const order = [1, 0, ...parts.slice(2).map((_, i) => i + 2)];
    const listing = partListing(parts);
    await expect(joinParts(ALLOCATION, order.map((i) => parts[i]!.data), order.map((i) => listing[i]!))).rejects.toMatchObject({ code: 'TABLE_RESERVE_ROW' });
  });

  it('rejects a listing whose row count differs from the part', async () => {
    const listing = partListing(parts);
    listing[1] = { ...listing[1]!, rows: listing[1]!.rows + 1 };
    await expect(joinParts(ALLOCATION, parts.map((p) => p.data), listing)).rejects.toMatchObject({ code: 'TABLE_PART_ROWS', evidence: { index: 1 } });
  });

  it('rejects a missing part and a wrong byte count', async () => {
    await expect(joinParts(ALLOCATION, parts.slice(1).map((p) => p.data), partListing(parts))).rejects.toMatchObject({ code: 'TABLE_PART_COUNT' });
    const listing = partListing(parts);
    listing[0] = { ...listing[0]!, bytes: listing[0]!.bytes - 1 };
    await expect(joinParts(ALLOCATION, parts.map((p) => p.data), listing)).rejects.toMatchObject({ code: 'TABLE_PART_SIZE', evidence: { index: 0 } });
  });
});

describe('when rows are split other than by the split rule', () => {
  it('rejects two half parts that would fit in one', async () => {
    const rows = sampleAllocationRows(100);
    const columns = ALLOCATION.columnsFromRows(rows);
    const half = (a: number, b: number) => encodeColumns(ALLOCATION.columns, { user_id: (columns.user_id as string[]).slice(a, b), allocation: columns.allocation!.slice(a, b) });
    const data = [half(0, 50), half(50, 100)];
    const listing: PartEntry[] = data.map((d) => ({ sha256: splitHash(d), rows: 50, bytes: d.length }));
    await expect(joinParts(ALLOCATION, data, listing)).rejects.toMatchObject({ code: 'TABLE_PART_SPLIT' });
  });
});

describe('when two parts share a user id', () => {
  it('rejects the joined table', async () => {
    const rows = sampleAllocationRows(30_000);
    const first = splitIntoParts(ALLOCATION, rows);
    expect(first.length).toBeGreaterThan(1);
    const last = rows.length - 1;
    rows[last] = { ...rows[last]!, userId: rows[1]!.userId };
    const parts = splitIntoParts(ALLOCATION, rows);
    await expect(joinParts(ALLOCATION, parts.map((p) => p.data), partListing(parts))).rejects.toMatchObject({ code: 'TABLE_DUPLICATE_USER', evidence: { row: last, firstRow: 1 } });
  });
});

describe('when an inputs table is published in parts', () => {
  it('round-trips 20,000 rows through several parts', async () => {
    const rows = sampleInputsRows(20_000);
    const parts = splitIntoParts(INPUTS, rows);
    expect(parts.length).toBeGreaterThan(1);
    const table = await joinParts(INPUTS, parts.map((p) => p.data), partListing(parts));
    expect(table.userIds).toEqual(rows.map((r) => r.userId));
    expect(table.depositAddress).toEqual(rows.map((r) => r.depositAddress));
  });
});

describe('when the listing in a message is malformed', () => {
  const good = { sha256: 'ab'.repeat(32), rows: 10, bytes: 1000 };
  it('accepts a well-formed listing', () => {
    expect(parsePartListing([good])).toEqual([good]);
  });
  it.each([
    ['not a list', good],
    ['empty', []],
    ['an uppercase hash', [{ ...good, sha256: 'AB'.repeat(32) }]],
    ['a short hash', [{ ...good, sha256: 'ab' }]],
    ['zero rows', [{ ...good, rows: 0 }]],
    ['fractional rows', [{ ...good, rows: 1.5 }]],
    ['rows as a string', [{ ...good, rows: '10' }]],
    ['an extra key', [{ ...good, note: 1 }]],
    ['a missing key', [{ sha256: good.sha256, rows: 1 }]],
    ['null', [null]],
  ])('rejects %s as TABLE_LISTING', (_, value) => {
    expect(() => parsePartListing(value)).toThrow(expect.objectContaining({ code: 'TABLE_LISTING' }));
  });
  it('rejects a part above 350,000 bytes as TABLE_TOO_LARGE', () => {
    expect(() => parsePartListing([{ ...good, bytes: MAX_PART_BYTES + 1 }])).toThrow(expect.objectContaining({ code: 'TABLE_TOO_LARGE' }));
  });
});

describe('a part listing\'s row counts, before any part is read (checkPartCounts)', () => {
  it('allows every part but the last at least ⌊budget / largest row⌋ rows: 1,584 for inputs, 3,815 for allocations', () => {
    expect(minRowsPerPart(INPUTS.columns)).toBe(1_584);
    expect(minRowsPerPart(ALLOCATION.columns)).toBe(3_815);
  });

  it('accepts what the split rule can give: one small part, full parts and a short last part', () => {
    expect(() => checkPartCounts(ALLOCATION.columns, [1])).not.toThrow();
    expect(() => checkPartCounts(ALLOCATION.columns, [3_815, 3_815, 2])).not.toThrow();
    expect(() => checkPartCounts(INPUTS.columns, [1_584, 1])).not.toThrow();
  });

  it('refuses a part other than the last with fewer rows (a message naming many tiny parts)', () => {
    expect(() => checkPartCounts(ALLOCATION.columns, [3_814, 1])).toThrow(expect.objectContaining({ code: 'TABLE_PART_SPLIT' }));
    expect(() => checkPartCounts(INPUTS.columns, Array.from({ length: 2_000 }, () => 1))).toThrow(expect.objectContaining({ code: 'TABLE_PART_SPLIT' }));
  });

  it('refuses more rows than a table holds', () => {
    expect(() => checkPartCounts(ALLOCATION.columns, [MAX_TABLE_ROWS + 1])).toThrow(expect.objectContaining({ code: 'TABLE_PART_SPLIT' }));
    expect(() => checkPartCounts(ALLOCATION.columns, [MAX_TABLE_ROWS])).not.toThrow();
  });
});
