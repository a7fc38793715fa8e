/** Commitments of docs/allocation-formula.md: user ids, batch commitments, month root, inclusion paths, public inputs. */
export { userIdField, RESERVE_USER_ID } from './user-id';
export { batchCount, monthRoot } from './batches';
export { allocationCommitments, inputsCommitments, previousCommitments } from './batch-commitments';
export {
  allocationPath, pathFromBatchRoots, rootFromAllocationPath, verifyAllocationPath, parseAllocationPath, allocationPathToJson,
} from './allocation-path';
export type { AllocationPath, AllocationPathRoots } from './allocation-path';
export { BATCH_PUBLIC_INPUTS, batchPublicInputs, batchPublicFromSignals, verifyBatchSums } from './public-inputs';
export type { BatchPublic, BatchPublicName } from './public-inputs';
export { FIELD_R, RATE_ONE, RATE_MAX, AMOUNT_LIMIT } from './field';
export type { AllocationLeafRow, InputsLeafRow } from './leaf-rows';
