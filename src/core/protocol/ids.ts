/** Protocol identifiers: inscription ids (`<txid>i<index>`) and their 36-byte binary form (networks: chain/network.ts). */
import { concatBytes, fromDisplayHex } from '../bytes';
import { VerifyError, type VerifyCode } from '../errors';

export interface InscriptionId {
  /** Reveal txid in display (RPC) hex. */
  txid: string;
  index: number;
}

const ID_RE = /^([0-9a-f]{64})i(0|[1-9][0-9]{0,9})$/;

/** Parse `<64 lowercase hex>i<index>` (index without leading zeros, < 2^32). */
export function parseInscriptionId(value: unknown, code: VerifyCode = 'MESSAGE_MALFORMED', what = 'inscription id'): InscriptionId {
  const m = typeof value === 'string' ? ID_RE.exec(value) : null;
  const index = m ? Number(m[2]) : NaN;
  if (!m || index > 0xffffffff) {
    throw new VerifyError(code, `${what} must look like <64 lowercase hex>i<index>`, { value: String(value).slice(0, 100) });
  }
  return { txid: m[1]!, index };
}

/** 36 bytes: txid in internal byte order ‖ index u32 little-endian (an outpoint's encoding). */
export function inscriptionIdBytes(id: InscriptionId): Uint8Array {
  const idx = new Uint8Array(4);
  new DataView(idx.buffer).setUint32(0, id.index, true);
  return concatBytes(fromDisplayHex(id.txid, 'MESSAGE_MALFORMED', 'txid'), idx);
}

export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`u32be: ${n} out of range`);
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, false);
  return b;
}
