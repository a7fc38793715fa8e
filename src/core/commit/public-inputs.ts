/** Public inputs of the batch circuit (circuits/README.md), in the circuit's order, and the month-level sum checks. */
import { VerifyError } from '../errors';

/** The circuit's public inputs, in order. */
export const BATCH_PUBLIC_INPUTS = [
  'month', 'batchIndex', 'prevBatchRoot', 'inputsBatchRoot', 'newBatchRoot',
  'F', 'W', 'R', 'partialF', 'partialW', 'partialS',
] as const;

export type BatchPublicName = (typeof BATCH_PUBLIC_INPUTS)[number];
export type BatchPublic = Record<BatchPublicName, bigint>;

/** The public signals of one batch proof, in the circuit's order. */
export function batchPublicInputs(p: BatchPublic): bigint[] {
  return BATCH_PUBLIC_INPUTS.map((k) => p[k]);
}

/** Name the public signals of a batch proof (already parsed as field elements). */
export function batchPublicFromSignals(signals: readonly bigint[]): BatchPublic {
  if (signals.length !== BATCH_PUBLIC_INPUTS.length) {
    throw new VerifyError('PROOF_PUBLIC_COUNT', `a batch proof has ${BATCH_PUBLIC_INPUTS.length} public inputs`, {
      got: signals.length,
    });
  }
  const out = {} as BatchPublic;
  BATCH_PUBLIC_INPUTS.forEach((k, i) => { out[k] = signals[i]!; });
  return out;
}

/**
 * A month's batches agree with each other: same month, F, W, R in every batch, batch indexes 0..n−1 in order,
 * Σ partialF = F, Σ partialW = W and Σ partialS + R = F (integers, no reduction mod r).
 */
export function verifyBatchSums(batches: readonly BatchPublic[]): void {
  const first = batches[0];
  if (!first) throw new VerifyError('PROOF_BATCH_SUMS', 'a month has at least one batch');
  let f = 0n, w = 0n, s = 0n;
  batches.forEach((b, i) => {
    for (const k of ['month', 'F', 'W', 'R'] as const) {
      if (b[k] !== first[k]) {
        throw new VerifyError('PROOF_BATCH_SUMS', `batch ${i} has ${k} ${b[k]}, batch 0 has ${first[k]}`, { batch: i, field: k });
      }
    }
    if (b.batchIndex !== BigInt(i)) {
      throw new VerifyError('PROOF_BATCH_SUMS', `batch ${i} claims index ${b.batchIndex}`, { batch: i });
    }
    f += b.partialF; w += b.partialW; s += b.partialS;
  });
  const fail = (what: string, computed: bigint, expected: bigint) =>
    new VerifyError('PROOF_BATCH_SUMS', `${what}: computed ${computed}, public ${expected}`, {
      computed: computed.toString(), expected: expected.toString(),
    });
  if (f !== first.F) throw fail('Σ partialF ≠ F', f, first.F);
  if (w !== first.W) throw fail('Σ partialW ≠ W', w, first.W);
  if (s + first.R !== first.F) throw fail('Σ partialS + R ≠ F', s + first.R, first.F);
}
