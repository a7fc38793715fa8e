/** Raw Bitcoin transactions (BIP144 serialization): strict parsing, txid and wtxid, inputs and outputs. */
import { parseHex, sha256d, toDisplayHex } from '../bytes';
import { VerifyError } from '../errors';
import { parseRawTx, type RawTx } from '../inscription/raw-tx';

export interface TxInput {
  /** Previous txid, display hex. */
  txid: string;
  vout: number;
  sequence: number;
  scriptSig: Uint8Array;
  /** Witness stack items (empty when the input has none). */
  witness: Uint8Array[];
}

export interface TxOutput {
  script: Uint8Array;
  /** Satoshis. */
  amount: bigint;
}

export interface ParsedTx {
  /** The serialization as received (with witness when present). */
  bytes: Uint8Array;
  /** sha256d of the non-witness serialization, display hex. */
  txid: string;
  /** sha256d of the full serialization, display hex (equals txid without witness). */
  wtxid: string;
  version: number;
  locktime: number;
  inputs: TxInput[];
  outputs: TxOutput[];
  hasWitness: boolean;
  /** Bytes of the non-witness serialization. */
  strippedSize: number;
  weight: number;
}

/**
 * Parse an untrusted raw transaction. The bytes must be the canonical serialization (minimal CompactSize integers,
 * no empty witness section, no trailing data: inscription/raw-tx.ts reads them as rust-bitcoin does), and a 64-byte transaction is refused: its txid could
 * pose as an inner Merkle node (CVE-2017-12842).
 */
export function parseTx(input: Uint8Array | string): ParsedTx {
  const bytes = typeof input === 'string' ? parseHex(input, 'CHAIN_TX_MALFORMED', 'transaction') : input;
  let raw: RawTx;
  try {
    raw = parseRawTx(bytes);
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    throw new VerifyError('CHAIN_TX_MALFORMED', `transaction does not parse: ${e.message}`, { ...e.evidence, reason: e.code });
  }
  if (raw.strippedSize === 64) {
    throw new VerifyError('CHAIN_TX_64_BYTES', 'a 64-byte transaction is refused: it could pose as an inner Merkle node', { txid: raw.txid });
  }
  if (raw.inputs.length === 0 || raw.outputs.length === 0) {
    throw new VerifyError('CHAIN_TX_MALFORMED', 'transaction has no inputs or no outputs', { inputs: raw.inputs.length, outputs: raw.outputs.length });
  }
  let wtxid: string | undefined;
  return {
    bytes,
    txid: raw.txid,
    // Hashed when first read: most transactions are only ever asked for their txid.
    get wtxid(): string {
      wtxid ??= raw.hasWitness ? toDisplayHex(sha256d(bytes)) : raw.txid;
      return wtxid;
    },
    version: raw.version,
    locktime: raw.lockTime,
    inputs: raw.inputs.map((x) => ({ txid: toDisplayHex(x.prevTxid), vout: x.prevVout, sequence: x.sequence, scriptSig: x.scriptSig, witness: x.witness })),
    outputs: raw.outputs.map((x) => ({ script: x.script, amount: x.value })),
    hasWitness: raw.hasWitness,
    strippedSize: raw.strippedSize,
    weight: raw.strippedSize * 3 + bytes.length,
  };
}

/** Parse and require the transaction to hash to `txid` (display hex): a server cannot serve other bytes under it. */
export function parseTxWithId(input: Uint8Array | string, txid: string, evidence: Record<string, unknown> = {}): ParsedTx {
  const tx = parseTx(input);
  if (tx.txid !== txid.toLowerCase()) {
    throw new VerifyError('CHAIN_TXID_MISMATCH', 'transaction bytes do not hash to the requested txid', { ...evidence, requested: txid, computed: tx.txid });
  }
  return tx;
}
