import { describe, expect, it } from 'vitest';
import type { InscriptionRecord } from '../records';
import { fullMonth } from './recorded.test-util';
import { readFinalTable, readMonthTables, type TablesInput } from './tables';
import { once } from '../../once.test-util';

/** The recorded month carried through the steps and what these tests derive from it; loaded inside the tests, once. */
async function derive() {
  const m = await fullMonth();
  const input = (extra: Partial<TablesInput> = {}): TablesInput => ({
    genesis: m.genesis, month: m.month, records: m.records, previous: m.signed.previous, inputs: m.signed.messages.current.filter((x) => x.type === 'inputs') as TablesInput['inputs'], anchor: m.anchor, ...extra,
  });
  const without = (id: string): Map<string, InscriptionRecord> => new Map([...m.records].filter(([k]) => k !== id));
  return { m, input, without };
}
const load = once(derive);

describe('when the month\'s tables are all bound and well formed', () => {
  it('reads last month\'s table, the inputs and the mortality table (the program computes the rates)', async () => {
    const { input } = await load();
    const r = await readMonthTables(input());
    expect(r.checks).toEqual([]);
    expect(r.value?.previous?.rows).toBeGreaterThan(0);
    expect(r.value?.inputs?.table.rows).toBeGreaterThan(r.value?.previous?.rows ?? 0);
    expect(r.value?.mortality).toBeDefined();
    expect(r.value?.inputs?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('when the month it starts from has no timely final', () => {
  it('fails the program step with TABLE_PREVIOUS_MISSING and reads nothing', async () => {
    const { input } = await load();
    const r = await readMonthTables(input({ previous: { month: 1 } }));
    expect(r.checks.map((c) => `${c.step} ${c.code}`)).toEqual(['program TABLE_PREVIOUS_MISSING']);
    expect(r.checks[0]?.evidence).toEqual({ month: 1 });
    expect(r.value).toEqual({});
  });
  it('starts from an empty table when it is the first month', async () => {
    const { input } = await load();
    const r = await readMonthTables(input({ previous: { month: 0 } }));
    expect(r.value?.previous).toBeNull();
  });
});

describe('when the month has no inputs confirmed by the anchor', () => {
  it('fails with TABLE_INPUTS_MISSING, keeping last month\'s table for the rewards', async () => {
    const { input } = await load();
    const r = await readMonthTables(input({ inputs: [] }));
    expect(r.checks.map((c) => c.code)).toEqual(['TABLE_INPUTS_MISSING']);
    expect(r.value?.previous).toBeDefined();
    expect(r.value?.inputs).toBeUndefined();
  });
});

describe('when a table part or the mortality table is not a bound inscription', () => {
  it('fails with TABLE_PART_MISSING', async () => {
    const { m, input, without } = await load();
    const inputsRef = input().inputs[0]?.payload.table.parts[0]?.inscription ?? '';
    expect((await readMonthTables(input({ records: without(inputsRef) }))).checks.map((c) => c.code)).toEqual(['TABLE_PART_MISSING']);
    const r = await readMonthTables(input({ records: without(m.genesis.mortality_table.inscription) }));
    expect(r.checks.map((c) => c.code)).toEqual(['TABLE_PART_MISSING']);
    expect(r.value?.inputs).toBeDefined();
  });
});

describe('when a table part is inscribed with another content type', () => {
  it('fails with TABLE_CONTENT_TYPE', async () => {
    const { m, input } = await load();
    const part = input().inputs[0]?.payload.table.parts[0]?.inscription ?? '';
    const record = m.records.get(part);
    if (!record) throw new Error('no inputs part');
    const records = new Map([...m.records, [part, { ...record, contentType: 'text/plain' }]]);
    expect((await readMonthTables(input({ records }))).checks.map((c) => c.code)).toEqual(['TABLE_CONTENT_TYPE']);
  });
});

describe('when the final\'s table is read', () => {
  it('is the lead package\'s table, with its parts as inscribed', async () => {
    const { m } = await load();
    const t = await readFinalTable(m.final, m.records, m.agreement.lead?.pkg?.tableSha256);
    if ('error' in t) throw t.error;
    expect(t.notLeads).toBeUndefined();
    expect(t.parts.length).toBe(m.final.payload.table.parts.length);
  });
  it('carries TABLE_HASH_MISMATCH when the lead\'s package names another table', async () => {
    const { m } = await load();
    const t = await readFinalTable(m.final, m.records, '00'.repeat(32));
    expect('error' in t ? t.error.code : t.notLeads?.code).toBe('TABLE_HASH_MISMATCH');
    expect('error' in t ? undefined : t.notLeads?.evidence).toEqual({ table: 'error' in t ? '' : t.sha256, package: '00'.repeat(32) });
  });
  it('without a lead\'s table to compare, is read as it is', async () => {
    const { m } = await load();
    const t = await readFinalTable(m.final, m.records, undefined);
    expect('error' in t ? t.error : t.notLeads).toBeUndefined();
  });
  it('is an error when a part is missing', async () => {
    const { m, without } = await load();
    const part = m.final.payload.table.parts[0]?.inscription ?? '';
    const t = await readFinalTable(m.final, without(part), undefined);
    expect('error' in t && t.error.code).toBe('TABLE_PART_MISSING');
  });
});
