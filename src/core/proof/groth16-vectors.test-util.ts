/** Loads the committed Groth16 vectors (vectors/groth16/<circuit>/) for tests and benchmarks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CIRCUITS = ['secret-product', 'poseidon-leaf', 'weighted-sum'] as const;

export interface SnarkjsProof { pi_a: string[]; pi_b: string[][]; pi_c: string[]; protocol?: string; curve?: string }
export interface ProvedStatement { proof: SnarkjsProof; publicSignals: string[] }
export interface Mutation { name: string; expect: string; vkey?: unknown; proof?: unknown; publicSignals?: unknown }

export interface CircuitVectors {
  name: string;
  vkey: Record<string, unknown>;
  proof: SnarkjsProof;
  publicSignals: string[];
  proofs: ProvedStatement[];
  mutations: Mutation[];
}

const root = fileURLToPath(new URL('../../../vectors/groth16/', import.meta.url));
const json = (path: string): unknown => JSON.parse(readFileSync(root + path, 'utf8'));

export function loadCircuit(name: string): CircuitVectors {
  return {
    name,
    vkey: json(`${name}/verification_key.json`) as Record<string, unknown>,
    proof: json(`${name}/proof.json`) as SnarkjsProof,
    publicSignals: json(`${name}/public.json`) as string[],
    proofs: json(`${name}/proofs.json`) as ProvedStatement[],
    mutations: json(`${name}/mutations.json`) as Mutation[],
  };
}

export const vectorPath = (name: string, file: string): string => `${root}${name}/${file}`;
