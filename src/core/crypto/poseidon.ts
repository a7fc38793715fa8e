/** Poseidon over BN254 with circomlib's parameters (the hash the circuits use for leaves and trees). */
import { poseidon1, poseidon2, poseidon3, poseidon4, poseidon5, poseidon6 } from 'poseidon-lite';

const BY_ARITY = [undefined, poseidon1, poseidon2, poseidon3, poseidon4, poseidon5, poseidon6] as const;

/** Poseidon(inputs) for 1 to 6 field elements, each < r (BN254 scalar field). Equal to circomlib's Poseidon(n). */
export function poseidon(inputs: readonly bigint[]): bigint {
  const fn = BY_ARITY[inputs.length];
  if (!fn) throw new RangeError(`poseidon: arity ${inputs.length} not supported (1..6)`);
  return fn(inputs as bigint[]);
}
