import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256 } from '../bytes';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import { errorOf } from '../errors.test-util';
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
  it('rejects pos ≥ 2^length (leftover bits)', () => {
    const branch = merkleProofFromTxids(txids, 4);
    expect(() => rootFromMerkleProof(txids[4]!, branch, 8)).toThrow(code('CHAIN_MERKLE_POS_OUT_OF_RANGE'));
    expect(() => rootFromMerkleProof(txids[0]!, [], 1)).toThrow(code('CHAIN_MERKLE_POS_OUT_OF_RANGE'));
  });
  it('rejects negative and fractional positions', () => {
    const branch = merkleProofFromTxids(txids, 4);
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


describe('parseMerkleProof: bounds and what the error names', () => {
  const good = REAL_PROOFS[0]!.proof;
  const h = good.merkle[0]!;
  it('accepts height 0 and position 0 (a genesis-like coinbase)', () => {
    expect(parseMerkleProof({ block_height: 0, merkle: [], pos: 0 })).toEqual({ block_height: 0, merkle: [], pos: 0 });
  });
  it(`accepts a branch of exactly ${MAX_BRANCH_LENGTH} hashes`, () => {
    expect(parseMerkleProof({ ...good, merkle: Array(MAX_BRANCH_LENGTH).fill(h) }).merkle).toHaveLength(MAX_BRANCH_LENGTH);
  });
  for (const [what, value, names] of [
    ['null', null, /not an object/], ['an array', [], /not an object/], ['a number', 7, /not an object/],
    ['a negative height', { ...good, block_height: -1 }, /block_height/], ['a missing height', { merkle: [], pos: 0 }, /block_height/],
    ['a fractional pos', { ...good, pos: 0.5 }, /pos/], ['a negative pos', { ...good, pos: -1 }, /pos/],
    ['a missing merkle', { block_height: 1, pos: 0 }, /merkle is not an array/],
    ['a hash inside an array', { ...good, merkle: [[h]] }, /merkle\[0\]/],
    [`a branch of ${MAX_BRANCH_LENGTH + 1}`, { ...good, merkle: Array(MAX_BRANCH_LENGTH + 1).fill(h) }, new RegExp(String(MAX_BRANCH_LENGTH))],
    ['a hash with a leading extra digit', { ...good, merkle: [h, `0${h}`] }, /merkle\[1\]/],
    ['a hash with a trailing extra digit', { ...good, merkle: [`${h}0`] }, /merkle\[0\]/],
    ['a hash with a non-hex digit', { ...good, merkle: [h, h, `${h.slice(0, 63)}g`] }, /merkle\[2\]/],
  ] as const) {
    it(`rejects ${what}, naming the field and keeping the proof as evidence`, () => {
      const e = errorOf(() => parseMerkleProof(value));
      expect(e.code).toBe('CHAIN_MERKLE_PROOF_MALFORMED');
      expect(e.message).toMatch(names);
      expect(e.evidence.proof).toBe(value);
    });
  }
  it('reports its errors under the caller\'s code', () => {
    expect(errorOf(() => parseMerkleProof(null, 'FETCH_BAD_BODY')).code).toBe('FETCH_BAD_BODY');
  });
});

describe('rootFromMerkleProof: bounds and evidence', () => {
  const txids = fakeTxids(5);
  it('names the position when it is not a non-negative integer', () => {
    for (const pos of [-1, 0.5, Number.NaN]) {
      const e = errorOf(() => rootFromMerkleProof(txids[0]!, [], pos));
      expect(e.code).toBe('CHAIN_MERKLE_POS_OUT_OF_RANGE');
      expect(e.evidence).toEqual({ pos });
    }
  });
  it(`accepts a branch of ${MAX_BRANCH_LENGTH} levels and refuses ${MAX_BRANCH_LENGTH + 1} before hashing`, () => {
    const branch = Array(MAX_BRANCH_LENGTH).fill(txids[1]!);
    expect(rootFromMerkleProof(txids[0]!, branch, 0)).toMatch(/^[0-9a-f]{64}$/);
    const e = errorOf(() => rootFromMerkleProof(txids[0]!, [...branch, txids[1]!], 0));
    expect(e.code).toBe('CHAIN_MERKLE_PROOF_MALFORMED');
    expect(e.evidence).toEqual({ length: MAX_BRANCH_LENGTH + 1 });
    expect(e.message).toContain(String(MAX_BRANCH_LENGTH));
  });
  it('the last position a branch can hold is 2^length - 1', () => {
    const branch = merkleProofFromTxids(fakeTxids(8), 7);
    expect(rootFromMerkleProof(fakeTxids(8)[7]!, branch, 7)).toBe(merkleRootFromTxids(fakeTxids(8)));
    const e = errorOf(() => rootFromMerkleProof(fakeTxids(8)[7]!, branch, 8));
    expect(e.evidence).toEqual({ pos: 8, branchLength: 3 });
    expect(e.message).toContain('8');
  });
  it('names the txid or the branch level that is not 32 bytes of hex', () => {
    const bad = errorOf(() => rootFromMerkleProof('zz', [], 0));
    expect(bad.code).toBe('CHAIN_MERKLE_PROOF_MALFORMED');
    expect(bad.message).toMatch(/txid/);
    const level1 = errorOf(() => rootFromMerkleProof(txids[0]!, [txids[1]!, 'ab'], 0));
    expect(level1.code).toBe('CHAIN_MERKLE_PROOF_MALFORMED');
    expect(level1.message).toMatch(/merkle\[1\]/);
  });
  it('a duplicated right-hand node names the level and the position', () => {
    const branch = merkleProofFromTxids(txids, 4);
    const e = errorOf(() => rootFromMerkleProof(txids[4]!, branch, 6));
    expect(e.code).toBe('CHAIN_MERKLE_DUPLICATE_NODE');
    expect(e.evidence).toEqual({ level: 1, pos: 6 });
    expect(e.message).not.toBe('');
  });
  it('a left-hand node equal to its right sibling is hashed, not refused', () => {
    const [t] = fakeTxids(1);
    expect(rootFromMerkleProof(t!, [t!], 0)).toBe(merkleRootFromTxids([t!, t!]));
  });
});

describe('verifyMerkleProof: evidence of a mismatch', () => {
  it('gives the txid, position, both roots and the block', () => {
    const p = REAL_PROOFS[1]!;
    const header = parseHeader(p.headerHex);
    const other = REAL_PROOFS.find((q) => q.blockHash !== p.blockHash)!;
    const e = errorOf(() => verifyMerkleProof(other.txid, { ...other.proof, block_height: p.proof.block_height }, header));
    expect(e.code).toBe('CHAIN_MERKLE_ROOT_MISMATCH');
    expect(e.evidence).toEqual({
      txid: other.txid, pos: other.proof.pos, computedRoot: parseHeader(other.headerHex).merkleRoot, headerRoot: header.merkleRoot, blockHash: header.hash,
    });
    expect(e.message).not.toBe('');
  });
});

describe('merkleRootFromTxids and merkleProofFromTxids', () => {
  it('pairs an odd last node with itself at every level', () => {
    const t = fakeTxids(3);
    expect(merkleRootFromTxids(t)).toBe(merkleRootFromTxids([...t, t[2]!]));
    const five = fakeTxids(5);
    expect(merkleRootFromTxids(five)).toBe(merkleRootFromTxids([...five, five[4]!, five[4]!, five[4]!]));
  });
  it('the branch of the odd last node starts with the node itself', () => {
    const t = fakeTxids(3);
    expect(merkleProofFromTxids(t, 2)[0]).toBe(t[2]);
    expect(merkleProofFromTxids(t, 0)).toHaveLength(2);
    expect(merkleProofFromTxids(t, 0)[0]).toBe(t[1]);
    expect(merkleProofFromTxids(t, 1)[0]).toBe(t[0]);
  });
  it('a block of one transaction has an empty branch', () => {
    expect(merkleProofFromTxids(fakeTxids(1), 0)).toEqual([]);
  });
  it('no txids is a caller bug', () => {
    expect(() => merkleRootFromTxids([])).toThrow(RangeError);
    expect(() => merkleRootFromTxids([])).toThrow(/no txids/);
  });
  it('a bad txid is named by its index', () => {
    const t = fakeTxids(3);
    for (const f of [() => merkleRootFromTxids([t[0]!, 'xy']), () => merkleProofFromTxids([t[0]!, 'xy'], 0)]) {
      const e = errorOf(f);
      expect(e.code).toBe('CHAIN_MERKLE_PROOF_MALFORMED');
      expect(e.message).toMatch(/txids\[1\]/);
    }
  });
  it('a position outside the block is a caller bug naming the position', () => {
    const t = fakeTxids(3);
    for (const pos of [-1, 3, 4, 1.5, Number.NaN]) {
      expect(() => merkleProofFromTxids(t, pos)).toThrow(RangeError);
      expect(() => merkleProofFromTxids(t, pos)).toThrow(`pos ${pos}`);
    }
    expect(merkleProofFromTxids(t, 2)).toHaveLength(2);
  });
});
