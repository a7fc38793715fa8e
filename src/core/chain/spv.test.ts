import { describe, expect, it } from 'vitest';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { spvCases, flipHexByte, type SpvCase } from '../../../vectors/spv/cases';
import { VerifyError } from '../errors';
import { errorOf } from '../errors.test-util';
import { networkFromName } from './network';
import { verifySpv } from './spv';

const caseFiles = import.meta.glob<SpvCase>('../../../vectors/spv/cases/*.json', { eager: true, import: 'default' });
const code = (c: string) => expect.objectContaining({ code: c });

function run(c: SpvCase) {
  return verifySpv({ headerHex: c.header, txHex: c.tx, proof: c.proof, network: networkFromName(c.network), ...(c.txid ? { txid: c.txid } : {}) });
}

describe('verifySpv on every real proof', () => {
  for (const p of REAL_PROOFS) {
    it(`${p.name}: verified, with the position and block hash re-derived`, () => {
      const r = verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: networkFromName(p.network), txid: p.txid, blockHash: p.blockHash });
      expect(r.evidence).toMatchObject({ txid: p.txid, blockHash: p.blockHash, height: p.proof.block_height, position: p.proof.pos, witnessCovered: false });
    });
  }

  it('rejects a header that is not the expected block hash', () => {
    const [p, q] = [REAL_PROOFS[0]!, REAL_PROOFS.at(-1)!];
    expect(() => verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: networkFromName('mainnet'), blockHash: q.blockHash }))
      .toThrow(code('CHAIN_HEADER_HASH_MISMATCH'));
  });
});

describe('the committed mutation vectors in vectors/spv/cases', () => {
  const files = Object.values(caseFiles);
  it('are exactly what the generator writes (run npx tsx scripts/gen-spv-vectors.ts after changing it)', () => {
    const byName = (a: SpvCase, b: SpvCase) => a.name.localeCompare(b.name);
    expect([...files].sort(byName)).toEqual(spvCases().sort(byName));
  });
  for (const c of files) {
    it(`${c.name}: ${c.mustFail ? 'rejected' : 'accepted'} (${c.description})`, () => {
      if (!c.mustFail) {
        expect(run(c).evidence.txid).toBe(REAL_PROOFS.find((p) => p.name === c.from)!.txid);
        return;
      }
      let error: unknown;
      try { run(c); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(VerifyError);
      expect(c.expectCodes).toContain((error as VerifyError).code);
    });
  }
});

describe('exhaustively, for one real proof', () => {
  const p = REAL_PROOFS.find((r) => r.name === 'testnet3-2582756-pos10')!;
  const net = networkFromName(p.network);
  const rejects = (patch: { headerHex?: string; proof?: unknown; txHex?: string }) =>
    expect(() => verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: net, ...patch })).toThrow(VerifyError);

  it('every header byte flipped is rejected (80 cases)', () => {
    for (let i = 0; i < 80; i++) rejects({ headerHex: flipHexByte(p.headerHex, i) });
  });
  it('every byte of every branch hash flipped is rejected', () => {
    p.proof.merkle.forEach((h, level) => {
      for (let i = 0; i < 32; i++) rejects({ proof: { ...p.proof, merkle: p.proof.merkle.map((m, j) => (j === level ? flipHexByte(h, i) : m)) } });
    });
  });
  it('every other position up to 2^length is rejected', () => {
    for (let pos = 0; pos < 2 ** p.proof.merkle.length; pos++) if (pos !== p.proof.pos) rejects({ proof: { ...p.proof, pos } });
  });
});


describe('verifySpv: the evidence of a real mainnet proof', () => {
  const p = REAL_PROOFS.find((r) => r.name === 'mainnet-696394-pos1336')!;
  it('states block, position, bits, target, work, time and network', () => {
    const target = 0x12180bn << 160n; // bits 0x1712180b
    const r = verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: networkFromName('mainnet') });
    expect(r.evidence).toEqual({
      txid: p.txid, wtxid: r.tx.wtxid, blockHash: '0000000000000000000aca0460feaf0661f173b75d4cc824b57233aa7c6b7bc3', height: 696394, position: 1336,
      merkleRoot: '90865c682c43de98a02117b2d763491bd0ac7be4fb5fbd2daef6a548410581c2', bits: '0x1712180b', target: target.toString(16).padStart(64, '0'),
      work: ((1n << 256n) / (target + 1n)).toString(), time: 1629300076, network: 'mainnet', witnessCovered: false,
    });
    expect(r.evidence.target).toMatch(/^0{18}12180b0{40}$/);
  });
});

describe('verifySpv: what a mismatch names', () => {
  const [p, q] = [REAL_PROOFS[0]!, REAL_PROOFS.at(-1)!];
  const net = networkFromName('mainnet');
  it('the expected and computed block hashes (case-insensitive match otherwise)', () => {
    const e = errorOf(() => verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: net, blockHash: q.blockHash }));
    expect(e.code).toBe('CHAIN_HEADER_HASH_MISMATCH');
    expect(e.evidence).toEqual({ expected: q.blockHash, computed: p.blockHash });
    expect(e.message).not.toBe('');
    expect(verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: net, blockHash: p.blockHash.toUpperCase() }).evidence.blockHash).toBe(p.blockHash);
  });
  it('the expected and computed txids (case-insensitive match otherwise)', () => {
    const e = errorOf(() => verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: net, txid: q.txid }));
    expect(e.code).toBe('CHAIN_TXID_MISMATCH');
    expect(e.evidence).toEqual({ expected: q.txid, computed: p.txid });
    expect(e.message).not.toBe('');
    expect(verifySpv({ headerHex: p.headerHex, txHex: p.txHex, proof: p.proof, network: net, txid: p.txid.toUpperCase() }).evidence.txid).toBe(p.txid);
  });
});
