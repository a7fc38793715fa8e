/** Devnet prover throughput: rows/s proving a month batch by batch (snarkjs Groth16, one process per core). */
import { availableParallelism } from 'node:os';
import { monthWitness } from '../src/devnet/prover/month-witness';
import { proveBatches } from '../src/devnet/prover/prover';
import { sampleMonth } from '../src/devnet/prover/sample-month';
import { DEVNET_BATCH_SIZE, TINY_BATCH_SIZE, cachedCircuit, ensureCircuit } from '../src/devnet/prover/setup';
import { fmt, medianMs } from './stats';

export default async function bench(): Promise<void> {
  const sizes = [TINY_BATCH_SIZE, DEVNET_BATCH_SIZE];
  for (const batchSize of sizes) {
    const circuit = batchSize === TINY_BATCH_SIZE ? await ensureCircuit(batchSize) : await cachedCircuit(batchSize);
    if (!circuit) {
      console.log(`B=${batchSize}: not set up on this machine (npm run setup:circuits -- --batch ${batchSize}); skipped`);
      continue;
    }
    const batches = 2 * availableParallelism();
    const month = monthWitness(sampleMonth(batches * batchSize, batchSize));
    const inputs = month.batches.map((b) => b.circuitInput);
    for (const threads of [1, availableParallelism()]) {
      const ms = await medianMs(3, () => proveBatches(inputs, circuit, threads));
      const rows = batches * batchSize;
      console.log(`B=${batchSize} (${circuit.constraints} constraints), ${batches} batches, ${threads} process(es): ` +
        `${fmt(ms)} ms/month, ${fmt((ms / batches))} ms/proof, ${fmt(rows / (ms / 1000))} rows/s`);
    }
  }
}
