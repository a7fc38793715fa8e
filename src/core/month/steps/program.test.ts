import { describe, expect, it } from 'vitest';
import type { AllocationTable } from '../../table/allocation';
import { verifyProgram, programTable, type ProgramInput, type ProgramRunner } from './program';
import { fullMonth } from './recorded.test-util';

/** The recorded month carried through the steps, its final table and inputs; loaded inside the tests. */
async function month() {
  const m = await fullMonth();
  const read = m.finalTable;
  if ('error' in read) throw read.error;
  const input = (extra: Partial<ProgramInput> = {}): ProgramInput => ({ depth: 'full', month: m.month, genesis: m.genesis, records: m.records, tables: m.tables, ...extra });
  return { m, read, inputs: m.tables.inputs!.table, input };
}
const failures = (r: { checks: { ok: boolean; code: string }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.code);

describe('when the pinned program runs on the month\'s tables', () => {
  it('returns every row\'s rate and allocation, F, W and R, and at full depth the table the final must publish', async () => {
    const { m, read, inputs, input } = await month();
    const r = await verifyProgram(input());
    expect(r.checks.map((c) => c.code)).toEqual(['OK']);
    const n = r.value!;
    expect(n.q.length).toBe(inputs.rows);
    expect(n.allocations.length).toBe(inputs.rows);
    expect(n.F + n.W).toBeGreaterThan(0n);
    // The recorded month is honest: the final's table is the program's, byte for byte, and so is its root.
    expect(n.table?.sha256).toBe(read.sha256);
    expect(n.table?.root).toBe(BigInt('0x' + m.final.payload.root));
    expect(n.table?.rows.map((x) => x.userId)).toEqual(inputs.userIds);
    expect(r.checks[0]?.evidence).toMatchObject({ rows: inputs.rows, F: n.F.toString(), table: read.sha256, root: m.final.payload.root });
  });

  it('at quick depth returns the numbers without building the table', async () => {
    const { inputs, input } = await month();
    const r = await verifyProgram(input({ depth: 'quick' }));
    expect(r.value?.table).toBeUndefined();
    expect(r.value?.q.length).toBe(inputs.rows);
    expect(r.checks[0]?.evidence.table).toBeUndefined();
  });

  it('uses the runner it is given, not a rate formula of its own', async () => {
    const { read, inputs, input } = await month();
    const calls: number[] = [];
    const run: ProgramRunner = async () => {
      calls.push(1);
      return { ok: true, output: { q: new Uint32Array(inputs.rows).fill(7), newAllocations: new BigUint64Array(inputs.rows), F: 1n, W: 2n, R: 3n }, stats: { ms: 1, memoryPages: 1 } } as Awaited<ReturnType<ProgramRunner>>;
    };
    const r = await verifyProgram(input({ run }));
    expect(calls).toHaveLength(1);
    expect([...r.value!.q]).toEqual(new Array(inputs.rows).fill(7));
    expect([r.value!.F, r.value!.W, r.value!.R]).toEqual([1n, 2n, 3n]);
    expect(r.value?.table?.sha256).not.toBe(read.sha256);
  });
});

describe('when the program fails', () => {
  it('reports its PROGRAM_ code, and any other code as PROGRAM_TRAP', async () => {
    const { input } = await month();
    const failing = (code: 'PROGRAM_TIMEOUT' | 'FETCH_TIMEOUT'): ProgramRunner => async () => ({ ok: false, error: { code, message: 'no', evidence: { x: 1 } } });
    const t = await verifyProgram(input({ run: failing('PROGRAM_TIMEOUT') }));
    expect(failures(t)).toEqual(['PROGRAM_TIMEOUT']);
    expect(t.value).toBeUndefined();
    expect(t.checks[0]?.evidence).toEqual({ x: 1 });
    expect(failures(await verifyProgram(input({ run: failing('FETCH_TIMEOUT') })))).toEqual(['PROGRAM_TRAP']);
  });
});

describe('when the program or the inputs cannot be used', () => {
  it('fails with TABLE_PART_MISSING when the program itself is not bound', async () => {
    const { m, input } = await month();
    const records = new Map([...m.records].filter(([id]) => id !== m.genesis.program.inscription));
    const r = await verifyProgram(input({ records }));
    expect(failures(r)).toEqual(['TABLE_PART_MISSING']);
    expect(r.value).toBeUndefined();
  });

  it('fails with TABLE_ROW_ORDER when the inputs do not start with last month\'s rows in order', async () => {
    const { m, inputs, input } = await month();
    const swapped = [...inputs.userIds];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    const tables = { ...m.tables, inputs: { ...m.tables.inputs!, table: { ...inputs, userIds: swapped } } };
    expect(failures(await verifyProgram(input({ tables })))).toEqual(['TABLE_ROW_ORDER']);
  });

  it('does not apply without the month\'s tables', async () => {
    const { m, input } = await month();
    expect(await verifyProgram(input({ tables: undefined }))).toEqual({ checks: [] });
    expect(await verifyProgram(input({ tables: { previous: null } }))).toEqual({ checks: [] });
    expect(await verifyProgram(input({ tables: { ...m.tables, mortality: undefined } }))).toEqual({ checks: [] });
    expect(await verifyProgram(input({ tables: { ...m.tables, previous: undefined } }))).toEqual({ checks: [] });
  });
});

describe('the program\'s table', () => {
  it('is the inputs\' user ids with the program\'s allocations; one Dreybit moved changes its hash and root', () => {
    const allocations = new BigUint64Array([5n, 6n, 7n]);
    const t = programTable(2, 1, ['a', 'b', 'c'], allocations);
    expect(t.rows).toEqual([{ userId: 'a', allocation: 5n }, { userId: 'b', allocation: 6n }, { userId: 'c', allocation: 7n }]);
    const moved = programTable(2, 1, ['a', 'b', 'c'], new BigUint64Array([4n, 7n, 7n]));
    expect(moved.sha256).not.toBe(t.sha256);
    expect(moved.root).not.toBe(t.root);
    expect(programTable(3, 1, ['a', 'b', 'c'], allocations).root).not.toBe(t.root);
    expect(programTable(2, 1, ['a', 'b', 'c'], new BigUint64Array([5n])).rows[2]?.allocation).toBe(0n);
  });

  it('of the recorded month equals the final table as inscribed', async () => {
    const { m, read } = await month();
    const finalTable: AllocationTable = read.table;
    const t = programTable(m.month, m.genesis.params.batch_size, finalTable.userIds, finalTable.allocations);
    expect(t.sha256).toBe(read.sha256);
  });
});

describe('when the month\'s inputs table could not be read', () => {
  it('the program is not run, even with last month\'s table and the mortality table', async () => {
    const { input } = await month();
    const { inputs: _none, ...rest } = input().tables!;
    expect(await verifyProgram(input({ tables: rest, run: () => { throw new Error('not to be run'); } }))).toEqual({ checks: [] });
  });
});
