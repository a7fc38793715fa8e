/**
 * npm run bench -- scale: what a 10,000-member month costs. In one run, interleaved so a busy machine slows all
 * alike: the per-proof cost of the project's engine (mcl-wasm, batched, in this thread and over worker threads)
 * against snarkjs and the noble engine it replaced; the rejected hand-written WASM engine as a cost model priced
 * with this run's measured WASM field multiplication; the commitments' hashing for 1,000 and 10,000 rows; and the
 * sizes (gzip) of the proof engine the verifier Worker loads lazily.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import * as snarkjs from 'snarkjs';
import { base64 } from '@scure/base';
import { parseProofJson, parsePublicSignalsJson, parseVerifyingKeyJson } from '../src/core/proof/groth16-json';
import { encodeProof } from '../src/core/proof/groth16-encoding';
import { verifyGroth16, verifyGroth16Batch } from '../src/core/proof/groth16';
import { verifyProofs, verifyProofsHere, type WireProof } from '../src/core/proof/proof-pool';
import { allocationCommitments, inputsCommitments, previousCommitments } from '../src/core/commit/batch-commitments';
import { POSEIDON_WASM_BASE64 } from '../src/core/crypto/poseidon-wasm-bytes';
import { nodeProofWorker, nodeThreads } from '../workers/node-proof-pool';
import { fmt } from './stats';

const dir = new URL('../vectors/groth16/poseidon-leaf/', import.meta.url);
const vkeyJson = JSON.parse(readFileSync(new URL('verification_key.json', dir), 'utf8')) as Record<string, unknown>;
const statements = JSON.parse(readFileSync(new URL('proofs.json', dir), 'utf8')) as { proof: unknown; publicSignals: string[] }[];

/** Median ms per proof over `rounds` interleaved rounds (the first round warms up and is dropped). */
async function interleaved(candidates: { proofs: number; run: (round: number) => unknown }[], rounds: number): Promise<number[]> {
  const samples = candidates.map(() => [] as number[]);
  for (let round = 0; round <= rounds; round++) {
    for (const [k, c] of candidates.entries()) {
      const t0 = performance.now();
      await c.run(round);
      if (round > 0) samples[k]!.push((performance.now() - t0) / c.proofs);
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]!);
}

/** ns per BN254 Montgomery multiplication in the project's hand-written WASM (9 × 29-bit limbs, the Poseidon module). */
function wasmMulNs(): number {
  const ex = new WebAssembly.Instance(new WebAssembly.Module(base64.decode(POSEIDON_WASM_BASE64) as Uint8Array<ArrayBuffer>), {}).exports as { memory: WebAssembly.Memory; toMontgomery(p: number, n: number): void };
  const n = 4000;
  new Uint32Array(ex.memory.buffer).fill(12345, 1024, 1024 + 9 * n);
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    for (let r = 0; r < 10; r++) ex.toMontgomery(4096, n);
    times.push(((performance.now() - t0) * 1e6) / (10 * n));
  }
  return times.sort((a, b) => a - b)[3]!;
}

/**
 * The rejected engine priced in Fp multiplications (Fp² = 3, sparse line × Fp¹² = 13 Fp² products), per proof of a
 * large batch: Miller loop 65 doubling + 22 addition steps of ≈ 72 Fp products each (squarings of the shared
 * accumulator amortised); G2 subgroup test [u]Q (62 doublings, 26 additions) ≈ 2,100; r·A with a 128-bit scalar
 * ≈ 1,600; C's share of the multi-scalar multiplication ≈ 200; decompression (three square roots) ≈ 1,700. One proof
 * alone adds three fixed-argument Miller loops (precomputed lines, ≈ 3 × 4,000) and a final exponentiation ≈ 9,000.
 */
const MODEL = { batched: 87 * 72 + 2100 + 1600 + 200 + 1700, single: 87 * 72 + 2100 + 1700 + 3 * 4000 + 9000 };

export default async function bench(): Promise<void> {
  const vk = parseVerifyingKeyJson(vkeyJson);
  const items = statements.map((s) => ({ proof: parseProofJson(s.proof), publicSignals: parsePublicSignalsJson(s.publicSignals) }));
  const wire: WireProof[] = items.map((it) => ({ proof: encodeProof(it.proof), publicSignals: it.publicSignals }));
  const month = (n: number): WireProof[] => Array.from({ length: n }, (_, i) => wire[i % wire.length]!);
  const at = (round: number): number => round % statements.length;
  const threads = nodeThreads();
  await verifyProofsHere(vkeyJson, month(2));

  const candidates = [
    { name: 'snarkjs.groth16.verify (JSON, its wasm curve)', proofs: 1, run: (r: number) => snarkjs.groth16.verify(vkeyJson, statements[at(r)]!.publicSignals, statements[at(r)]!.proof) },
    { name: 'project, single proof (JSON key + proof parsed, mcl-wasm)', proofs: 1, run: (r: number) => verifyProofsHere(vkeyJson, [{ proof: statements[at(r)]!.proof, publicSignals: parsePublicSignalsJson(statements[at(r)]!.publicSignals) }]) },
    { name: 'project, batch of 1,300 (this thread)', proofs: 1300, run: () => verifyProofsHere(vkeyJson, month(1300)) },
    { name: `project, batch of 1,300 (${threads} worker threads)`, proofs: 1300, run: () => verifyProofs(vkeyJson, month(1300), { threads, spawn: nodeProofWorker }) },
    { name: 'previous engine (noble), single proof', proofs: 1, run: (r: number) => verifyGroth16(vk, items[at(r)]!.proof, items[at(r)]!.publicSignals) },
    { name: 'previous engine (noble), batch of 32', proofs: 32, run: () => verifyGroth16Batch(vk, items.slice(0, 32)) },
  ];
  const ms = await interleaved(candidates, 5);
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
  const snark = ms[0]!;
  const mulNs = wasmMulNs();
  console.log(`per proof (circuit poseidon-leaf, 2 public inputs; medians of 5 interleaved rounds; ${threads} threads available)`);
  candidates.forEach((c, k) => console.log(`  ${c.name.padEnd(58)} ${fmt(ms[k]!).padStart(7)} ms  ×${fmt(snark / ms[k]!)} vs snarkjs`));
  const model = (n: number) => (n * mulNs) / 1e6;
  console.log(`  rejected: hand-written WASM pairing (cost model, ${fmt(mulNs, 1)} ns per Fp product measured now)`);
  console.log(`    single ≈ ${fmt(model(MODEL.single))} ms (×${fmt(snark / model(MODEL.single))} vs snarkjs); batched ≈ ${fmt(model(MODEL.batched))} ms per proof (×${fmt(ms[2]! / model(MODEL.batched))} vs mcl-wasm batched, before field-tower overheads)`);

  // Hashing: every batch's previous, inputs and new commitments, B = 64 (after one warm-up for the widths' schedules).
  allocationCommitments(1, [{ uid: 1n, allocation: 1n }], 64);
  for (const rows of [1000, 10000]) {
    const prev = Array.from({ length: rows - 10 }, (_, i) => BigInt(1_000_000 + i));
    const inputs = Array.from({ length: rows }, (_, i) => ({ uid: BigInt(i) * 7919n + 3n, alive: i % 97 !== 5, deposit: BigInt(i % 13) * 1000n, q: BigInt(5000 + i) }));
    const next = inputs.map((r, i) => ({ uid: r.uid, allocation: BigInt(1_000_000 + 3 * i) }));
    const count = Math.ceil(rows / 64);
    const t0 = performance.now();
    previousCommitments(6, prev, 64, count);
    inputsCommitments(6, inputs, 64, count);
    const t1 = performance.now();
    allocationCommitments(6, next, 64, count);
    const t2 = performance.now();
    console.log(`commitments, ${rows.toLocaleString('en')} rows (B = 64): previous + inputs ${fmt(t1 - t0)} ms, new (the final table's root) ${fmt(t2 - t1)} ms`);
  }

  const mclFile = createRequire(import.meta.url).resolve('mcl-wasm/dist/mcl_c.js');
  console.log(`mcl-wasm module (the lazily loaded proof engine): ${fmt(gzipSync(readFileSync(mclFile), { level: 9 }).length / 1024, 1)} KB gzip`);
}
