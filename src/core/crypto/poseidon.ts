/** Poseidon over BN254 with circomlib's parameters (the hash the circuits use for leaves and trees); fast path in poseidon-fast.ts. */
import { poseidonFast } from './poseidon-fast';

export { poseidonMany, poseidonWithInitMany, poseidonLevel, poseidonEngine } from './poseidon-fast';

/** Poseidon(inputs) for 1 to 16 field elements, each < r (BN254 scalar field). Equal to circomlib's Poseidon(n). */
export function poseidon(inputs: readonly bigint[]): bigint {
  return poseidonFast(inputs);
}
