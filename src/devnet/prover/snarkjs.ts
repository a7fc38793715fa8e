/** The part of snarkjs 0.7 (untyped CommonJS build) the devnet's setup and prover use, with types. */
import { createRequire } from 'node:module';

export interface Groth16Proof {
  pi_a: string[];
  pi_b: string[][];
  pi_c: string[];
  protocol: string;
  curve: string;
}

export interface VerificationKey {
  protocol: string;
  curve: string;
  nPublic: number;
  [k: string]: unknown;
}

interface Curve { terminate(): Promise<void> }
type Logger = { debug(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void } | undefined;

export interface Snarkjs {
  curves: { getCurveFromName(name: string, options?: { singleThread?: boolean }): Promise<Curve> };
  powersOfTau: {
    newAccumulator(curve: Curve, power: number, file: string, logger?: Logger): Promise<unknown>;
    beacon(oldFile: string, newFile: string, name: string, beaconHashHex: string, iterationsExp: number, logger?: Logger): Promise<unknown>;
    preparePhase2(oldFile: string, newFile: string, logger?: Logger): Promise<unknown>;
  };
  zKey: {
    newZKey(r1cs: string, ptau: string, zkey: string, logger?: Logger): Promise<unknown>;
    beacon(oldFile: string, newFile: string, name: string, beaconHashHex: string, iterationsExp: number, logger?: Logger): Promise<unknown>;
    exportVerificationKey(zkey: string, logger?: Logger): Promise<VerificationKey>;
  };
  groth16: {
    fullProve(
      input: Record<string, unknown>, wasm: string, zkey: string, logger?: Logger, wtnsOptions?: object,
      proverOptions?: { singleThread?: boolean },
    ): Promise<{ proof: Groth16Proof; publicSignals: string[] }>;
    verify(vkey: VerificationKey, publicSignals: string[], proof: Groth16Proof, logger?: Logger): Promise<boolean>;
  };
  wtns: {
    calculate(input: Record<string, unknown>, wasm: string, wtns: { type: 'mem' } | string, options?: object): Promise<unknown>;
  };
}

export const snarkjs = createRequire(import.meta.url)('snarkjs') as Snarkjs;

/** End snarkjs' shared bn128 worker threads so a script can exit. */
export async function releaseCurve(): Promise<void> {
  const g = globalThis as { curve_bn128?: Curve };
  if (g.curve_bn128) {
    await g.curve_bn128.terminate();
    delete g.curve_bn128;
  }
}
