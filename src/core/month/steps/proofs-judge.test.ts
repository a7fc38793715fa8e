import { describe, expect, it, vi } from 'vitest';
import { inputsCommitments, previousCommitments } from '../../commit/batch-commitments';
import { VerifyError } from '../../errors';
import { monthRoot } from '../../commit/batches';
import { userIdField } from '../../commit/user-id';
import { PROOF_SYSTEM_IDS, type ProofSystem, type WireProof } from '../../proof/proof-system';
import type { AllocationTable } from '../../table/allocation';
import type { InputsTable } from '../../table/inputs';
import type { PackageBatch } from '../package';
import type { MonthNumbers } from './program';
import { agreeingOf, judgementChecks, judgePackages, proofContext, publicsOfPackage, verifyProofKey, type ProofContext } from './proofs';
import type { GenesisPayload } from '../../protocol/payloads';
import type { OpenedPackage } from './reveal';
import type { MonthTables } from './tables';
import { key, opened, pkg } from './test-records.test-util';

const hex = (x: bigint) => x.toString(16).padStart(64, '0');
/** A proof system that verifies every proof, except those `fail` names (by their proof's first byte), recording what it is asked. */
function systemOf(fail: Record<number, { code: string; message: string }> = {}) {
  const asked: WireProof[][] = [];
  const verifyMany = vi.fn(async (_key: unknown, items: readonly WireProof[], _opts?: unknown) => {
    asked.push([...items]);
    return { combined: true, results: items.map((it) => fail[(it.proof as Uint8Array)[0]!] ? { ok: false as const, ...fail[(it.proof as Uint8Array)[0]!]! } : { ok: true as const }) };
  });
  return { system: { verifyMany, checkKey: () => {} } as unknown as ProofSystem, asked, verifyMany };
}
/** A valid package of actuary i with these batch roots (F = W = R = 0 split evenly), its root made from them; proof bytes [tag, batch]. */
function valid(i: number, roots: bigint[], rank?: number, extra: { F?: bigint; table?: string } = {}): OpenedPackage {
  const F = extra.F ?? 0n;
  const batches: PackageBatch[] = roots.map((newRoot, b) => ({ newRoot, partialF: b === 0 ? F : 0n, partialW: 0n, partialS: b === 0 ? F : 0n, proof: Uint8Array.of(i, b) }));
  const base = opened(i, 'valid', hex(monthRoot(roots)), rank);
  return { ...base, pkg: pkg(hex(monthRoot(roots)), { batches, F, tableSha256: extra.table ?? 'cd'.repeat(32), actuary: key(i) }) } as OpenedPackage;
}
const context = (system: ProofSystem, extra: Partial<ProofContext> = {}): ProofContext => ({ system, key: 'vk', month: 4, batchCount: 2, prevBatchRoots: [1n, 2n], inputsBatchRoots: [3n, 4n], ...extra });

describe('an attempt\'s packages judged', () => {
  it('every batch proof of the lead and the agreeing packages goes to one check with its public inputs; all verify', async () => {
    const { system, asked } = systemOf();
    const lead = valid(1, [10n, 11n]);
    const other = valid(2, [10n, 11n], 1);
    const j = await judgePackages(context(system), undefined, lead, [other]);
    expect(j.invalid.size).toBe(0);
    expect(j.proven).toEqual([lead, other]);
    expect(j.combined).toBe(true);
    expect(j.leadPublics?.map((b) => [b.batchIndex, b.prevBatchRoot, b.inputsBatchRoot, b.newBatchRoot])).toEqual([[0n, 1n, 3n, 10n], [1n, 2n, 4n, 11n]]);
    expect(asked[0]?.map((it) => [...(it.proof as Uint8Array)])).toEqual([[1, 0], [1, 1], [2, 0], [2, 1]]);
  });

  it('a package with other batch roots is checked against its own root, not the lead\'s', async () => {
    const { system } = systemOf();
    const lead = valid(1, [10n, 11n]);
    const other = valid(2, [12n, 11n], 1);
    const liar = { ...valid(3, [12n, 13n], 2) };
    liar.pkg = { ...liar.pkg!, newRoot: lead.pkg!.newRoot };
    const j = await judgePackages(context(system), undefined, lead, [other, liar]);
    expect(j.proven).toEqual([lead, other]);
    expect(j.invalid.get(liar)?.code).toBe('PROOF_ROOT_MISMATCH');
    expect(j.invalid.get(liar)?.evidence).toEqual({ computed: hex(monthRoot([12n, 13n])), package: lead.pkg!.newRoot });
  });

  it('a proof that fails makes its package invalid: a PROOF_ code kept, any other code PROOF_INVALID; the batch and actuary named', async () => {
    const { system } = systemOf({ 2: { code: 'PROOF_POINT_NOT_ON_CURVE', message: 'off curve' }, 3: { code: 'ENGINE_ERROR', message: 'boom' } });
    const lead = valid(1, [10n, 11n]);
    const two = valid(2, [10n, 11n], 1);
    const three = valid(3, [10n, 11n], 2);
    const j = await judgePackages(context(system), undefined, lead, [two, three]);
    expect(j.invalid.get(two)).toMatchObject({ code: 'PROOF_POINT_NOT_ON_CURVE', evidence: { actuary: key(2), batch: 0 } });
    expect(j.invalid.get(three)).toMatchObject({ code: 'PROOF_INVALID', evidence: { actuary: key(3), batch: 0 } });
    expect(j.proven).toEqual([lead]);
  });

  it('a package with another batch count is invalid before any proof is checked, with both counts', async () => {
    const { system, asked } = systemOf();
    const lead = valid(1, [10n, 11n]);
    const short = valid(2, [10n], 1);
    const j = await judgePackages(context(system), undefined, lead, [short]);
    expect(j.invalid.get(short)).toMatchObject({ code: 'PROOF_BATCH_COUNT', evidence: { batches: 1, expected: 2 } });
    expect(asked[0]).toHaveLength(2);
  });

  it('quick mode checks the depositor\'s batch only', async () => {
    const { system, asked } = systemOf();
    await judgePackages(context(system, { onlyBatch: 1 }), undefined, valid(1, [10n, 11n]), []);
    expect(asked[0]?.map((it) => [...(it.proof as Uint8Array)])).toEqual([[1, 1]]);
  });

  it('hands the random source, the signal and the workers to the proof system, and reports progress', async () => {
    const { system, verifyMany } = systemOf();
    const randomBytes = (n: number) => new Uint8Array(n);
    const signal = new AbortController().signal;
    const progress: [number, number][] = [];
    await judgePackages(context(system, { randomBytes, signal, workers: { pool: 'p' } as unknown as ProofContext['workers'], onProgress: (d, t) => progress.push([d, t]) }), undefined, valid(1, [10n, 11n]), []);
    expect(verifyMany.mock.calls[0]?.[2]).toMatchObject({ randomBytes, signal, pool: 'p' });
    expect(progress[0]).toEqual([0, 2]);
  });

  it('a package that did not open has no proofs to judge (a caller bug)', async () => {
    const { system } = systemOf();
    const unopenable = opened(1, 'unopenable', 'ab'.repeat(32));
    await expect(judgePackages(context(system), undefined, unopenable, [])).rejects.toThrow(RangeError);
    expect(() => publicsOfPackage(context(system), unopenable)).toThrow(RangeError);
  });
});

describe('a lead whose proofs verify against the program\'s numbers', () => {
  const numbers = (extra: Partial<MonthNumbers> = {}) => ({ q: new Uint32Array(), allocations: new BigInt64Array(), w: [], share: [], F: 0n, W: 0n, R: 0n, ...extra }) as unknown as MonthNumbers;
  it('other totals are a fault of the program, naming both; another root too; neither makes the lead invalid', async () => {
    const { system } = systemOf();
    const lead = valid(1, [10n, 11n], undefined, { F: 5n });
    const j = await judgePackages(context(system), numbers({ F: 6n, W: 1n, R: 2n, table: { sha256: 'cd'.repeat(32), root: 99n } as MonthNumbers['table'] }), lead, []);
    expect(j.programFaults.map((e) => [e.code, e.evidence])).toEqual([
      ['PROGRAM_TOTALS_MISMATCH', { program: { F: '6', W: '1', R: '2' }, proofs: { F: '5', W: '0', R: '0' } }],
      ['PROGRAM_OUTPUT_MISMATCH', { program: hex(99n), proven: lead.pkg!.newRoot }],
    ]);
    expect(j.proven).toEqual([lead]);
  });
  it('a package naming another table than the program\'s is TABLE_HASH_MISMATCH', async () => {
    const { system } = systemOf();
    const lead = valid(1, [10n, 11n]);
    const other = valid(2, [10n, 11n], 1, { table: 'ee'.repeat(32) });
    const j = await judgePackages(context(system), numbers({ table: { sha256: 'cd'.repeat(32), root: BigInt('0x' + lead.pkg!.newRoot) } as MonthNumbers['table'] }), lead, [other]);
    expect(j.programFaults).toEqual([]);
    expect(j.invalid.get(other)).toMatchObject({ code: 'TABLE_HASH_MISMATCH', evidence: { package: 'ee'.repeat(32), program: 'cd'.repeat(32), actuary: key(2) } });
  });
});

describe('the public data packages are proven against', () => {
  /** Eleven rows in batches of four; row 6 died this month. */
  const B = 4;
  const userIds = ['drey:reserve', ...Array.from({ length: 10 }, (_, i) => `u-${i + 1}`)];
  const previous: AllocationTable = { rows: 11, userIds, allocations: BigInt64Array.from(userIds.map((_, i) => BigInt(i * 10))), total: 550n };
  const inputs = {
    rows: 11, userIds, alive: Uint8Array.from(userIds.map((_, i) => (i === 6 ? 0 : 1))), deposit: BigInt64Array.from(userIds.map((_, i) => BigInt(i))),
    dateOfBirth: new Int32Array(11), sex: new Int32Array(11), geography: new Int32Array(11), depositAddress: userIds.map(() => ''), totalDeposit: 55n,
  } as InputsTable;
  const tables: MonthTables = { previous, inputs: { table: inputs, sha256: 'ab'.repeat(32), parts: [] } };
  const numbers = { q: Uint32Array.from(userIds.map((_, i) => 1000 + i)) } as unknown as MonthNumbers;
  const keyed = { system: systemOf().system, key: 'vk' };
  const rows = (from: number, to: number) => userIds.slice(from, to).map((u, k) => ({ uid: userIdField(u), alive: inputs.alive[from + k] === 1, deposit: inputs.deposit[from + k]!, q: BigInt(numbers.q[from + k]!) }));

  it('full depth: every batch\'s previous and inputs roots, from the tables and the program\'s rates', () => {
    const ctx = proofContext({ month: 4, batchSize: B, key: keyed, tables, numbers })!;
    expect(ctx.batchCount).toBe(3);
    expect(ctx.prevBatchRoots).toEqual(previousCommitments(4, Array.from(previous.allocations), B, 3));
    expect(ctx.inputsBatchRoots).toEqual(inputsCommitments(4, rows(0, 11), B, 3));
    expect('onlyBatch' in ctx).toBe(false);
  });

  it('quick depth: only the depositor\'s batch (row ÷ batch size), the same roots as full depth there; batch 0 for an unknown id', () => {
    const full = proofContext({ month: 4, batchSize: B, key: keyed, tables, numbers })!;
    const quick = proofContext({ month: 4, batchSize: B, key: keyed, tables, numbers, quick: true, user: 'u-9' })!;
    expect(quick.onlyBatch).toBe(2);
    expect(quick.prevBatchRoots).toEqual([0n, 0n, full.prevBatchRoots[2]]);
    expect(quick.inputsBatchRoots).toEqual([0n, 0n, full.inputsBatchRoots[2]]);
    const middle = proofContext({ month: 4, batchSize: B, key: keyed, tables, numbers, quick: true, user: 'u-6' })!;
    expect(middle.onlyBatch).toBe(1);
    expect(middle.inputsBatchRoots).toEqual([0n, full.inputsBatchRoots[1]]);
    expect(proofContext({ month: 4, batchSize: B, key: keyed, tables, numbers, quick: true, user: 'u-nobody' })?.onlyBatch).toBe(0);
    expect(proofContext({ month: 4, batchSize: B, key: keyed, tables, numbers, quick: true })?.onlyBatch).toBe(0);
  });

  it('passes on the random source, progress, signal and workers; no context without the tables', () => {
    const randomBytes = (n: number) => new Uint8Array(n);
    const onProgress = () => {};
    const signal = new AbortController().signal;
    const workers = {} as NonNullable<ProofContext['workers']>;
    expect(proofContext({ month: 4, batchSize: B, key: keyed, tables, numbers, randomBytes, onProgress, signal, workers })).toMatchObject({ randomBytes, onProgress, signal, workers });
    expect(proofContext({ month: 4, batchSize: B, key: keyed, tables: { previous }, numbers })).toBeUndefined();
    expect(proofContext({ month: 4, batchSize: B, key: keyed, tables: { ...tables, previous: undefined }, numbers })).toBeUndefined();
  });

  it('the first month, with no previous table: every previous batch root is that of empty rows', () => {
    const ctx = proofContext({ month: 1, batchSize: B, key: keyed, tables: { ...tables, previous: null }, numbers })!;
    expect(ctx.prevBatchRoots).toEqual(previousCommitments(1, [], B, 3));
    expect(ctx.inputsBatchRoots).toEqual(inputsCommitments(1, rows(0, 11), B, 3));
  });
});

describe('the proofs step\'s checks for a round', () => {
  it('a valid lead and secondary pass with their batch count, totals and whether the check was combined; an invalid secondary is listed', async () => {
    const { system } = systemOf({ 3: { code: 'PROOF_INVALID', message: 'no' } });
    const lead = valid(1, [10n, 11n], undefined, { F: 5n });
    const two = valid(2, [10n, 11n], 1, { F: 5n });
    const three = valid(3, [10n, 11n], 2, { F: 5n });
    const j = await judgePackages(context(system), undefined, lead, [two, three]);
    const checks = judgementChecks(j, lead, [two, three]);
    expect(checks.map((c) => [c.step, c.ok, c.code])).toEqual([['proofs', true, 'OK'], ['proofs', true, 'OK'], ['proofs', true, 'OK']]);
    expect(checks[0]?.evidence).toEqual({ actuary: key(1), batches: 2, verified: 2, F: '5', W: '0', R: '0' });
    expect(checks[2]?.evidence).toEqual({ actuary: key(3), invalid: 'PROOF_INVALID' });
    expect(checks[0]?.message).toMatch(/one combined check/);
    expect(judgementChecks({ ...j, combined: false }, lead, [])[0]?.message).toMatch(/one by one/);
    expect(judgementChecks(j, lead, [], true)[0]?.evidence).toMatchObject({ batches: 2, verified: 1 });
  });
  it('an invalid lead fails the step unless an earlier step reported it; quick depth reports the program\'s faults here', async () => {
    const { system } = systemOf({ 1: { code: 'PROOF_INVALID', message: 'no' } });
    const lead = valid(1, [10n, 11n]);
    const j = await judgePackages(context(system), undefined, lead, []);
    expect(judgementChecks(j, lead, []).map((c) => [c.step, c.ok, c.code])).toEqual([['proofs', false, 'PROOF_INVALID']]);
    expect(judgementChecks(j, lead, [], false, true)).toEqual([]);
    const fault = { ...j, programFaults: [new VerifyError('PROGRAM_TOTALS_MISMATCH', 'F')] };
    expect(judgementChecks(fault, lead, [], true, true).map((c) => [c.step, c.code])).toEqual([['proofs', 'PROGRAM_TOTALS_MISMATCH']]);
    expect(judgementChecks(fault, lead, [], false, true)).toEqual([]);
  });
});

describe('what the proofs step tells and reuses', () => {
  it('a package root cached for other batch roots, even a prefix of these, is not reused', () => {
    const { system } = systemOf();
    const lead = valid(1, [10n, 11n]);
    for (const cached of [[10n], [10n, 12n]]) {
      const ctx = context(system, { roots: [{ batchRoots: cached, root: monthRoot(cached) }] });
      expect(publicsOfPackage(ctx, lead).publics.map((b) => b.newBatchRoot)).toEqual([10n, 11n]);
      expect(ctx.roots?.at(-1)).toEqual({ batchRoots: [10n, 11n], root: monthRoot([10n, 11n]) });
    }
  });

  it('a lead whose proof fails has no public inputs, and the program is not held to its totals', async () => {
    const { system } = systemOf({ 1: { code: 'PROOF_INVALID', message: 'no' } });
    const lead = valid(1, [10n, 11n], undefined, { F: 5n });
    const numbers = { q: new Uint32Array(), F: 6n, W: 0n, R: 0n } as unknown as MonthNumbers;
    const j = await judgePackages(context(system), numbers, lead, []);
    expect(j.leadPublics).toBeUndefined();
    expect(j.programFaults).toEqual([]);
    expect(j.invalid.get(lead)?.message).toBe(`batch 0 of ${key(1)}'s package: no`);
  });

  it('each failure says what is wrong in words', async () => {
    const { system } = systemOf();
    const lead = valid(1, [10n, 11n], undefined, { F: 5n });
    const short = valid(2, [10n], 1);
    const liar = valid(3, [12n, 13n], 2);
    liar.pkg = { ...liar.pkg!, newRoot: lead.pkg!.newRoot };
    const other = valid(4, [10n, 11n], 3, { table: 'ee'.repeat(32), F: 5n });
    const numbers = { q: new Uint32Array(), F: 6n, W: 0n, R: 0n, table: { sha256: 'cd'.repeat(32), root: 99n } } as unknown as MonthNumbers;
    const j = await judgePackages(context(system), numbers, lead, [short, liar, other]);
    expect(j.invalid.get(short)?.message).toBe('the package has 1 batches; the inputs table makes 2');
    expect(j.invalid.get(liar)?.message).toBe('the batches\' new roots do not make the package\'s root');
    expect(j.invalid.get(other)?.message).toBe('the package names another allocation table than the program\'s');
    expect(j.programFaults.map((e) => e.message)).toEqual([
      'the lead\'s proofs verify, but the program\'s F, W, R differ from theirs: the pinned program and the batch circuit compute different months',
      'the lead\'s proofs verify, but the program\'s allocations do not hash to the proven root: the pinned program and the batch circuit compute different months',
    ]);
    const checks = judgementChecks(j, lead, [other]);
    expect(checks[0]?.message).toBe(`${key(1)}'s 2 batch proof(s) verify (one combined check); Σ partials = globals; previous roots from the previous table, inputs roots from the inputs table and the program's rates; the package names the program's table`);
    expect(checks[1]?.message).toBe(`secondary ${key(4)}'s package is invalid: the package names another allocation table than the program's`);
    expect(judgementChecks(j, lead, [], true).at(-1)?.message).toBe(`${key(1)}'s 1 batch proof(s) verify (one combined check); Σ partials = globals; previous roots from the previous table, inputs roots from the inputs table and the program's rates`);
  });

  it('no secondary agrees with a lead that has no package, or none at all', () => {
    const two = valid(2, [10n, 11n], 1);
    expect(agreeingOf({ reveal: { packages: [two] } })).toEqual([]);
    expect(agreeingOf({ reveal: { packages: [two] }, leadPackage: opened(1, 'invalid', 'ab'.repeat(32)) })).toEqual([]);
  });

  it('a genesis naming no verification key is a caller bug, not a failed check', () => {
    const genesis = { proof_system: PROOF_SYSTEM_IDS[0], verification_keys: [] } as unknown as GenesisPayload;
    expect(() => verifyProofKey({ genesis, records: new Map() })).toThrow(RangeError);
    expect(() => verifyProofKey({ genesis, records: new Map() })).toThrow('a genesis names at least one verification key');
  });
});
