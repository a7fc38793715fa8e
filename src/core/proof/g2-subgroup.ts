/**
 * BN254 G2 subgroup membership by the endomorphism ψ (El Housni, Guillevic, Piellard, eprint 2022/352 §4.3):
 * a point Q of the twist E′(Fp²) is in the order-r subgroup iff [u+1]Q + ψ([u]Q) + ψ²([u]Q) = ψ³([2u]Q), with the
 * curve's seed u = 4965661367192848881 (63 bits) and ψ = twist ∘ Frobenius ∘ untwist:
 * ψ(x, y) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)), ξ = 9 + i. One 63-bit multiplication instead of the 254-bit [r]Q.
 * Written against a small group interface so the same check runs on mcl-wasm (production) and on noble (tests).
 */

/** BN254's seed u (p and r are polynomials in u). */
export const BN_U = 4965661367192848881n;

/** The operations the check needs; `mulPlain` must be a plain double-and-add, valid for any point of the twist. */
export interface TwistOps<Q> {
  add(a: Q, b: Q): Q;
  dbl(a: Q): Q;
  psi(a: Q): Q;
  eq(a: Q, b: Q): boolean;
}

/** [k]Q by left-to-right double-and-add (no GLV/GLS decomposition: those assume Q is already in the subgroup). */
export function mulPlain<Q>(ops: TwistOps<Q>, q: Q, k: bigint): Q {
  let acc: Q | undefined;
  for (let i = k.toString(2).length - 1; i >= 0; i--) {
    if (acc !== undefined) acc = ops.dbl(acc);
    if ((k >> BigInt(i)) & 1n) acc = acc === undefined ? q : ops.add(acc, q);
  }
  if (acc === undefined) throw new RangeError('mulPlain: k must be positive');
  return acc;
}

/** True iff q (a point of the twist, not the identity) lies in the order-r subgroup G2. */
export function isInG2<Q>(ops: TwistOps<Q>, q: Q): boolean {
  const uq = mulPlain(ops, q, BN_U);
  const psiUq = ops.psi(uq);
  const lhs = ops.add(ops.add(ops.add(uq, q), psiUq), ops.psi(psiUq));
  const rhs = ops.psi(ops.psi(ops.psi(ops.dbl(uq))));
  return ops.eq(lhs, rhs);
}
