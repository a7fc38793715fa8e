/** Types for the Node-only packages the proof tests, vector generators and benchmarks compare against (never imported by src/core code). */
declare module 'snarkjs' {
  export const groth16: {
    verify(vkey: unknown, publicSignals: unknown, proof: unknown, logger?: unknown): Promise<boolean>;
    fullProve(input: Record<string, unknown>, wasmFile: string, zkeyFile: string): Promise<{ proof: unknown; publicSignals: string[] }>;
  };
}

declare module 'circomlibjs' {
  interface CircomlibPoseidon {
    (inputs: readonly (bigint | number | string)[]): Uint8Array;
    F: { toObject(v: Uint8Array): bigint };
  }
  export function buildPoseidon(): Promise<CircomlibPoseidon>;
  export function buildPoseidonOpt(): Promise<CircomlibPoseidon>;
  export function buildPoseidonReference(): Promise<CircomlibPoseidon>;
}
