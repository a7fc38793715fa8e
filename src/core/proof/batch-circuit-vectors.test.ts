/**
 * The committed proofs of the batch circuit (vectors/circuit/batch-<B>/, one two-batch month each, B = 1, 4 and 64)
 * verify with the verifier's engine under the committed key (circuits/keys/), and fail when a public input is changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePublicSignalsJson } from './groth16-json';
import { verifyProofsHere } from './proof-pool';

const vectors = fileURLToPath(new URL('../../../vectors/circuit/', import.meta.url));
const keys = fileURLToPath(new URL('../../../circuits/keys/', import.meta.url));
const json = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const sizes = readdirSync(vectors).filter((d) => /^batch-\d+$/.test(d)).map((d) => Number(d.slice('batch-'.length))).sort((a, b) => a - b);

function batchVectors(b: number) {
  const dir = `${vectors}batch-${b}/`;
  const proofs = [0, 1].map((i) => ({ proof: json(`${dir}batch-${i}.proof.json`), publicSignals: parsePublicSignalsJson(json(`${dir}batch-${i}.public.json`)) }));
  return { key: json(`${keys}batch-${b}.vkey.json`), vectorKey: json(`${dir}vkey.json`), proofs };
}

describe('the batch circuit\'s committed proofs', () => {
  it('exist for B = 1, 4 and 64', () => {
    expect(sizes).toEqual([1, 4, 64]);
  });

  it.each(sizes)('B = %i: both proofs verify under circuits/keys, one by one and together', async (b) => {
    const v = batchVectors(b);
    expect(v.vectorKey).toEqual(v.key);
    for (const p of v.proofs) expect((await verifyProofsHere(v.key, [p])).ok).toBe(true);
    const both = await verifyProofsHere(v.key, v.proofs);
    expect(both.ok).toBe(true);
    expect(both.results.map((r) => r.ok)).toEqual([true, true]);
  });

  it.each(sizes)('B = %i: a changed public input fails, alone and in the batch', async (b) => {
    const v = batchVectors(b);
    const [first, second] = v.proofs;
    const forged = { proof: first!.proof, publicSignals: first!.publicSignals.map((s, i) => (i === 4 ? s + 1n : s)) };
    expect((await verifyProofsHere(v.key, [forged])).ok).toBe(false);
    const batch = await verifyProofsHere(v.key, [forged, second!]);
    expect(batch.ok).toBe(false);
    expect(batch.results.map((r) => r.ok)).toEqual([false, true]);
  });
});
