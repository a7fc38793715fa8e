/**
 * Raw transaction bytes rebuilt from Esplora transaction JSON (electrs `TransactionValue`), in the Bitcoin
 * serialization (BIP144 with marker and flag when any input has a witness). The result is untrusted until it is
 * parsed and hashed to the txid it is meant to have; a field that is missing or malformed gives `undefined`.
 */
import { concatBytes, hexToBytes, reverse } from '../bytes';
import { parseTx, type ParsedTx } from '../chain/tx';
import { VerifyError } from '../errors';

/** Most satoshis that can ever exist (21 million BTC). */
export const MAX_SATS = 2_100_000_000_000_000;

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;
const HASH_RE = /^[0-9a-fA-F]{64}$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isU32 = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;
/** The version is printed as u32 by electrs and as i32 by some builds: both name the same four bytes. */
const isVersion = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= -0x80000000 && (v as number) <= 0xffffffff;

class Malformed extends Error {}

function fail(): never {
  throw new Malformed();
}

function hexBytes(v: unknown): Uint8Array {
  if (typeof v !== 'string' || !HEX_RE.test(v)) fail();
  return hexToBytes(v);
}

function u32le(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

function u64le(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
}

/** Bitcoin CompactSize; lengths here are bounded by a JSON string, so the 0xff form is never needed. */
function compactSize(n: number): Uint8Array {
  if (n < 0xfd) return Uint8Array.of(n);
  if (n <= 0xffff) return Uint8Array.of(0xfd, n & 0xff, n >>> 8);
  if (n <= 0xffffffff) return concatBytes(Uint8Array.of(0xfe), u32le(n));
  return fail();
}

const withLength = (b: Uint8Array): Uint8Array => concatBytes(compactSize(b.length), b);

function list<T>(v: unknown, each: (item: unknown) => T): T[] {
  if (!Array.isArray(v)) fail();
  return v.map(each);
}

interface Input {
  bytes: Uint8Array;
  witness: Uint8Array[];
}

function inputFromJson(v: unknown): Input {
  if (!isObj(v) || typeof v.txid !== 'string' || !HASH_RE.test(v.txid) || !isU32(v.vout) || !isU32(v.sequence)) fail();
  const witness = v.witness === undefined ? [] : list(v.witness, hexBytes);
  const bytes = concatBytes(reverse(hexBytes(v.txid)), u32le(v.vout), withLength(hexBytes(v.scriptsig)), u32le(v.sequence));
  return { bytes, witness };
}

function outputFromJson(v: unknown): Uint8Array {
  if (!isObj(v)) fail();
  const value = v.value;
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > MAX_SATS) fail();
  return concatBytes(u64le(value as number), withLength(hexBytes(v.scriptpubkey)));
}

/**
 * The serialization of an Esplora transaction JSON value: version, [marker 0x00, flag 0x01,] inputs, outputs,
 * [witnesses,] locktime. An input without `witness` (electrs omits it when empty) has an empty witness; the marker
 * is written only when some input's witness is not empty, as BIP144 requires.
 */
export function rawTxFromJson(json: unknown): Uint8Array | undefined {
  try {
    if (!isObj(json) || !isVersion(json.version) || !isU32(json.locktime)) return undefined;
    const inputs = list(json.vin, inputFromJson);
    const outputs = list(json.vout, outputFromJson);
    const segwit = inputs.some((i) => i.witness.length > 0);
    return concatBytes(
      u32le(json.version >>> 0),
      ...(segwit ? [Uint8Array.of(0x00, 0x01)] : []),
      compactSize(inputs.length),
      ...inputs.map((i) => i.bytes),
      compactSize(outputs.length),
      ...outputs,
      ...(segwit ? inputs.map((i) => concatBytes(compactSize(i.witness.length), ...i.witness.map(withLength))) : []),
      u32le(json.locktime),
    );
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
}

/**
 * The transaction an Esplora JSON value describes, if its rebuilt bytes parse and hash to `txid` (display hex);
 * `undefined` otherwise. Only the non-witness part is bound by the txid: the witness is as untrusted as the witness
 * of a `/tx/:txid/raw` answer, and is authenticated (where it matters) by the spent output it satisfies.
 */
export function txFromJson(json: unknown, txid: string): ParsedTx | undefined {
  const bytes = rawTxFromJson(json);
  if (bytes === undefined) return undefined;
  try {
    const tx = parseTx(bytes);
    return tx.txid === txid.toLowerCase() ? tx : undefined;
  } catch (e) {
    if (e instanceof VerifyError) return undefined;
    throw e;
  }
}
