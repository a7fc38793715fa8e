import { beforeAll, describe, expect, it } from 'vitest';
import { batchPublicFromSignals, verifyBatchSums } from '../../core/commit/public-inputs';
import { monthWitness } from './month-witness';
import { proveBatches, type BatchProof } from './prover';
import { sampleMonth } from './sample-month';
import { ensureCircuit, TINY_BATCH_SIZE, type CircuitArtifacts } from './setup';
import { snarkjs } from './snarkjs';

// The tiny circuit (one row per batch): its first setup takes about a minute, then it is cached in .cache/circuits/.
let circuit: CircuitArtifacts;
let proofs: BatchProof[];
// Reserve, three survivors, one death (row 3), one newcomer: F > 0, W > 0, five batches.
const month = monthWitness(sampleMonth(5, TINY_BATCH_SIZE));

beforeAll(async () => {
  circuit = await ensureCircuit(TINY_BATCH_SIZE);
  proofs = await proveBatches(month.batches.map((b) => b.circuitInput), circuit, 2);
}, 600_000);

describe('when a month is proven batch by batch', () => {
  it('every proof verifies with snarkjs and publishes exactly the committed public inputs', async () => {
    expect(proofs).toHaveLength(5);
    for (const [i, p] of proofs.entries()) {
      expect(p.publicSignals).toEqual(month.batches[i]!.publicSignals);
      expect(await snarkjs.groth16.verify(circuit.vkey, p.publicSignals, p.proof)).toBe(true);
    }
    verifyBatchSums(proofs.map((p) => batchPublicFromSignals(p.publicSignals.map(BigInt))));
    expect(month.allocation.F).toBeGreaterThan(0n);
    expect(month.allocation.W).toBeGreaterThan(0n);
  });

  it('a proof does not verify under another batch\'s public inputs or a changed F', async () => {
    const [a, b] = proofs as [BatchProof, BatchProof];
    expect(await snarkjs.groth16.verify(circuit.vkey, b.publicSignals, a.proof)).toBe(false);
    const changed = a.publicSignals.slice();
    changed[5] = (BigInt(changed[5]!) + 1n).toString();
    expect(await snarkjs.groth16.verify(circuit.vkey, changed, a.proof)).toBe(false);
  });
});
