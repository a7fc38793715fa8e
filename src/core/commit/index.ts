/** Commitments of docs/allocation-formula.md: user ids, leaves, batch and month roots, inclusion paths, public inputs. */
export { userIdField, RESERVE_USER_ID } from './user-id';
export { allocationLeaf, inputsLeaf, paddingAllocationLeaf, paddingInputsLeaf } from './leaves';
export {
  batchCount, batchRoot, monthRoot, allocationBatches, inputsBatches, allocationBatchRoots, inputsBatchRoots,
} from './batches';
export {
  inclusionPath, rootFromInclusionPath, verifyInclusionPath, parseInclusionPath, inclusionPathToJson,
} from './inclusion-path';
export type { InclusionPath, PathRoots } from './inclusion-path';
export { BATCH_PUBLIC_INPUTS, batchPublicInputs, batchPublicFromSignals, verifyBatchSums } from './public-inputs';
export type { BatchPublic, BatchPublicName } from './public-inputs';
export { FIELD_R, RATE_ONE, RATE_MAX, AMOUNT_LIMIT } from './field';
export type { AllocationLeafRow, InputsLeafRow } from './leaf-rows';
