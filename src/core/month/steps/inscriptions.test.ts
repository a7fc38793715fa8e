import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../../bytes';
import type { RevealSource } from '../records';
import { verifyHeaders } from './headers';
import { verifyInscriptions } from './inscriptions';
import { recorded, REGTEST } from './recorded.test-util';
import { once } from '../../once.test-util';

/** The recorded month, its verified blocks and a reveal bound to a fetched commit; built inside the tests, once. */
function load() {
  const { sources } = recorded('full');
  const blocks = verifyHeaders({ blocks: sources.blocks, network: REGTEST }).value ?? new Map();
  const withSpent = Object.values(sources.reveals).find((r) => Object.keys(r.spent).length > 0);
  if (!withSpent) throw new Error('the recorded month has no bound reveal');
  const one = (r: RevealSource) => verifyInscriptions({ reveals: { [r.tx.txid]: r }, blocks, failures: [] });
  return { sources, blocks, withSpent, one };
}
const month = once(load);

describe('when every reveal sits in a verified block and its witness is bound to its commit output', () => {
  it('passes one check per reveal and returns every drey/1 inscription by id', () => {
    const { sources, blocks } = month();
    const r = verifyInscriptions({ reveals: sources.reveals, blocks, failures: [] });
    expect(r.checks.every((c) => c.ok && c.step === 'inscriptions')).toBe(true);
    expect(r.value?.size).toBeGreaterThanOrEqual(r.checks.length);
    const heights = r.checks.map((c) => c.evidence.height as number);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
  });
});

describe('when a reveal claims a block that did not verify', () => {
  it('fails with CHAIN_BLOCK_UNVERIFIED', () => {
    const { withSpent, one } = month();
    expect(one({ ...withSpent, proof: { ...withSpent.proof, block_height: withSpent.proof.block_height + 10_000 } }).checks.map((c) => c.code)).toEqual(['CHAIN_BLOCK_UNVERIFIED']);
  });
});

describe('when a reveal\'s Merkle proof names another position', () => {
  it('fails with a CHAIN_MERKLE_ code and the transaction id in the evidence', () => {
    const { withSpent, one } = month();
    const c = one({ ...withSpent, proof: { ...withSpent.proof, pos: withSpent.proof.pos ^ 1 } }).checks[0];
    expect(c?.code).toMatch(/^CHAIN_MERKLE_/);
    expect(c?.evidence.txid).toBe(withSpent.tx.txid);
  });
});

describe('when the transaction a reveal spends was not fetched', () => {
  it('fails with CHAIN_TAPROOT_PREVOUT_MISMATCH: the witness cannot be bound', () => {
    const { withSpent, one } = month();
    expect(one({ ...withSpent, spent: {} }).checks.map((c) => c.code)).toEqual(['CHAIN_TAPROOT_PREVOUT_MISMATCH']);
  });
});

describe('when the fetch layer could not obtain transactions', () => {
  it('each is a failed fetch check: FETCH_ and CHAIN_ codes kept, others FETCH_FAILED', () => {
    const { blocks } = month();
    const r = verifyInscriptions({ reveals: {}, blocks, failures: [
      { txid: 'aa'.repeat(32), code: 'FETCH_TIMEOUT', message: 'slow' },
      { txid: 'bb'.repeat(32), code: 'CHAIN_TXID_MISMATCH', message: 'lied' },
      { txid: 'cc'.repeat(32), code: 'TABLE_TOO_LARGE', message: 'odd' },
    ] });
    expect(r.checks.map((c) => `${c.step} ${c.code}`)).toEqual(['fetch FETCH_TIMEOUT', 'fetch CHAIN_TXID_MISMATCH', 'fetch FETCH_FAILED']);
  });
});

describe('when a drey/1 envelope sits in a witness that spends no P2TR output (§2.5)', () => {
  it('is no protocol inscription: listed as INSCRIPTION_NOT_TAPROOT, never a failure, and not returned', () => {
    const { withSpent, one } = month();
    const input = withSpent.tx.inputs.find((i) => withSpent.spent[i.txid]);
    if (!input) throw new Error('no spent input');
    const spentTx = withSpent.spent[input.txid]!;
    const p2wsh = Uint8Array.from([0x00, 0x20, ...new Uint8Array(32).fill(7)]);
    const outputs = spentTx.outputs.map((o, i) => (i === input.vout ? { ...o, script: p2wsh } : o));
    const r = one({ ...withSpent, spent: { ...withSpent.spent, [input.txid]: { ...spentTx, outputs } } });
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.checks.map((c) => c.evidence.ignored).filter(Boolean)).toContain('INSCRIPTION_NOT_TAPROOT');
    expect([...(r.value?.values() ?? [])].filter((x) => x.txid === withSpent.tx.txid && x.commitTxid === input.txid)).toEqual([]);
  });
});

describe('the records and evidence of bound reveals', () => {
  it('each record names its reveal, index, block, position, body hash, where it was found and its commit; the check lists them', () => {
    const { withSpent, blocks, one } = month();
    const r = one(withSpent);
    const recs = [...(r.value?.values() ?? [])];
    const block = blocks.get(withSpent.proof.block_height)!;
    expect(recs.length).toBeGreaterThan(0);
    for (const x of recs) {
      expect(x).toMatchObject({ txid: withSpent.tx.txid, index: Number(x.id.slice(65)), height: block.height, blockHash: block.hash, position: withSpent.proof.pos, metaprotocol: 'drey/1', found: withSpent.found, bound: true });
      expect(x.id.startsWith(`${withSpent.tx.txid}i`)).toBe(true);
      expect(x.bodySha256).toBe(bytesToHex(sha256(x.body)));
      expect(withSpent.spent[x.commitTxid]).toBeDefined();
    }
    expect(r.checks).toEqual([expect.objectContaining({ ok: true, step: 'inscriptions', evidence: {
      txid: withSpent.tx.txid, height: block.height, position: withSpent.proof.pos, blockHash: block.hash, ids: recs.map((x) => x.id), commitTxid: recs[0]!.commitTxid,
    } })]);
  });

  it('reveals are checked by height, then by position in the block', () => {
    const { sources, blocks } = month();
    const r = verifyInscriptions({ reveals: sources.reveals, blocks, failures: [] });
    const at = r.checks.filter((c) => c.evidence.height !== undefined).map((c) => [c.evidence.height as number, c.evidence.position as number]);
    expect(at).toEqual([...at].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(new Set(at.map(([h]) => h)).size).toBeLessThan(at.length);
  });

  it('a failure names the reveal: the claimed height, or the input and the transaction it spends', () => {
    const { withSpent, one } = month();
    const far = withSpent.proof.block_height + 10_000;
    expect(one({ ...withSpent, proof: { ...withSpent.proof, block_height: far } }).checks[0]).toMatchObject({ step: 'inscriptions', evidence: { txid: withSpent.tx.txid, height: far } });
    const c = one({ ...withSpent, spent: {} }).checks[0]!;
    expect(c.evidence).toMatchObject({ txid: withSpent.tx.txid, input: expect.any(Number) });
    expect(c.evidence.spends).toBe(withSpent.tx.inputs[c.evidence.input as number]!.txid);
  });

  it('a fetch failure names its transaction', () => {
    const { blocks } = month();
    expect(verifyInscriptions({ reveals: {}, blocks, failures: [{ txid: 'aa'.repeat(32), code: 'FETCH_TIMEOUT', message: 'slow' }] }).checks[0]?.evidence).toEqual({ txid: 'aa'.repeat(32) });
  });

  it('an ignored envelope names itself, its reveal and why; scripts that only look like P2TR are not P2TR', () => {
    const { withSpent, one } = month();
    const input = withSpent.tx.inputs.find((i) => withSpent.spent[i.txid])!;
    const spentTx = withSpent.spent[input.txid]!;
    const p2tr = spentTx.outputs[input.vout]!.script;
    for (const script of [Uint8Array.from([0x52, ...p2tr.slice(1)]), Uint8Array.from([0x51, 0x21, ...p2tr.slice(2)]), p2tr.slice(0, 33)]) {
      const outputs = spentTx.outputs.map((o, i) => (i === input.vout ? { ...o, script } : o));
      const ignored = one({ ...withSpent, spent: { ...withSpent.spent, [input.txid]: { ...spentTx, outputs } } }).checks.filter((c) => c.evidence.ignored);
      expect(ignored.length).toBeGreaterThan(0);
      expect(ignored[0]).toMatchObject({ ok: true, step: 'inscriptions', evidence: { txid: withSpent.tx.txid, ignored: 'INSCRIPTION_NOT_TAPROOT' } });
      expect(String(ignored[0]!.evidence.id).startsWith(withSpent.tx.txid)).toBe(true);
    }
  });
});
