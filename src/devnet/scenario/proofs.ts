/**
 * The scenario's batch prover: snarkjs Groth16 with DETERMINISTIC blinding (r, s drawn from a ChaCha stream seeded by
 * the proof's inputs), so a seed reproduces the same chain byte for byte. Zero knowledge is irrelevant here (the
 * witness is the published table); never use deterministic blinding for private witnesses. Proofs are cached on disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { encodeProof } from '../../core/proof/groth16-encoding';
import { parseProofJson } from '../../core/proof/groth16-json';
import { bytesToHex } from '../../core/bytes';
import { snarkjs, releaseCurve, type Groth16Proof } from '../prover/snarkjs';
import { CACHE_DIR, REPO_ROOT, type CircuitArtifacts } from '../prover/setup';
import type { CircuitInput } from '../prover/month-witness';

interface ChaChaLike { nextU32(): number }
type ChaChaCtor = (new (seed: number[]) => ChaChaLike) & { prototype: ChaChaLike };

const ffjs = createRequire(join(REPO_ROOT, 'package.json'))('ffjavascript') as { ChaCha: ChaChaCtor };
let current: ChaChaLike | undefined;
let patched = false;

/** Route ffjavascript's thread RNG (used for Groth16's r and s) to `current` while a proof is computed. */
function patchRng(): void {
  if (patched) return;
  patched = true;
  const original = ffjs.ChaCha.prototype.nextU32;
  ffjs.ChaCha.prototype.nextU32 = function nextU32(this: ChaChaLike): number {
    return original.call(current ?? this);
  };
}

export interface ScenarioProof {
  /** 128-byte compact encoding (core/proof), hex. */
  proof: string;
  publicSignals: string[];
}

export class BatchProver {
  readonly cacheDir: string;
  proved = 0;
  cached = 0;

  constructor(readonly circuit: CircuitArtifacts) {
    this.cacheDir = join(CACHE_DIR, 'scenario-proofs', circuit.name);
    mkdirSync(this.cacheDir, { recursive: true });
  }

  async prove(input: CircuitInput): Promise<ScenarioProof> {
    const key = createHash('sha256').update(this.circuit.name).update(JSON.stringify(input)).digest();
    const file = join(this.cacheDir, `${key.toString('hex')}.json`);
    if (existsSync(file)) {
      this.cached++;
      return JSON.parse(readFileSync(file, 'utf8')) as ScenarioProof;
    }
    patchRng();
    const words = Array.from({ length: 8 }, (_, i) => key.readUInt32BE(i * 4));
    current = new ffjs.ChaCha(words);
    let out: { proof: Groth16Proof; publicSignals: string[] };
    try {
      out = await snarkjs.groth16.fullProve(input, this.circuit.wasm, this.circuit.zkey);
    } finally {
      current = undefined;
    }
    const result = { proof: bytesToHex(encodeProof(parseProofJson(out.proof))), publicSignals: out.publicSignals };
    writeFileSync(file, JSON.stringify(result));
    this.proved++;
    return result;
  }

  async proveAll(inputs: readonly CircuitInput[]): Promise<ScenarioProof[]> {
    const out: ScenarioProof[] = [];
    for (const i of inputs) out.push(await this.prove(i));
    return out;
  }

  async close(): Promise<void> {
    await releaseCurve();
  }
}
