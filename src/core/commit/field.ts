/** The BN254 scalar field (circom's and Poseidon's field) and the bounds of docs/allocation-formula.md. */

/** r: the BN254 scalar field order. Every committed value and every public input is below it. */
export const FIELD_R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** Q: mortality rates are monthly parts per billion, 0 ≤ q ≤ Q/2. */
export const RATE_ONE = 1_000_000_000n;
export const RATE_MAX = RATE_ONE / 2n;

/** Every allocation, deposit and total is below 2^53. */
export const AMOUNT_LIMIT = 2n ** 53n;

/** True when v is a field element (0 ≤ v < r). */
export function isFieldElement(v: bigint): boolean {
  return v >= 0n && v < FIELD_R;
}
