import { describe, expect, it } from 'vitest';
import type { RevealSource } from '../records';
import { verifyHeaders } from './headers';
import { verifyInscriptions } from './inscriptions';
import { recorded, REGTEST } from './recorded.test-util';

/** The recorded month, its verified blocks and a reveal bound to a fetched commit; built inside the tests, once. */
let cached: ReturnType<typeof load> | undefined;
function load() {
  const { sources } = recorded('full');
  const blocks = verifyHeaders({ blocks: sources.blocks, network: REGTEST }).value ?? new Map();
  const withSpent = Object.values(sources.reveals).find((r) => Object.keys(r.spent).length > 0);
  if (!withSpent) throw new Error('the recorded month has no bound reveal');
  const one = (r: RevealSource) => verifyInscriptions({ reveals: { [r.tx.txid]: r }, blocks, failures: [] });
  return { sources, blocks, withSpent, one };
}
const month = () => (cached ??= load());

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
