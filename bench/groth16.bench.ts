/** Groth16/BN254 verification ms/proof: ours single and batched (8, 32) vs snarkjs.groth16.verify, in the same run. */
import { readFileSync } from 'node:fs';
import * as snarkjs from 'snarkjs';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from '../src/core/proof/groth16-json';
import { verifyGroth16, verifyGroth16Batch } from '../src/core/proof/groth16';
import { fmt } from './stats';

const dir = new URL('../vectors/groth16/poseidon-leaf/', import.meta.url);
const vkeyJson = JSON.parse(readFileSync(new URL('verification_key.json', dir), 'utf8')) as Record<string, unknown>;
const statements = JSON.parse(readFileSync(new URL('proofs.json', dir), 'utf8')) as { proof: unknown; publicSignals: string[] }[];

type Candidate = { name: string; proofs: number; run: (round: number) => unknown };

/** ms/proof of each candidate: 9 rounds running every candidate once in turn (a busy machine slows all alike), median. */
async function timeAll(candidates: Candidate[]): Promise<number[]> {
  const samples = candidates.map(() => [] as number[]);
  for (let round = 0; round < 10; round++) {
    for (const [k, c] of candidates.entries()) {
      const t0 = performance.now();
      await c.run(round);
      if (round > 0) samples[k]!.push((performance.now() - t0) / c.proofs);
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[4]!);
}

export default async function bench(): Promise<void> {
  const vk = parseVerifyingKeyJson(vkeyJson);
  const items = statements.map((s) => ({ proof: parseProofJson(s.proof), publicSignals: parsePublicSignalsJson(s.publicSignals) }));
  const at = (round: number): number => round % statements.length;
  const candidates: Candidate[] = [
    { name: 'ours single (key and proof parsed)', proofs: 1, run: (r) => verifyGroth16(vk, items[at(r)]!.proof, items[at(r)]!.publicSignals) },
    {
      name: 'ours single from JSON (key, proof, inputs parsed)', proofs: 1, run: (r) => {
        const s = statements[at(r)]!;
        verifyGroth16(parseVerifyingKeyJson(vkeyJson), parseProofJson(s.proof), parsePublicSignalsJson(s.publicSignals));
      },
    },
    { name: 'ours batch of 8', proofs: 8, run: () => verifyGroth16Batch(vk, items.slice(0, 8)) },
    { name: 'ours batch of 32', proofs: 32, run: () => verifyGroth16Batch(vk, items) },
    { name: 'snarkjs.groth16.verify (JSON, wasm curve)', proofs: 1, run: (r) => snarkjs.groth16.verify(vkeyJson, statements[at(r)]!.publicSignals, statements[at(r)]!.proof) },
  ];
  const ms = await timeAll(candidates);
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();

  const theirs = ms[ms.length - 1]!;
  console.log('circuit poseidon-leaf (2 public inputs); medians of 9 interleaved rounds');
  candidates.forEach((c, k) => console.log(`${c.name.padEnd(52)} ${fmt(ms[k]!).padStart(7)} ms/proof  ×${fmt(theirs / ms[k]!)} vs snarkjs`));
}
