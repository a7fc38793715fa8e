/**
 * Commit package plaintext (docs/protocol.md §7.1): JCS bytes of
 * `{actuary, batches, genesis, month, network, new_root, sig, table_sha256}` with
 * `batches = {F, W, R, proofs: [{new_root, partial_f, partial_w, partial_s, proof}]}` (decimal strings for the totals
 * and partials, hex32 batch roots, the proof system's compact proof bytes as hex). The other public inputs of batch i
 * (month, i, previous batch root, inputs batch root) are recomputed by the verifier from public data. The inner
 * signature is a BIP340 signature by `actuary` over `taggedHash("drey/v1/package", JCS(package without sig))`.
 */
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { VerifyError } from '../errors';
import { isValidSchnorr, parseXOnlyKey, signSchnorr } from '../crypto/schnorr';
import { taggedHash } from '../crypto/tagged-hash';
import { canonicalBytes, canonicalize } from '../protocol/canonical';
import { parseStrictJson, type JsonValue } from '../protocol/strict-json';
import type { NetworkName } from '../chain/network';

export const PACKAGE_TAG = 'drey/v1/package';
const MAX_BATCHES = 1 << 16;

export interface PackageBatch {
  newRoot: bigint;
  partialF: bigint;
  partialW: bigint;
  partialS: bigint;
  /** The proof in its proof system's compact bytes (parsed by the proof system later). */
  proof: Uint8Array;
}

export interface Package {
  network: NetworkName;
  genesis: string;
  month: number;
  actuary: string;
  newRoot: string;
  tableSha256: string;
  F: bigint;
  W: bigint;
  R: bigint;
  batches: PackageBatch[];
  sig: string;
}

function bad(message: string, evidence: Record<string, unknown> = {}): never {
  throw new VerifyError('REVEAL_PACKAGE_MALFORMED', message, evidence);
}

const HEX32 = /^[0-9a-f]{64}$/;
const DECIMAL = /^(0|[1-9][0-9]{0,77})$/;

/** The digest the inner signature covers. */
export function packageDigest(unsigned: Record<string, JsonValue>): Uint8Array {
  return taggedHash(PACKAGE_TAG, canonicalBytes(unsigned));
}

/** Parse a package plaintext: canonical JSON, exact keys, typed fields; then check the inner signature (REVEAL_PACKAGE_SIGNATURE). */
export function parsePackage(bytes: Uint8Array): Package {
  const text = utf8.decodeStrict(bytes);
  if (text === undefined) bad('package is not UTF-8');
  let value: JsonValue;
  try {
    value = parseStrictJson(text, 'REVEAL_PACKAGE_MALFORMED');
  } catch (e) {
    if (e instanceof VerifyError) bad(`package is not strict JSON: ${e.message}`);
    throw e;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) bad('package is not an object');
  const o = value as Record<string, JsonValue>;
  const keys = Object.keys(o).sort().join(',');
  if (keys !== 'actuary,batches,genesis,month,network,new_root,sig,table_sha256') bad('package keys are not exactly the v1 set', { keys });
  if (canonicalize(value) !== text) bad('package is not in RFC 8785 canonical form');
  const str = (k: string, re: RegExp): string => {
    const v = o[k];
    if (typeof v !== 'string' || !re.test(v)) bad(`package.${k} is malformed`, { field: k });
    return v;
  };
  const month = o.month;
  if (typeof month !== 'number' || !Number.isSafeInteger(month) || month < 1) bad('package.month is malformed');
  const b = o.batches;
  if (b === null || typeof b !== 'object' || Array.isArray(b) || Object.keys(b).sort().join(',') !== 'F,R,W,proofs') bad('package.batches must be {F, W, R, proofs}');
  const bo = b as Record<string, JsonValue>;
  const dec = (v: JsonValue | undefined, what: string): bigint => {
    if (typeof v !== 'string' || !DECIMAL.test(v)) bad(`${what} must be a decimal string`);
    return BigInt(v);
  };
  const proofsValue = bo.proofs;
  if (!Array.isArray(proofsValue) || proofsValue.length < 1 || proofsValue.length > MAX_BATCHES) bad('package.batches.proofs must be a non-empty list');
  const batches = proofsValue.map((x, i): PackageBatch => {
    const w = `package.batches.proofs[${i}]`;
    if (x === null || typeof x !== 'object' || Array.isArray(x)) bad(`${w} is not an object`);
    const xo = x as Record<string, JsonValue>;
    if (Object.keys(xo).sort().join(',') !== 'new_root,partial_f,partial_s,partial_w,proof') bad(`${w} keys must be new_root, partial_f, partial_w, partial_s, proof`);
    if (typeof xo.new_root !== 'string' || !HEX32.test(xo.new_root)) bad(`${w}.new_root must be 32 bytes of hex`);
    if (typeof xo.proof !== 'string' || !/^(?:[0-9a-f]{2}){1,4096}$/.test(xo.proof)) bad(`${w}.proof must be hex`);
    return {
      newRoot: BigInt('0x' + xo.new_root), partialF: dec(xo.partial_f, `${w}.partial_f`), partialW: dec(xo.partial_w, `${w}.partial_w`),
      partialS: dec(xo.partial_s, `${w}.partial_s`), proof: hexToBytes(xo.proof),
    };
  });
  const pkg: Package = {
    network: str('network', /^[a-z0-9]{1,16}$/) as NetworkName,
    genesis: str('genesis', /^[0-9a-f]{64}i(?:0|[1-9][0-9]{0,9})$/),
    month,
    actuary: str('actuary', HEX32),
    newRoot: str('new_root', HEX32),
    tableSha256: str('table_sha256', HEX32),
    F: dec(bo.F, 'package.batches.F'),
    W: dec(bo.W, 'package.batches.W'),
    R: dec(bo.R, 'package.batches.R'),
    batches,
    sig: str('sig', /^[0-9a-f]{128}$/),
  };
  const { sig: _sig, ...unsigned } = o;
  void _sig;
  const key = parseXOnlyKey(pkg.actuary, 'package actuary');
  if (!isValidSchnorr(hexToBytes(pkg.sig), packageDigest(unsigned), key)) {
    throw new VerifyError('REVEAL_PACKAGE_SIGNATURE', 'the package\'s inner signature does not verify under its actuary key', { actuary: pkg.actuary });
  }
  return pkg;
}

/** Producer side (tests): the canonical bytes of a signed package. */
export function buildPackage(p: Omit<Package, 'sig'>, secretKey: Uint8Array): Uint8Array {
  const hex32 = (x: bigint) => x.toString(16).padStart(64, '0');
  const unsigned: Record<string, JsonValue> = {
    actuary: p.actuary,
    batches: {
      F: p.F.toString(), W: p.W.toString(), R: p.R.toString(),
      proofs: p.batches.map((b) => ({ new_root: hex32(b.newRoot), partial_f: b.partialF.toString(), partial_w: b.partialW.toString(), partial_s: b.partialS.toString(), proof: bytesToHex(b.proof) })),
    },
    genesis: p.genesis, month: p.month, network: p.network, new_root: p.newRoot, table_sha256: p.tableSha256,
  };
  const sig = signSchnorr(packageDigest(unsigned), secretKey);
  return canonicalBytes({ ...unsigned, sig: bytesToHex(sig) });
}
