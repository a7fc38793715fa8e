/** A month's circuit inputs: the rows split in batches with their witnesses and public inputs (circuits/README.md). */
import { monthRoot } from '../../core/commit/batches';
import { allocationCommitments, inputsCommitments, previousCommitments } from '../../core/commit/batch-commitments';
import { batchPublicInputs, type BatchPublic } from '../../core/commit/public-inputs';
import type { AllocationLeafRow, InputsLeafRow } from '../../core/commit/leaf-rows';
import { allocateMonth, type MonthAllocation } from './allocation';

/** Last month's table (empty for month 1) and this month's inputs; rows beyond `prev` are new members. */
export interface MonthRows {
  month: number;
  batchSize: number;
  prev: readonly AllocationLeafRow[];
  inputs: readonly InputsLeafRow[];
}

/** The circuit's input JSON: every signal as a decimal string (arrays per row). */
export type CircuitInput = Record<string, string | string[]>;

export interface BatchWitness {
  publicInputs: BatchPublic;
  /** The public signals in the circuit's order, as snarkjs prints them. */
  publicSignals: string[];
  circuitInput: CircuitInput;
}

export interface MonthWitness {
  allocation: MonthAllocation;
  next: AllocationLeafRow[];
  /** Last month's batch roots as this month's batches see them (whole padding batches beyond last month's table). */
  prevBatchRoots: bigint[];
  monthRoot: bigint;
  batches: BatchWitness[];
}

export function monthWitness({ month, batchSize, prev, inputs }: MonthRows): MonthWitness {
  if (!Number.isSafeInteger(month) || month < 1) throw new RangeError('month must be ≥ 1');
  prev.forEach((p, i) => {
    if (p.uid !== inputs[i]?.uid) throw new RangeError(`row ${i}: user id differs from last month's`);
  });
  const allocation = allocateMonth(prev.map((p) => p.allocation), inputs);
  const next = inputs.map((r, i) => ({ uid: r.uid, allocation: allocation.next[i]! }));
  const count = Math.max(1, Math.ceil(inputs.length / batchSize));
  const prevRootsAll = previousCommitments(month, prev.map((p) => p.allocation), batchSize, count);
  const inputRoots = inputsCommitments(month, inputs, batchSize, count);
  const newRoots = allocationCommitments(month, next, batchSize, count);

  const batches = newRoots.map((newBatchRoot, b) => {
    const rows = Array.from({ length: batchSize }, (_, j) => b * batchSize + j);
    const col = (f: (i: number) => bigint) => rows.map((i) => f(i).toString());
    const inRow = (i: number) => inputs[i];
    const publicInputs: BatchPublic = {
      month: BigInt(month),
      batchIndex: BigInt(b),
      prevBatchRoot: prevRootsAll[b]!,
      inputsBatchRoot: inputRoots[b]!,
      newBatchRoot,
      F: allocation.F,
      W: allocation.W,
      R: allocation.R,
      partialF: rows.reduce((s, i) => (inRow(i) && !inRow(i)!.alive ? s + (prev[i]?.allocation ?? 0n) : s), 0n),
      partialW: rows.reduce((s, i) => s + (allocation.w[i] ?? 0n), 0n),
      partialS: rows.reduce((s, i) => s + (allocation.share[i] ?? 0n), 0n),
    };
    const circuitInput: CircuitInput = {
      ...Object.fromEntries(Object.entries(publicInputs).map(([k, v]) => [k, v.toString()])),
      uid: col((i) => inRow(i)?.uid ?? 0n),
      prevAlloc: col((i) => prev[i]?.allocation ?? 0n),
      alive: col((i) => (inRow(i)?.alive ? 1n : 0n)),
      deposit: col((i) => inRow(i)?.deposit ?? 0n),
      q: col((i) => inRow(i)?.q ?? 0n),
      w: col((i) => allocation.w[i] ?? 0n),
      wRem: col((i) => allocation.wRem[i] ?? 0n),
      share: col((i) => allocation.share[i] ?? 0n),
      shareRem: col((i) => allocation.shareRem[i] ?? 0n),
    };
    return { publicInputs, publicSignals: batchPublicInputs(publicInputs).map(String), circuitInput };
  });
  return {
    allocation, next, batches,
    prevBatchRoots: prevRootsAll, monthRoot: monthRoot(newRoots),
  };
}
