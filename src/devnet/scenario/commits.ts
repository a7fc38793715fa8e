/**
 * Actuaries' commits (docs/protocol.md §7): the package plaintext, sealed with the Paillier KEM and ChaCha20-Poly1305,
 * inscribed as a signed `commit`; the faulty packages of scripts.ts; a copied commit; the group's dispute of a KEM
 * that only threshold decryption can open (§7.4).
 */
import { bytesToHex, hexToBytes, sha256, utf8 } from '../../core/bytes';
import { bigintToBytes, byteLength, bytesToBigint, modPow } from '../../core/crypto/bigint-math';
import { decryptionShare } from '../../core/crypto/threshold-paillier';
import { canonicalBytes } from '../../core/protocol/canonical';
import { sealPackage } from '../../core/protocol/kem';
import { buildMessage, CONTENT_TYPES } from '../../core/protocol/message';
import type { CommitPayload, DecryptionShare } from '../../core/protocol/payloads';
import { ALLOCATION, splitIntoParts } from '../../core/table';
import type { Actuary } from './actors';
import type { Published } from './chain-io';
import { keyPair } from './keys';
import type { MonthResult } from './month-compute';
import { hex32, packageBatches, packageBytes, type PackageBody } from './package';
import type { ScenarioProof } from './proofs';
import { Rng } from './rng';
import type { CommitTiming, PackageKind } from './scripts';
import { NETWORK, publishOn, type World } from './world';

export interface CommitRecord {
  actuary: Actuary;
  published: Published;
  key: Uint8Array;
  height: number;
  pos: number;
  attempt: number;
  package: PackageKind;
  timing: CommitTiming | 'lead';
  /** The group counts it although its race status is not `counted` (a dishonest group). */
  countedByGroup?: boolean;
}

/** SHA-256 of the concatenated part bodies of a table, as a package's `table_sha256` names it (§12). */
export function tableSha256(rows: MonthResult['rows']): string {
  const parts = splitIntoParts(ALLOCATION, rows).map((p) => p.data);
  const all = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) { all.set(p, o); o += p.length; }
  return bytesToHex(sha256(all));
}

/** The package's plaintext, built wrong as `kind` says (the KEM and commit faults are applied by `commitPackage`). */
function plaintext(w: World, a: Actuary, m: number, kind: PackageKind, result: MonthResult, proofs: readonly ScenarioProof[]): Uint8Array {
  const body: PackageBody = {
    network: NETWORK, genesis: w.genesis, month: kind === 'wrong-context' ? m + 1 : m, actuary: a.key.pub, new_root: hex32(result.root),
    table_sha256: tableSha256(result.rows), batches: packageBatches(result.witness, proofs),
  };
  const b = body.batches.proofs;
  switch (kind) {
    case 'malformed': return canonicalBytes({ package: 'not a v1 package', month: m });
    case 'bad-signature': return packageBytes(body, keyPair(w.seed, `impostor/${a.key.pub}`).secret);
    case 'batch-count': body.batches.proofs = b.slice(0, -1); break;
    case 'batch-sums': b[0] = { ...b[0]!, partial_f: (BigInt(b[0]!.partial_f) + 1n).toString() }; break;
    case 'root-mismatch': body.new_root = hex32(result.root ^ 1n); break;
    case 'proof-invalid':
      if (b.length < 2) throw new Error('proof-invalid needs two batches');
      b[0] = { ...b[0]!, proof: b[1]!.proof };
      break;
    case 'table-hash': body.table_sha256 = bytesToHex(sha256(utf8.encode(`another table ${m}`))); break;
    default: break;
  }
  return packageBytes(body, a.key.secret);
}

/**
 * A package key per (month, attempt, actuary), and another for an actuary's second commit of an attempt: a key never
 * encrypts two packages (nonce 0, §7.3), and a second commit is a new message, not a copy of the first (§2.5).
 */
function packageKey(w: World, m: number, attempt: number, a: Actuary, timing: CommitRecord['timing']): Uint8Array {
  const label = attempt === 0 ? `package-key/${m}/${a.key.pub}` : `package-key/${m}/${attempt}/${a.key.pub}`;
  return new Rng(w.seed, timing === 'repeat' ? `${label}/repeat` : label).bytes(32);
}

/** Seal and inscribe an actuary's commit (not mined). */
export async function commitPackage(
  w: World, m: number, a: Actuary, kind: PackageKind, result: MonthResult, proofs: readonly ScenarioProof[], attempt: number, timing: CommitRecord['timing'],
): Promise<CommitRecord> {
  const key = packageKey(w, m, attempt, a, timing);
  const n = w.group.paillier.pub.n;
  const ctx = { network: NETWORK, genesis: w.genesisId, month: m, actuary: a.key.pub };
  const sealed = sealPackage(n, key, plaintext(w, a, m, kind, result, proofs), ctx);
  let { kem, ciphertext } = sealed;
  // unopenable: the ciphertext is sealed under another key, so the revealed key re-encrypts to the KEM but the AEAD fails.
  if (kind === 'unopenable') ciphertext = sealPackage(n, sha256(key), plaintext(w, a, m, 'honest', result, proofs), ctx).ciphertext;
  // broken-kem: the key is encrypted with fresh randomness instead of r(key) (§7.2): only a dispute can prove it.
  if (kind === 'broken-kem') kem = kemWithRandomness(n, key, new Rng(w.seed, `broken-kem/${m}/${a.key.pub}`).bytes(32));
  const payload: CommitPayload = { network: NETWORK, genesis: w.genesis, month: m, signer: a.key.pub, attempt, kem: bytesToHex(kem), ciphertext: bytesToHex(ciphertext) };
  const published = await publishOn(w, m, buildMessage('commit', payload, a.key.secret), CONTENT_TYPES.message);
  w.commitPayloads.set(published.id, payload);
  return { actuary: a, published, key, height: -1, pos: -1, attempt, package: kind, timing };
}

/** The lazy actuary: takes another actuary's commit from the chain and re-signs its KEM and ciphertext as its own. */
export async function copyCommit(w: World, m: number, a: Actuary, victim: CommitRecord, timing: CommitRecord['timing']): Promise<CommitRecord> {
  const original = w.commitPayloads.get(victim.published.id);
  if (!original) throw new Error('victim commit payload unknown');
  const payload = { ...original, signer: a.key.pub };
  const published = await publishOn(w, m, buildMessage('commit', payload, a.key.secret), CONTENT_TYPES.message);
  w.commitPayloads.set(published.id, payload);
  return { actuary: a, published, key: victim.key, height: -1, pos: -1, attempt: victim.attempt, package: 'copy', timing };
}

/** The group's dispute of a commit: the first `threshold` parties' decryption shares of its KEM ciphertext (§7.4). */
export function disputeFor(w: World, c: CommitRecord): { commit: string; shares: DecryptionShare[] } {
  const pub = w.group.paillier.pub;
  const ct = bytesToBigint(hexToBytes(w.commitPayloads.get(c.published.id)!.kem));
  const nBytes = byteLength(pub.n);
  const shares = w.group.paillier.shares.slice(0, pub.threshold).map((sh) => decryptionShare(pub, sh, ct));
  return {
    commit: c.published.id,
    shares: shares.map((x) => ({ party: x.index, share: bytesToHex(bigintToBytes(x.share, 2 * nBytes)), e: bytesToHex(bigintToBytes(x.e, 16)), z: bytesToHex(bigintToBytes(x.z, byteLength(x.z))) })),
  };
}

/** A Paillier encryption of `key` under N with the given randomness seed (not r(key) of docs/protocol.md §7.2). */
function kemWithRandomness(n: bigint, key: Uint8Array, seed: Uint8Array): Uint8Array {
  const n2 = n * n;
  const r = (bytesToBigint(seed) % (n - 2n)) + 2n;
  return bigintToBytes(((1n + bytesToBigint(key) * n) * modPow(r, n, n2)) % n2, 2 * byteLength(n));
}
