/** Groth16 (eprint 2016/260) verifying keys and proofs over BN254, as validated values. */
import type { G1, G2 } from './bn254';

/** A verifying key whose points are all checked: α, β, γ, δ finite; G2 points in the subgroup; IC has nPublic + 1 points. */
export interface Groth16VerifyingKey {
  readonly nPublic: number;
  readonly alpha: G1;
  readonly beta: G2;
  readonly gamma: G2;
  readonly delta: G2;
  readonly ic: readonly G1[];
}

/** A proof whose points are all checked: finite, on the curve, B in the G2 subgroup. */
export interface Groth16Proof {
  readonly a: G1;
  readonly b: G2;
  readonly c: G1;
}
