/** Test helper: points of BN254's G2 twist found by their x, for tests of the subgroup check and of point parsing. */
import { Fp2, G2Point, type G2 } from './bn254';

type Fp2Value = { c0: bigint; c1: bigint };

/** The twist point with this x (one of its two roots), or undefined when x³ + b′ is not a square. */
export function twistPointAt(x: Fp2Value): G2 | undefined {
  const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), G2Point.CURVE().b);
  let y;
  try {
    y = Fp2.sqrt(rhs);
  } catch {
    return undefined;
  }
  return Fp2.eql(Fp2.sqr(y), rhs) ? G2Point.fromAffine({ x, y }) : undefined;
}

/** The first x = (k, 0) with no twist point. */
export function twistXWithoutPoint(): bigint {
  for (let k = 1n; ; k++) if (!twistPointAt({ c0: k, c1: 0n })) return k;
}

/** The first point with x = (k, 0) that lies on the twist but outside the order-r subgroup. */
export function twistPointOutsideSubgroup(): G2 {
  for (let k = 1n; ; k++) {
    const p = twistPointAt({ c0: k, c1: 0n });
    if (p && !p.isTorsionFree()) return p;
  }
}

/** A G2 point in snarkjs' JSON form [[x.c0, x.c1], [y.c0, y.c1], [1, 0]]. */
export function g2Json(p: G2): string[][] {
  const { x, y } = p.toAffine();
  return [[x.c0.toString(), x.c1.toString()], [y.c0.toString(), y.c1.toString()], ['1', '0']];
}
