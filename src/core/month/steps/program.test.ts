import { describe, expect, it } from 'vitest';
import { runAllocationProgram } from '../../program/host';
import type { AllocationTable } from '../../table/allocation';
import { VerifyError } from '../../errors';
import { verifyProgram, type ProgramInput, type ProgramRunner } from './program';
import { fullMonth } from './recorded.test-util';
import type { FinalTable } from './tables';

const m = await fullMonth();
const input = (extra: Partial<ProgramInput> = {}): ProgramInput => ({
  depth: 'full', month: m.month, genesis: m.genesis, records: m.records, final: m.final, tables: m.tables, finalTable: m.finalTable, leadPublics: m.proofs.leadPublics, ...extra,
});
const failures = (r: { checks: { ok: boolean; code: string }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.code);
const read = m.finalTable;
if ('error' in read) throw read.error;
/** A runner that runs the real program, then changes its output. */
const altered = (change: (out: Awaited<ReturnType<ProgramRunner>>) => void): ProgramRunner => async (wasm, i) => {
  const r = await runAllocationProgram(wasm, i);
  change(r);
  return r;
};

describe('when the pinned program reproduces the final table, the proofs\' totals and the committed rates', () => {
  it('passes all three checks and says it read the final table', async () => {
    const r = await verifyProgram(input());
    expect(r.checks.map((c) => c.code)).toEqual(['OK', 'OK', 'OK']);
    expect(r.value).toEqual({ readFinalTable: true });
  });
});

describe('when the final table differs from the program\'s allocations', () => {
  it('fails with PROGRAM_OUTPUT_MISMATCH at the first differing row, and a row count mismatch too', async () => {
    const table: AllocationTable = { ...read.table, allocations: read.table.allocations.map((a, i) => (i === 2 ? a + 1n : a)) };
    const r = await verifyProgram(input({ finalTable: { ...read, table } }));
    expect(failures(r)).toEqual(['PROGRAM_OUTPUT_MISMATCH']);
    expect(r.checks.find((c) => !c.ok)?.evidence.row).toBe(2);
    const shorter = { ...read, table: { ...read.table, rows: read.table.rows - 1 } };
    expect(failures(await verifyProgram(input({ finalTable: shorter })))).toEqual(['PROGRAM_OUTPUT_MISMATCH']);
  });
});

describe('when the program\'s totals or rates differ from the proofs\' and the inputs roots\'', () => {
  it('fails with PROGRAM_TOTALS_MISMATCH and PROGRAM_RATES_MISMATCH', async () => {
    const run = altered((r) => { if (r.ok) { r.output.F += 1n; r.output.q[1] = (r.output.q[1] ?? 0) + 1; } });
    expect(failures(await verifyProgram(input({ run })))).toEqual(['PROGRAM_TOTALS_MISMATCH', 'PROGRAM_RATES_MISMATCH']);
  });
});

describe('when the program fails', () => {
  it('reports its PROGRAM_ code, and any other code as PROGRAM_TRAP', async () => {
    const failing = (code: 'PROGRAM_TIMEOUT' | 'FETCH_TIMEOUT'): ProgramRunner => async () => ({ ok: false, error: { code, message: 'no', evidence: {} } });
    expect(failures(await verifyProgram(input({ run: failing('PROGRAM_TIMEOUT') })))).toEqual(['PROGRAM_TIMEOUT']);
    expect(failures(await verifyProgram(input({ run: failing('FETCH_TIMEOUT') })))).toEqual(['PROGRAM_TRAP']);
  });
});

describe('when the final table is not the lead\'s, or cannot be read', () => {
  it('fails with its error, having read it (the roots step then does not report it again)', async () => {
    const notLeads: FinalTable = { ...read, notLeads: new VerifyError('TABLE_HASH_MISMATCH', 'another table') };
    const r = await verifyProgram(input({ finalTable: notLeads }));
    expect(failures(r)).toEqual(['TABLE_HASH_MISMATCH']);
    expect(r.value).toEqual({ readFinalTable: true });
    expect(failures(await verifyProgram(input({ finalTable: { error: new VerifyError('TABLE_PART_MISSING', 'gone') } })))).toEqual(['TABLE_PART_MISSING']);
  });
  it('fails with TABLE_PART_MISSING before reading the table when the program itself is not bound', async () => {
    const records = new Map([...m.records].filter(([id]) => id !== m.genesis.program.inscription));
    const r = await verifyProgram(input({ records }));
    expect(failures(r)).toEqual(['TABLE_PART_MISSING']);
    expect(r.value).toBeUndefined();
  });
});

describe('when the program cannot or need not run', () => {
  it('does not apply at quick depth, without a final, or without the month\'s tables', async () => {
    expect(await verifyProgram(input({ depth: 'quick' }))).toEqual({ checks: [] });
    expect(await verifyProgram(input({ final: undefined }))).toEqual({ checks: [] });
    expect(await verifyProgram(input({ tables: { previous: null } }))).toEqual({ checks: [] });
  });
});
