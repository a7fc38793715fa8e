/**
 * The batch commitment of docs/allocation-formula.md §Commitments (v2): elements absorbed 16 at a time by circomlib's
 * Poseidon with a capacity element, c₀ = init, cₖ₊₁ = PoseidonEx(chunkₖ; initialState = cₖ).out[0]; the last chunk
 * may be shorter. A Merkle–Damgård chain of Poseidon compressions over a length fixed by the batch size; the
 * circuit's `Commitment(N)` computes the same value.
 */
import { poseidonWithInitMany } from '../crypto/poseidon';

export const COMMITMENT_RATE = 16;

/** The commitments of many element lists of equal length, chunk by chunk (one Poseidon call per chunk index). */
export function commitments(inits: readonly bigint[], lists: readonly (readonly bigint[])[]): bigint[] {
  if (inits.length !== lists.length) throw new RangeError('commitments: one init per list');
  if (lists.length === 0) return [];
  const n = lists[0]!.length;
  if (n === 0 || lists.some((l) => l.length !== n)) throw new RangeError('commitments: lists must be non-empty and of equal length');
  let state = inits.slice();
  for (let start = 0; start < n; start += COMMITMENT_RATE) {
    const end = Math.min(n, start + COMMITMENT_RATE);
    state = poseidonWithInitMany(lists.map((l, k) => [state[k]!, ...l.slice(start, end)]));
  }
  return state;
}

/** The commitment of one element list. */
export function commitment(init: bigint, elements: readonly bigint[]): bigint {
  return commitments([init], [elements])[0]!;
}
