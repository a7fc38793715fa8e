/**
 * mcl-wasm (herumi's mcl compiled to WebAssembly) on BN_SNARK1, i.e. BN254/alt_bn128 with Ethereum's twist: loaded
 * once per realm (Worker, thread), lazily, because its module is the verifier chunk's largest part. mcl's own order
 * checks are switched off: every point is checked here (on the curve, and G2 by the endomorphism test of
 * g2-subgroup.ts), so what is verified never depends on a library default.
 */
import type * as McLib from 'mcl-wasm';
import { G2Point, P } from './bn254';
import type { TwistOps } from './g2-subgroup';

export type Mcl = typeof McLib;
export type McG1 = McLib.G1;
export type McG2 = McLib.G2;

let loading: Promise<Mcl> | undefined;

/** The initialised library (BN_SNARK1); the first call compiles the WebAssembly module. */
export function loadMcl(): Promise<Mcl> {
  loading ??= (async () => {
    const mod = (await import('mcl-wasm')) as Mcl & { default?: Mcl };
    const mcl = (mod.default && typeof mod.default.init === 'function' ? mod.default : mod) as Mcl;
    await mcl.init(mcl.BN_SNARK1);
    mcl.verifyOrderG1(false);
    mcl.verifyOrderG2(false);
    return mcl;
  })();
  return loading;
}

/** An Fp element from a canonical integer (< p). */
export function fpOf(mcl: Mcl, v: bigint): McLib.Fp {
  const x = new mcl.Fp();
  x.setStr(v.toString(16), 16);
  return x;
}

export function bigOfFp(x: McLib.Fp): bigint {
  return BigInt(`0x${x.getStr(16)}`);
}

export function fp2Of(mcl: Mcl, v: { c0: bigint; c1: bigint }): McLib.Fp2 {
  const x = new mcl.Fp2();
  x.set_a(fpOf(mcl, v.c0));
  x.set_b(fpOf(mcl, v.c1));
  return x;
}

export function bigOfFp2(x: McLib.Fp2): { c0: bigint; c1: bigint } {
  return { c0: bigOfFp(x.get_a()), c1: bigOfFp(x.get_b()) };
}

/** An Fr scalar from an integer below r. */
export function frOf(mcl: Mcl, v: bigint): McLib.Fr {
  const x = new mcl.Fr();
  x.setStr(v.toString(16), 16);
  return x;
}

export function g1OfAffine(mcl: Mcl, x: McLib.Fp, y: McLib.Fp): McG1 {
  const p = new mcl.G1();
  p.setX(x);
  p.setY(y);
  const one = new mcl.Fp();
  one.setInt(1);
  p.setZ(one);
  return p;
}

export function g2OfAffine(mcl: Mcl, x: McLib.Fp2, y: McLib.Fp2): McG2 {
  const p = new mcl.G2();
  p.setX(x);
  p.setY(y);
  const one = new mcl.Fp2();
  one.setInt(1, 0);
  p.setZ(one);
  return p;
}

interface Constants { twistB: McLib.Fp2; psiX: McLib.Fp2; psiY: McLib.Fp2; ops: TwistOps<McG2> }
const constants = new WeakMap<object, Constants>();

/** The twist's b′ = 3/(9 + i) and ψ's coefficients ξ^((p−1)/3), ξ^((p−1)/2) (ξ = 9 + i), as mcl values. */
export function mclConstants(mcl: Mcl): Constants {
  let c = constants.get(mcl);
  if (!c) {
    const xi = fp2Of(mcl, { c0: 9n, c1: 1n });
    const pow = (base: McLib.Fp2, e: bigint): McLib.Fp2 => {
      let acc = new mcl.Fp2();
      acc.setInt(1, 0);
      for (let i = e.toString(2).length - 1; i >= 0; i--) {
        acc = mcl.sqr(acc);
        if ((e >> BigInt(i)) & 1n) acc = mcl.mul(acc, base);
      }
      return acc;
    };
    const psiX = pow(xi, (P - 1n) / 3n);
    const psiY = pow(xi, (P - 1n) / 2n);
    const conj = (a: McLib.Fp2): McLib.Fp2 => {
      const out = new mcl.Fp2();
      out.set_a(a.get_a());
      out.set_b(mcl.neg(a.get_b()));
      return out;
    };
    const ops: TwistOps<McG2> = {
      add: (a, b) => mcl.add(a, b),
      dbl: (a) => mcl.dbl(a),
      eq: (a, b) => a.isEqual(b),
      psi: (a) => {
        if (a.isZero()) return a;
        const n = mcl.normalize(a);
        return g2OfAffine(mcl, mcl.mul(conj(n.getX()), psiX), mcl.mul(conj(n.getY()), psiY));
      },
    };
    c = { twistB: fp2Of(mcl, G2Point.CURVE().b), psiX, psiY, ops };
    constants.set(mcl, c);
  }
  return c;
}
