/** Allocation and inputs leaves of docs/allocation-formula.md (circomlib Poseidon over BN254). */
import { poseidon } from '../crypto/poseidon';

/** Allocation leaf: Poseidon(month, userIdField, allocation). A padding row is (uid 0, allocation 0). */
export function allocationLeaf(month: number | bigint, uid: bigint, allocation: bigint): bigint {
  return poseidon([BigInt(month), uid, allocation]);
}

/** Inputs leaf: Poseidon(userIdField, alive, deposit, q). A padding row is all zero. */
export function inputsLeaf(uid: bigint, alive: boolean | bigint, deposit: bigint, q: bigint): bigint {
  return poseidon([uid, typeof alive === 'boolean' ? (alive ? 1n : 0n) : alive, deposit, q]);
}

/** The allocation leaf of a padding row of month m. */
export function paddingAllocationLeaf(month: number | bigint): bigint {
  return allocationLeaf(month, 0n, 0n);
}

/** The inputs leaf of a padding row. */
export function paddingInputsLeaf(): bigint {
  return inputsLeaf(0n, 0n, 0n, 0n);
}
