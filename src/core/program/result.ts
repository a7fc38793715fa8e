/** Turns a program run's result value into the new allocations, or into the VerifyError the pipeline collects. */
import { VerifyError } from '../errors';
import type { AllocationOutput, ProgramResult } from './types';

export function outputFromResult(result: ProgramResult): AllocationOutput {
  if (result.ok) return result.output;
  throw new VerifyError(result.error.code, result.error.message, result.error.evidence);
}
