/**
 * npm run prove:demo [-- --batch N]: sets up (cached) the batch circuit, proves and verifies a two-batch devnet month
 * with snarkjs, and writes the verification key, proofs, public inputs and a sample inclusion path to vectors/circuit/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { allocationPath, allocationPathToJson } from '../src/core/commit/allocation-path';
import { monthWitness } from '../src/devnet/prover/month-witness';
import { proveBatches } from '../src/devnet/prover/prover';
import { sampleMonth } from '../src/devnet/prover/sample-month';
import { DEVNET_BATCH_SIZE, REPO_ROOT, ensureCircuit } from '../src/devnet/prover/setup';
import { releaseCurve, snarkjs } from '../src/devnet/prover/snarkjs';

const { values } = parseArgs({ options: { batch: { type: 'string' } }, strict: true });
const batchSize = Number(values.batch ?? DEVNET_BATCH_SIZE);
const out = join(REPO_ROOT, 'vectors/circuit', `batch-${batchSize}`);
const json = (v: unknown) => `${JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 1)}\n`;

const circuit = await ensureCircuit(batchSize);
// Two batches: rows 0..2B−2 were in last month's table, the last row is a newcomer.
const rows = sampleMonth(Math.max(2, 2 * batchSize - 1), batchSize);
const month = monthWitness(rows);
const t0 = performance.now();
const proofs = await proveBatches(month.batches.map((b) => b.circuitInput), circuit);
const proveMs = performance.now() - t0;
let ok = true;
for (const [i, p] of proofs.entries()) {
  const valid = await snarkjs.groth16.verify(circuit.vkey, p.publicSignals, p.proof);
  console.log(`batch ${i}: ${valid ? 'valid' : 'INVALID'}`);
  ok &&= valid;
}
await releaseCurve();

await mkdir(out, { recursive: true });
await writeFile(join(out, 'vkey.json'), json(circuit.vkey));
for (const [i, p] of proofs.entries()) {
  await writeFile(join(out, `batch-${i}.proof.json`), json(p.proof));
  await writeFile(join(out, `batch-${i}.public.json`), json(p.publicSignals));
}
const row = rows.inputs.length - 1;
await writeFile(join(out, 'month.json'), json({
  circuit: circuit.name,
  month: rows.month,
  batchSize,
  F: month.allocation.F, W: month.allocation.W, R: month.allocation.R,
  monthRoot: month.monthRoot,
  prevBatchRoots: month.prevBatchRoots,
  previous: rows.prev,
  inputs: rows.inputs,
  next: month.next,
  sampleInclusion: {
    row,
    leaf: month.next[row],
    path: allocationPathToJson(allocationPath(rows.month, month.next, batchSize, row)),
  },
}));
console.log(`${proofs.length} batches of ${batchSize} rows proven in ${proveMs.toFixed(0)} ms; written to ${out}`);
process.exit(ok ? 0 : 1);
