import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../../bytes';
import type { InscriptionRecord } from '../records';
import { agreeingOf, judgementChecks, judgePackages, proofContext, verifyProofKey, type ProofContextInput } from './proofs';
import { fullMonth } from './recorded.test-util';
import type { OpenedPackage } from './reveal';
import { once } from '../../once.test-util';

/** The recorded month carried through the steps and what these tests derive from it; loaded inside the tests, once. */
async function derive() {
  const m = await fullMonth();
  const ctxInput = (extra: Partial<ProofContextInput> = {}): ProofContextInput => ({ month: m.month, batchSize: m.genesis.params.batch_size, key: m.key, tables: m.tables, numbers: m.numbers, ...extra });
  const ctx = proofContext(ctxInput())!;
  const lead = m.round.leadPackage!;
  const agreeing = agreeingOf(m.round);
  const [secondary] = agreeing;
  if (lead.status !== 'valid' || !secondary) throw new Error('the recorded month has no valid lead with an agreeing secondary');
  const codeOf = (j: Awaited<ReturnType<typeof judgePackages>>, p: OpenedPackage) => j.invalid.get(p)?.code;

  /** The package with two batch proofs swapped (each still a well-formed proof, of another batch). */
  function swapped(p: OpenedPackage): OpenedPackage {
    if (p.status !== 'valid') throw new Error('not a valid package');
    const [b0, b1, ...rest] = p.pkg.batches;
    if (!b0 || !b1) throw new Error('fewer than two batches');
    return { ...p, pkg: { ...p.pkg, batches: [{ ...b0, proof: b1.proof }, { ...b1, proof: b0.proof }, ...rest] } };
  }
  const withPkg = (p: OpenedPackage, change: Partial<NonNullable<OpenedPackage['pkg']>>): OpenedPackage => (p.status === 'valid' ? { ...p, pkg: { ...p.pkg, ...change } } : p);
  return { m, ctxInput, ctx, lead, agreeing, secondary, codeOf, swapped, withPkg };
}
const load = once(derive);

describe('when every batch proof of the lead\'s and the agreeing packages verifies', () => {
  it('proves them all, returns the lead\'s public inputs and finds no fault of the program', async () => {
    const { m, ctx, lead, agreeing } = await load();
    const j = await judgePackages(ctx, m.numbers, lead, agreeing);
    expect(j.invalid.size).toBe(0);
    expect(j.proven).toEqual([lead, ...agreeing]);
    expect(j.leadPublics).toHaveLength(lead.pkg?.batches.length ?? -1);
    expect(j.programFaults).toEqual([]);
    const checks = judgementChecks(j, lead, agreeing);
    expect(checks.map((c) => c.code)).toEqual(new Array(1 + agreeing.length).fill('OK'));
    expect(checks[0]?.evidence).toMatchObject({ actuary: lead.entry.actuary, verified: lead.pkg?.batches.length });
  });
});

describe('when a package\'s public inputs do not hang together', () => {
  it('a batch of the lead\'s package carrying another batch\'s proof is PROOF_INVALID, with no public inputs', async () => {
    const { m, ctx, lead, agreeing, codeOf, swapped } = await load();
    const bad = swapped(lead);
    const j = await judgePackages(ctx, m.numbers, bad, agreeing);
    expect(codeOf(j, bad)).toBe('PROOF_INVALID');
    expect(j.invalid.get(bad)?.evidence).toMatchObject({ actuary: lead.entry.actuary });
    expect(j.leadPublics).toBeUndefined();
    expect(j.proven).toEqual(agreeing);
    expect(judgementChecks(j, bad, agreeing).map((c) => c.code)[0]).toBe('PROOF_INVALID');
    expect(judgementChecks(j, bad, agreeing, false, true)).toHaveLength(agreeing.length);
  });

  it('another number of batches than the inputs make is PROOF_BATCH_COUNT', async () => {
    const { m, ctx, lead, codeOf, withPkg } = await load();
    const short = withPkg(lead, { batches: lead.pkg!.batches.slice(1) });
    expect(codeOf(await judgePackages(ctx, m.numbers, short, []), short)).toBe('PROOF_BATCH_COUNT');
  });

  it('partials that do not add up to the totals are PROOF_BATCH_SUMS', async () => {
    const { m, ctx, lead, codeOf, withPkg } = await load();
    const more = withPkg(lead, { F: lead.pkg!.F + 1n });
    expect(codeOf(await judgePackages(ctx, m.numbers, more, []), more)).toBe('PROOF_BATCH_SUMS');
  });

  it('batch roots that do not make the package\'s root are PROOF_ROOT_MISMATCH', async () => {
    const { m, ctx, lead, codeOf, withPkg } = await load();
    const other = withPkg(lead, { newRoot: '00'.repeat(32) });
    expect(codeOf(await judgePackages(ctx, m.numbers, other, []), other)).toBe('PROOF_ROOT_MISMATCH');
  });

  it('a package naming another table than the program\'s is TABLE_HASH_MISMATCH, after its proofs verified', async () => {
    const { m, ctx, lead, secondary, codeOf, withPkg } = await load();
    const other = withPkg(secondary, { tableSha256: '00'.repeat(32) });
    const j = await judgePackages(ctx, m.numbers, lead, [other]);
    expect(codeOf(j, other)).toBe('TABLE_HASH_MISMATCH');
    expect(j.invalid.get(other)?.evidence).toMatchObject({ program: m.numbers.table?.sha256 });
    expect(judgementChecks(j, lead, [other]).map((c) => [c.code, c.evidence.invalid])).toEqual([['OK', undefined], ['OK', 'TABLE_HASH_MISMATCH']]);
  });
});

describe('when an agreeing secondary\'s proofs fail', () => {
  it('only its package is invalid and listed as information; the lead stays proven', async () => {
    const { m, ctx, lead, agreeing, secondary, swapped } = await load();
    const bad = swapped(secondary);
    const j = await judgePackages(ctx, m.numbers, lead, [bad, ...agreeing.slice(1)]);
    expect([...j.invalid.keys()]).toEqual([bad]);
    expect(j.leadPublics).toBeDefined();
    const checks = judgementChecks(j, lead, [bad]);
    expect(checks.map((c) => c.ok)).toEqual([true, true]);
    expect(checks[1]?.evidence.invalid).toBe('PROOF_INVALID');
  });
});

describe('when the lead\'s proofs verify but the program computes another month', () => {
  it('other totals are PROGRAM_TOTALS_MISMATCH, another table root PROGRAM_OUTPUT_MISMATCH: faults of the program, not the lead', async () => {
    const { m, ctx, lead } = await load();
    const numbers = { ...m.numbers, F: m.numbers.F + 1n, table: { ...m.numbers.table!, root: m.numbers.table!.root + 1n } };
    const j = await judgePackages(ctx, numbers, lead, []);
    expect(j.programFaults.map((e) => e.code)).toEqual(['PROGRAM_TOTALS_MISMATCH', 'PROGRAM_OUTPUT_MISMATCH']);
    expect(j.invalid.size).toBe(0);
    // Quick depth reports them with the proofs; full depth leaves them to the lottery step.
    expect(judgementChecks(j, lead, [], true).map((c) => c.code)).toEqual(['PROGRAM_TOTALS_MISMATCH', 'PROGRAM_OUTPUT_MISMATCH', 'OK']);
    expect(judgementChecks(j, lead, []).map((c) => c.code)).toEqual(['OK']);
  });

  it('a program whose W or R alone differ is still caught', async () => {
    const { m, ctx, lead } = await load();
    for (const change of [{ W: m.numbers.W + 1n }, { R: m.numbers.R + 1n }]) {
      expect((await judgePackages(ctx, { ...m.numbers, ...change }, lead, [])).programFaults.map((e) => e.code)).toEqual(['PROGRAM_TOTALS_MISMATCH']);
    }
  });

  it('without the program\'s numbers nothing is compared with them', async () => {
    const { ctx, lead, agreeing } = await load();
    const j = await judgePackages(ctx, undefined, lead, agreeing);
    expect(j.programFaults).toEqual([]);
    expect(j.invalid.size).toBe(0);
  });
});

describe('when a depositor\'s quick check proves only their batch', () => {
  it('verifies that batch alone: a bad proof in another batch is not looked at', async () => {
    const { m, ctxInput, lead, swapped } = await load();
    const user = m.tables.inputs?.table.userIds.at(-1);
    const quick = proofContext(ctxInput({ quick: true, user }))!;
    expect(quick.onlyBatch).toBe(lead.pkg!.batches.length - 1);
    const j = await judgePackages(quick, m.numbers, swapped(lead), []);
    expect(j.invalid.size).toBe(0);
    expect(judgementChecks(j, swapped(lead), [], true)[0]?.evidence.verified).toBe(1);
  });

  it('a user id not in the inputs proves batch 0', async () => {
    const { ctxInput } = await load();
    expect(proofContext(ctxInput({ quick: true, user: 'nobody' }))?.onlyBatch).toBe(0);
    expect(proofContext(ctxInput({ quick: true }))?.onlyBatch).toBe(0);
  });
});

describe('when the tables the proofs are checked against could not be read', () => {
  it('there is no context to judge packages in', async () => {
    const { m, ctxInput } = await load();
    expect(proofContext(ctxInput({ tables: { previous: null } }))).toBeUndefined();
    expect(proofContext(ctxInput({ tables: { ...m.tables, previous: undefined } }))).toBeUndefined();
  });
});

describe('the secondaries judged with the lead', () => {
  it('are the counted valid packages with the lead\'s root, in race order', async () => {
    const { m, lead, agreeing, withPkg } = await load();
    expect(agreeing.every((p) => p.entry.status === 'counted' && p.pkg?.newRoot === lead.pkg?.newRoot)).toBe(true);
    const ranks = agreeing.map((p) => p.entry.rank ?? 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const reversed = { ...m.round, reveal: { ...m.round.reveal, packages: [...m.round.reveal.packages].reverse() } };
    expect(agreeingOf(reversed)).toEqual(agreeing);
    expect(agreeingOf({ ...m.round, leadPackage: withPkg(lead, { newRoot: '00'.repeat(32) }) })).toEqual([]);
  });
});

describe('when the verification key is read', () => {
  it('returns the proof system and the parsed key', async () => {
    const { m } = await load();
    const r = verifyProofKey({ genesis: m.genesis, records: m.records });
    expect(r.checks).toEqual([]);
    expect(r.value?.system).toBe(m.key.system);
  });
  it('fails with PROOF_KEY_MALFORMED when it starts as JSON but does not parse', async () => {
    const { m } = await load();
    const ref = m.genesis.verification_keys[0];
    const key = ref && m.records.get(ref.inscription);
    if (!ref || !key) throw new Error('no verification key');
    const body = new TextEncoder().encode('{"protocol": "groth16",');
    const broken: InscriptionRecord = { ...key, body, bodySha256: bytesToHex(sha256(body)) };
    const genesis = { ...m.genesis, verification_keys: [{ ...ref, sha256: broken.bodySha256 }] };
    const r = verifyProofKey({ genesis, records: new Map([...m.records, [ref.inscription, broken]]) });
    expect(r.checks.map((c) => `${c.step} ${c.code}`)).toEqual(['proofs PROOF_KEY_MALFORMED']);
  });
  it('fails with PROOF_UNKNOWN_SYSTEM for a proof system the verifier does not know', async () => {
    const { m } = await load();
    expect(verifyProofKey({ genesis: { ...m.genesis, proof_system: 'plonk-x' }, records: m.records }).checks.map((c) => c.code)).toEqual(['PROOF_UNKNOWN_SYSTEM']);
  });
});

describe('when an attempt has many batch proofs', () => {
  it('reports the count verified as it goes, from none to all of them', async () => {
    const { m, ctxInput, lead, agreeing } = await load();
    const counts: [number, number][] = [];
    await judgePackages(proofContext(ctxInput({ onProgress: (done, total) => counts.push([done, total]) }))!, m.numbers, lead, agreeing);
    const total = counts[0]?.[1] ?? 0;
    expect(total).toBe(lead.pkg!.batches.length * (1 + agreeing.length));
    expect(counts[0]).toEqual([0, total]);
    expect(counts.at(-1)).toEqual([total, total]);
    expect(counts.map(([d]) => d)).toEqual([...counts.map(([d]) => d)].sort((a, b) => a - b));
  });

  it('stops when the verification is cancelled, with the signal\'s reason, and verifies nothing more', async () => {
    const { m, ctxInput, lead, agreeing } = await load();
    // Cancelled at the first report (0 of all): the recorded month's proofs fit one chunk, so this is the only point
    // between chunks; a cancel in the middle of a longer run is tested on the pool (workers/node-proof-pool.test.ts).
    const abort = new AbortController();
    const counts: number[] = [];
    const onProgress = (done: number) => { counts.push(done); abort.abort(new Error('cancelled by the test')); };
    await expect(judgePackages(proofContext(ctxInput({ signal: abort.signal, onProgress }))!, m.numbers, lead, agreeing)).rejects.toThrow('cancelled by the test');
    expect(counts).toEqual([0]);
  });

  it('a bad proof among them is named the same way over worker threads', async () => {
    const { m, ctxInput, lead, agreeing, secondary, swapped } = await load();
    const { nodeProofWorker } = await import('../../../../workers/node-proof-pool');
    const bad = swapped(secondary);
    const j = await judgePackages(proofContext(ctxInput({ workers: { threads: 2, minPerThread: 1, spawn: nodeProofWorker } }))!, m.numbers, lead, [bad, ...agreeing.slice(1)]);
    expect([...j.invalid.keys()]).toEqual([bad]);
    expect(j.invalid.get(bad)?.code).toBe('PROOF_INVALID');
  });
});
