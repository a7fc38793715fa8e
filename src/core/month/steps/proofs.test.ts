import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../../bytes';
import type { InscriptionRecord } from '../records';
import type { Agreement } from './agreement';
import { PROOF_CHUNK, verifyProofKey, verifyProofs, type ProofsInput } from './proofs';
import { fullMonth } from './recorded.test-util';
import type { OpenedPackage } from './reveal';

const m = await fullMonth();
const input = (extra: Partial<ProofsInput> = {}): ProofsInput => ({
  depth: 'full', month: m.month, batchSize: m.genesis.params.batch_size, superMajority: m.genesis.params.super_majority, key: m.key, tables: m.tables, agreement: m.agreement,
  ...extra,
});
const failures = (r: { checks: { ok: boolean; code: string }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.code);

/** The package with two batch proofs swapped (each still a well-formed proof, of another batch). */
function swapped(p: OpenedPackage): OpenedPackage {
  if (p.status !== 'valid') throw new Error('not a valid package');
  const [b0, b1, ...rest] = p.pkg.batches;
  if (!b0 || !b1) throw new Error('fewer than two batches');
  return { ...p, pkg: { ...p.pkg, batches: [{ ...b0, proof: b1.proof }, { ...b1, proof: b0.proof }, ...rest] } };
}
const lead = m.agreement.lead;
if (!lead) throw new Error('the recorded month has no lead');
const [secondary] = m.agreement.agreeing;
if (!secondary) throw new Error('the recorded month has no agreeing secondary');

describe('when every batch proof of the lead\'s and the agreeing packages verifies', () => {
  it('passes one check per package and returns the lead\'s public inputs', async () => {
    const r = await verifyProofs(input());
    expect(failures(r)).toEqual([]);
    expect(r.checks).toHaveLength(1 + m.agreement.agreeing.length);
    expect(r.value?.invalid.size).toBe(0);
    expect(r.value?.leadPublics).toHaveLength(lead.pkg?.batches.length ?? -1);
    expect(r.value?.agreement).toBe(m.agreement);
  });
});

describe('when a batch of the lead\'s package carries another batch\'s proof', () => {
  it('fails with PROOF_INVALID and gives no public inputs', async () => {
    const agreement: Agreement = { ...m.agreement, lead: swapped(lead) };
    const r = await verifyProofs(input({ agreement }));
    expect(failures(r)).toEqual(['PROOF_INVALID']);
    expect(r.value?.leadPublics).toBeUndefined();
  });
});

describe('when the lead\'s package has another number of batches than the inputs make', () => {
  it('fails with PROOF_BATCH_COUNT', async () => {
    if (lead.status !== 'valid') throw new Error('lead not valid');
    const short: OpenedPackage = { ...lead, pkg: { ...lead.pkg, batches: lead.pkg.batches.slice(1) } };
    expect(failures(await verifyProofs(input({ agreement: { ...m.agreement, lead: short } })))).toEqual(['PROOF_BATCH_COUNT']);
  });
});

describe('when an agreeing secondary\'s proofs fail', () => {
  it('its package becomes invalid, the agreement is re-counted without it (a new super-majority check), and nothing is changed in place', async () => {
    const bad = swapped(secondary);
    const agreement: Agreement = { ...m.agreement, agreeing: [bad, ...m.agreement.agreeing.slice(1)] };
    const r = await verifyProofs(input({ agreement }));
    expect(r.value?.invalid.has(bad)).toBe(true);
    expect(r.value?.agreement.agreeing).not.toContain(bad);
    expect(agreement.agreeing).toContain(bad);
    expect(r.checks.at(-1)).toMatchObject({ step: 'agreement', evidence: { agree: agreement.agreeing.length - 1 } });
  });
});

describe('when a depositor\'s quick check proves only their batch', () => {
  it('verifies that batch alone: a bad proof in another batch is not looked at', async () => {
    const user = m.tables.inputs?.table.userIds.at(-1);
    const agreement: Agreement = { ...m.agreement, lead: swapped(lead), agreeing: [] };
    const r = await verifyProofs(input({ depth: 'quick', user, agreement }));
    expect(failures(r)).toEqual([]);
    expect(r.checks[0]?.evidence.verified).toBe(1);
  });
});

describe('when a month has many batch proofs', () => {
  it('reports the count verified after each chunk, up to all of them', async () => {
    const counts: [number, number][] = [];
    await verifyProofs(input({ onProgress: (done, total) => counts.push([done, total]) }));
    const total = counts[0]?.[1] ?? 0;
    expect(total).toBeGreaterThan(PROOF_CHUNK);
    expect(counts[0]).toEqual([0, total]);
    expect(counts.at(-1)).toEqual([total, total]);
    expect(counts.map(([d]) => d)).toEqual([...counts.map(([d]) => d)].sort((a, b) => a - b));
  });

  it('stops between chunks when the verification is cancelled', async () => {
    const abort = new AbortController();
    let reported = 0;
    const run = verifyProofs(input({ signal: abort.signal, onProgress: (done) => { reported = done; if (done > 0) abort.abort(); } }));
    await expect(run).rejects.toThrow(/abort/i);
    expect(reported).toBe(PROOF_CHUNK);
  });
});

describe('when the tables the proofs are checked against could not be read', () => {
  it('the step does not apply', async () => {
    expect(await verifyProofs(input({ tables: { previous: null } }))).toEqual({ checks: [] });
  });
});

describe('when the verification key is read', () => {
  it('is not read at all when the lead\'s package is not valid', () => {
    expect(verifyProofKey({ genesis: m.genesis, records: m.records, agreement: { ...m.agreement, lead: { ...lead, status: 'invalid', reason: 'x', pkg: undefined } } })).toEqual({ checks: [] });
  });
  it('fails with PROOF_KEY_MALFORMED when it starts as JSON but does not parse', () => {
    const ref = m.genesis.verification_keys[0];
    const key = ref && m.records.get(ref.inscription);
    if (!ref || !key) throw new Error('no verification key');
    const body = new TextEncoder().encode('{"protocol": "groth16",');
    const broken: InscriptionRecord = { ...key, body, bodySha256: bytesToHex(sha256(body)) };
    const genesis = { ...m.genesis, verification_keys: [{ ...ref, sha256: broken.bodySha256 }] };
    const r = verifyProofKey({ genesis, records: new Map([...m.records, [ref.inscription, broken]]), agreement: m.agreement });
    expect(r.checks.map((c) => `${c.step} ${c.code}`)).toEqual(['proofs PROOF_KEY_MALFORMED']);
  });
  it('fails with PROOF_UNKNOWN_SYSTEM for a proof system the verifier does not know', () => {
    expect(verifyProofKey({ genesis: { ...m.genesis, proof_system: 'plonk-x' }, records: m.records, agreement: m.agreement }).checks.map((c) => c.code)).toEqual(['PROOF_UNKNOWN_SYSTEM']);
  });
});
