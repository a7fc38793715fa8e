import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../bytes';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { parseHeader } from './header';
import { MAX_BRANCH_LENGTH, merkleProofFromTxids, merkleRootFromTxids, parseMerkleProof, rootFromMerkleProof, verifyMerkleProof } from './merkle';

const code = (c: string) => expect.objectContaining({ code: c });
const fakeTxids = (n: number) => Array.from({ length: n }, (_, i) => bytesToHex(sha256(Uint8Array.of(i, n))));
const reverseHex = (h: string) => h.match(/../g)!.reverse().join('');

describe('verifyMerkleProof on the real proofs', () => {
  for (const p of REAL_PROOFS) {
    it(`${p.name}: the branch leads to the header's root and yields position ${p.proof.pos}`, () => {
      expect(verifyMerkleProof(p.txid, parseMerkleProof(p.proof), parseHeader(p.headerHex))).toBe(p.proof.pos);
    });
  }

  it('fails when the branch is read in internal instead of display byte order', () => {
    const p = REAL_PROOFS[1]!;
    expect(() => verifyMerkleProof(p.txid, { ...p.proof, merkle: p.proof.merkle.map(reverseHex) }, parseHeader(p.headerHex))).toThrow(code('CHAIN_MERKLE_ROOT_MISMATCH'));
    expect(() => verifyMerkleProof(reverseHex(p.txid), p.proof, parseHeader(p.headerHex))).toThrow(code('CHAIN_MERKLE_ROOT_MISMATCH'));
  });
});

describe('rootFromMerkleProof against merkleRootFromTxids', () => {
  for (const n of [1, 2, 3, 5, 7, 8, 13]) {
    it(`every position of a ${n}-transaction block verifies`, () => {
      const txids = fakeTxids(n);
      const root = merkleRootFromTxids(txids);
      txids.forEach((t, pos) => expect(rootFromMerkleProof(t, merkleProofFromTxids(txids, pos), pos)).toBe(root));
    });
  }
  it('a single-transaction block has an empty branch and the txid as root', () => {
    const [t] = fakeTxids(1);
    expect(merkleRootFromTxids([t!])).toBe(t);
    expect(rootFromMerkleProof(t!, [], 0)).toBe(t);
  });
});

describe('when the position does not fit the branch', () => {
  const txids = fakeTxids(5);
  const branch = merkleProofFromTxids(txids, 4);
  it('rejects pos ≥ 2^length (leftover bits)', () => {
    expect(() => rootFromMerkleProof(txids[4]!, branch, 8)).toThrow(code('CHAIN_MERKLE_POS_OUT_OF_RANGE'));
    expect(() => rootFromMerkleProof(txids[0]!, [], 1)).toThrow(code('CHAIN_MERKLE_POS_OUT_OF_RANGE'));
  });
  it('rejects negative and fractional positions', () => {
    expect(() => rootFromMerkleProof(txids[4]!, branch, -1)).toThrow(code('CHAIN_MERKLE_POS_OUT_OF_RANGE'));
    expect(() => rootFromMerkleProof(txids[4]!, branch, 1.5)).toThrow(code('CHAIN_MERKLE_POS_OUT_OF_RANGE'));
  });
});

describe('when a server claims a second position for the duplicated last transaction (CVE-2012-2459)', () => {
  it('rejects the right-hand copy: pos 5 for the 5th of 5 transactions', () => {
    const txids = fakeTxids(5);
    const branch = merkleProofFromTxids(txids, 4);
    expect(rootFromMerkleProof(txids[4]!, branch, 4)).toBe(merkleRootFromTxids(txids));
    expect(() => rootFromMerkleProof(txids[4]!, branch, 5)).toThrow(code('CHAIN_MERKLE_DUPLICATE_NODE'));
  });
  it('rejects the right-hand copy at a higher level: pos 6 for the 5th of 5', () => {
    const txids = fakeTxids(5);
    const branch = merkleProofFromTxids(txids, 4);
    expect(() => rootFromMerkleProof(txids[4]!, branch, 6)).toThrow(code('CHAIN_MERKLE_DUPLICATE_NODE'));
  });
});

describe('parseMerkleProof', () => {
  const good = REAL_PROOFS[0]!.proof;
  const bad: [string, unknown][] = [
    ['null', null], ['an array', []], ['a string', 'x'],
    ['a missing pos', { block_height: 1, merkle: [] }], ['a string pos', { ...good, pos: '1' }], ['a negative pos', { ...good, pos: -1 }],
    ['a fractional height', { ...good, block_height: 1.5 }], ['merkle not an array', { ...good, merkle: 'ab' }],
    ['a short hash', { ...good, merkle: [good.merkle[0]!.slice(2)] }], ['a non-hex hash', { ...good, merkle: ['zz'.repeat(32)] }],
    ['a number hash', { ...good, merkle: [1] }], ['a branch too long', { ...good, merkle: Array(MAX_BRANCH_LENGTH + 1).fill(good.merkle[0]) }],
  ];
  for (const [what, value] of bad) {
    it(`rejects ${what}`, () => expect(() => parseMerkleProof(value)).toThrow(code('CHAIN_MERKLE_PROOF_MALFORMED')));
  }
  it('keeps a valid proof and lower-cases its hashes', () => {
    expect(parseMerkleProof({ ...good, merkle: good.merkle.map((h) => h.toUpperCase()) })).toEqual(good);
  });
});
