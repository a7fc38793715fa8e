/** What a verification step returns (the shape of sigstore-js's verifiers): its checks and the value the next steps need. */
import type { Check } from '../check';

export interface StepResult<T> {
  /** One check per item, passed or failed: one bad item never hides the others. */
  checks: Check[];
  /** What the step established for the steps after it; absent when it could not (its checks say why) or did not apply. */
  value?: T;
  /** Why the month is not finished yet, when this step found it so. */
  pending?: string;
}
