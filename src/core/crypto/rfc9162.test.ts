import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { base64 } from '@scure/base';
import {
  consistencyProof, inclusionProof, leafHash, rootFromInclusionProof, rootFromLeafHashes, verifyConsistency, verifyInclusion,
} from './rfc9162';
import { VerifyError } from '../errors';
import { bytesToHex, hexToBytes } from '../bytes';

const root = fileURLToPath(new URL('../../../vectors/rfc9162/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.json') ? [p] : [];
  });
}

const b64 = (s: string): Uint8Array => base64.decode(s);

interface InclusionVector { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; wantErr: boolean }
interface ConsistencyVector { size1: number; size2: number; root1: string; root2: string; proof: string[] | null; wantErr: boolean }

function outcome(fn: () => void): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof VerifyError && e.code.startsWith('MERKLE_')) return e.code;
    throw e;
  }
}

describe('when checking every RFC 9162 vector of transparency-dev/merkle', () => {
  const files = walk(root).sort();
  it('finds the whole folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(196);
  });
  it.each(files.map((f) => [f.slice(root.length), f]))('%s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector | ConsistencyVector;
    const proof = (v.proof ?? []).map(b64);
    const got = 'leafIdx' in v
      ? outcome(() => verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), proof, b64(v.root)))
      : outcome(() => verifyConsistency(v.size1, v.size2, proof, b64(v.root1), b64(v.root2)));
    if (v.wantErr) expect(got).not.toBe('ok');
    else expect(got).toBe('ok');
  });
});

describe('when building trees and proofs from leaves', () => {
  const leaves = Array.from({ length: 13 }, (_, i) => leafHash(Uint8Array.of(i, i * 7)));

  it('has the SHA-256 of nothing as the empty root', () => {
    expect(bytesToHex(rootFromLeafHashes([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('round-trips every inclusion proof for every tree size up to 13', () => {
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const r = rootFromLeafHashes(tree);
      for (let i = 0; i < n; i++) expect(bytesToHex(rootFromInclusionProof(i, n, tree[i]!, inclusionProof(tree, i)))).toBe(bytesToHex(r));
    }
  });

  it('round-trips every consistency proof between sizes up to 13', () => {
    for (let n = 1; n <= leaves.length; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(leaves.slice(0, n), m);
        expect(outcome(() => verifyConsistency(m, n, proof, rootFromLeafHashes(leaves.slice(0, m)), rootFromLeafHashes(leaves.slice(0, n))))).toBe('ok');
      }
    }
  });

  it('reports both roots when the claimed new root is wrong', () => {
    const proof = consistencyProof(leaves, 5);
    const wrong = hexToBytes('11'.repeat(32));
    try {
      verifyConsistency(5, 13, proof, rootFromLeafHashes(leaves.slice(0, 5)), wrong);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VerifyError);
      const err = e as VerifyError;
      expect(err.code).toBe('MERKLE_CONSISTENCY_MISMATCH');
      expect(err.evidence).toMatchObject({ which: 'root2', expected: '11'.repeat(32), computed: bytesToHex(rootFromLeafHashes(leaves)) });
    }
  });

  it('rejects a leaf index at the tree size as MERKLE_BAD_INDEX', () => {
    expect(outcome(() => rootFromInclusionProof(13, 13, leaves[0]!, []))).toBe('MERKLE_BAD_INDEX');
  });
});
