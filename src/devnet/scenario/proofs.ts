/**
 * The scenario's batch prover: snarkjs Groth16 with DETERMINISTIC blinding (r, s drawn from a ChaCha stream seeded by
 * the proof's inputs), so a seed reproduces the same chain byte for byte. Zero knowledge is irrelevant here (the
 * witness is the published table); never use deterministic blinding for private witnesses. Batches are proven in
 * parallel child processes (one per core) and cached on disk by circuit and input. Agreeing actuaries get distinct
 * valid proofs of the same statements by re-randomisation (A′ = A/θ, B′ = θ·B + θρ·δ, C′ = C + ρ·A, with θ, ρ derived
 * from the actuary and the batch), which costs a few point multiplications instead of a proof.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bn254 } from '@noble/curves/bn254.js';
import { decodeProof, encodeProof } from '../../core/proof/groth16-encoding';
import { parseProofJson, parseVerifyingKeyJson } from '../../core/proof/groth16-json';
import type { Groth16VerifyingKey } from '../../core/proof/groth16-types';
import { bytesToHex, hexToBytes } from '../../core/bytes';
import { CACHE_DIR, type CircuitArtifacts } from '../prover/setup';
import { proveBatches } from '../prover/prover';
import type { CircuitInput } from '../prover/month-witness';

export interface ScenarioProof {
  /** 128-byte compact encoding (core/proof), hex. */
  proof: string;
  publicSignals: string[];
}

const Fr = bn254.fields.Fr;

/** A nonzero scalar from a label (re-randomisation factors; public randomness is fine: the witness is public). */
function scalarOf(label: string): bigint {
  const v = Fr.create(BigInt(`0x${createHash('sha256').update(label).digest('hex')}`));
  return v === 0n ? 1n : v;
}

/** A distinct valid proof of the same statement (Groth16 proofs are malleable exactly this way). */
export function rerandomiseProof(vk: Groth16VerifyingKey, proofHex: string, label: string): string {
  const p = decodeProof(hexToBytes(proofHex));
  const theta = scalarOf(`theta/${label}`);
  const rho = scalarOf(`rho/${label}`);
  return bytesToHex(encodeProof({
    a: p.a.multiply(Fr.inv(theta)),
    b: p.b.multiply(theta).add(vk.delta.multiply(Fr.mul(theta, rho))),
    c: p.c.add(p.a.multiply(rho)),
  }));
}

export class BatchProver {
  readonly cacheDir: string;
  proved = 0;
  cached = 0;
  private vk: Groth16VerifyingKey | undefined;

  constructor(readonly circuit: CircuitArtifacts, readonly threads?: number) {
    this.cacheDir = join(CACHE_DIR, 'scenario-proofs', circuit.name);
    mkdirSync(this.cacheDir, { recursive: true });
  }

  private keyOf(input: CircuitInput): Buffer {
    return createHash('sha256').update(this.circuit.name).update(JSON.stringify(input)).digest();
  }

  private fileOf(key: Buffer): string {
    return join(this.cacheDir, `${key.toString('hex')}.json`);
  }

  /** Every batch's proof, in order: cached ones read, the others proven in parallel (and cached as they finish). */
  async proveAll(inputs: readonly CircuitInput[], log?: (line: string) => void): Promise<ScenarioProof[]> {
    const keys = inputs.map((i) => this.keyOf(i));
    const out: (ScenarioProof | undefined)[] = keys.map((k) => {
      const file = this.fileOf(k);
      if (!existsSync(file)) return undefined;
      this.cached++;
      return JSON.parse(readFileSync(file, 'utf8')) as ScenarioProof;
    });
    const missing = out.flatMap((p, i) => (p ? [] : [i]));
    if (missing.length === 0) return out as ScenarioProof[];
    const t0 = performance.now();
    let done = 0;
    await proveBatches(missing.map((i) => inputs[i]!), this.circuit, this.threads, {
      seeds: missing.map((i) => Array.from({ length: 8 }, (_, w) => keys[i]!.readUInt32BE(w * 4))),
      onProof: (j, p) => {
        const i = missing[j]!;
        const result = { proof: bytesToHex(encodeProof(parseProofJson(p.proof))), publicSignals: p.publicSignals };
        const file = this.fileOf(keys[i]!);
        writeFileSync(`${file}.tmp`, JSON.stringify(result));
        renameSync(`${file}.tmp`, file);
        out[i] = result;
        this.proved++;
        done++;
        if (log && (done % 50 === 0 || done === missing.length)) log(`  proved ${done}/${missing.length} batches (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      },
    });
    return out as ScenarioProof[];
  }

  /** Distinct valid proofs of the same batches for one actuary (the lead keeps the originals). */
  distinctFor(proofs: readonly ScenarioProof[], label: string): ScenarioProof[] {
    this.vk ??= parseVerifyingKeyJson(this.circuit.vkey);
    return proofs.map((p, i) => ({ ...p, proof: rerandomiseProof(this.vk!, p.proof, `${label}/${i}`) }));
  }

  async close(): Promise<void> {
    // Each proveAll ends its child processes; nothing stays open.
  }
}
