/**
 * Commit packages (docs/protocol.md §7.1, draft as implemented here): the JCS bytes of
 * `{network, genesis, month, actuary, new_root, table_sha256, batches, sig}` with
 * `batches = {F, W, R, proofs: [{new_root, partial_f, partial_w, partial_s, proof}]}` (decimal strings for the totals
 * and partials, hex32 batch roots, 128-byte compact Groth16 proofs). The other public inputs of batch i (month, i, the
 * previous batch root, the inputs batch root) are recomputed by the verifier from public data.
 */
import { bytesToHex } from '../../core/bytes';
import { canonicalBytes } from '../../core/protocol/canonical';
import { signSchnorr } from '../../core/crypto/schnorr';
import { taggedHash } from '../../core/crypto/tagged-hash';
import type { NetworkName } from '../../core/chain/network';
import type { JsonValue } from '../../core/protocol/strict-json';
import type { MonthWitness } from '../prover/month-witness';
import type { ScenarioProof } from './proofs';

export interface PackageBody {
  network: NetworkName;
  genesis: string;
  month: number;
  actuary: string;
  new_root: string;
  table_sha256: string;
  batches: { F: string; W: string; R: string; proofs: { new_root: string; partial_f: string; partial_w: string; partial_s: string; proof: string }[] };
}

export const PACKAGE_TAG = 'drey/v1/package';

export const hex32 = (x: bigint): string => x.toString(16).padStart(64, '0');

export function packageBatches(witness: MonthWitness, proofs: readonly ScenarioProof[]): PackageBody['batches'] {
  const first = witness.batches[0]!.publicInputs;
  return {
    F: first.F.toString(), W: first.W.toString(), R: first.R.toString(),
    proofs: witness.batches.map((b, i) => ({
      new_root: hex32(b.publicInputs.newBatchRoot),
      partial_f: b.publicInputs.partialF.toString(),
      partial_w: b.publicInputs.partialW.toString(),
      partial_s: b.publicInputs.partialS.toString(),
      proof: proofs[i]!.proof,
    })),
  };
}

/** The package plaintext, signed by the actuary over taggedHash("drey/v1/package", JCS(package without sig)). */
export function packageBytes(body: PackageBody, secret: Uint8Array): Uint8Array {
  const json = body as unknown as Record<string, JsonValue>;
  const sig = signSchnorr(taggedHash(PACKAGE_TAG, canonicalBytes(json)), secret);
  return canonicalBytes({ ...json, sig: bytesToHex(sig) });
}
