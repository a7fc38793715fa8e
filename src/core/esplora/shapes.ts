/** Checked shapes of Esplora JSON/text answers (electrs `rest.rs`): every field the verifier reads is type-checked. */
import { utf8 } from '../bytes';
import { VerifyError } from '../errors';

export interface TxStatus {
  confirmed: boolean;
  block_height?: number;
  block_hash?: string;
  block_time?: number;
}

export type Outspend = { spent: false } | { spent: true; txid: string; vin: number; status: TxStatus };

export interface Utxo {
  txid: string;
  vout: number;
  value: number;
  status: TxStatus;
}

/** Tx JSON as listed in address history; only these fields are checked, the rest is passed through untrusted. */
export interface AddressTx {
  txid: string;
  status: TxStatus;
  [field: string]: unknown;
}

export interface BlockJson {
  id: string;
  height: number;
  tx_count: number;
  merkle_root: string;
  previousblockhash: string | null;
  [field: string]: unknown;
}

const HASH_RE = /^[0-9a-f]{64}$/;

export function badBody(what: string, value?: unknown): never {
  const shown = typeof value === 'string' ? value.slice(0, 120) : value === undefined ? undefined : JSON.stringify(value)?.slice(0, 120);
  throw new VerifyError('FETCH_BAD_BODY', `unexpected answer: ${what}`, shown === undefined ? {} : { body: shown });
}

/** A text answer (strict UTF-8, surrounding whitespace dropped). */
export function textFromBody(body: Uint8Array): string {
  const s = utf8.decodeStrict(body);
  if (s === undefined) return badBody('not UTF-8 text');
  return s.trim();
}

export function jsonFromBody(body: Uint8Array): unknown {
  const s = textFromBody(body);
  try {
    return JSON.parse(s);
  } catch {
    return badBody('not JSON (truncated or not an Esplora answer)', s);
  }
}

export function hashFromText(body: Uint8Array): string {
  const s = textFromBody(body);
  if (!HASH_RE.test(s)) badBody('not a 64-hex hash', s);
  return s;
}

export function heightFromText(body: Uint8Array): number {
  const s = textFromBody(body);
  if (!/^\d{1,10}$/.test(s) || Number(s) > 0x7fffffff) badBody('not a block height', s);
  return Number(s);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isU32 = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;
const isHash = (v: unknown): v is string => typeof v === 'string' && HASH_RE.test(v);

export function txStatusFromJson(v: unknown): TxStatus {
  if (!isObj(v) || typeof v.confirmed !== 'boolean') return badBody('tx status', v);
  if (!v.confirmed) return { confirmed: false };
  if (!isU32(v.block_height) || !isHash(v.block_hash) || !isU32(v.block_time)) return badBody('confirmed tx status without height/hash/time', v);
  return { confirmed: true, block_height: v.block_height, block_hash: v.block_hash, block_time: v.block_time };
}

export function outspendFromJson(v: unknown): Outspend {
  if (!isObj(v) || typeof v.spent !== 'boolean') return badBody('outspend', v);
  if (!v.spent) return { spent: false };
  if (!isHash(v.txid) || !isU32(v.vin)) return badBody('spent outspend without txid/vin', v);
  return { spent: true, txid: v.txid, vin: v.vin, status: txStatusFromJson(v.status) };
}

/** `/tx/:txid/outspends`: one entry per output, in output order. */
export function outspendsFromJson(v: unknown): Outspend[] {
  if (!Array.isArray(v)) return badBody('outspends list', v);
  return v.map(outspendFromJson);
}

export function utxosFromJson(v: unknown): Utxo[] {
  if (!Array.isArray(v)) return badBody('utxo list', v);
  return v.map((u) => {
    if (!isObj(u) || !isHash(u.txid) || !isU32(u.vout) || !Number.isSafeInteger(u.value) || (u.value as number) < 0) return badBody('utxo', u);
    return { txid: u.txid, vout: u.vout, value: u.value as number, status: txStatusFromJson(u.status) };
  });
}

export function addressTxsFromJson(v: unknown): AddressTx[] {
  if (!Array.isArray(v)) return badBody('address history page', v);
  return v.map((t) => {
    if (!isObj(t) || !isHash(t.txid)) return badBody('tx in address history', t);
    return { ...t, txid: t.txid, status: txStatusFromJson(t.status) };
  });
}

export function blockFromJson(v: unknown): BlockJson {
  if (!isObj(v) || !isHash(v.id) || !isU32(v.height) || !isU32(v.tx_count) || !isHash(v.merkle_root)) return badBody('block', v);
  if (v.previousblockhash !== null && !isHash(v.previousblockhash)) return badBody('block previousblockhash', v);
  return { ...v, id: v.id, height: v.height, tx_count: v.tx_count, merkle_root: v.merkle_root, previousblockhash: v.previousblockhash };
}

export function txidsFromJson(v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every(isHash)) return badBody('txid list', v);
  return v;
}

export function feeEstimatesFromJson(v: unknown): Record<string, number> {
  if (!isObj(v)) return badBody('fee estimates', v);
  for (const [k, rate] of Object.entries(v)) {
    if (!/^\d+$/.test(k) || typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) badBody('fee estimate entry', { [k]: rate });
  }
  return v as Record<string, number>;
}
