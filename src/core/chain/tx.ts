/** Raw Bitcoin transactions (BIP144 serialization): strict parsing, txid and wtxid, inputs and outputs. */
import { Transaction } from '@scure/btc-signer';
import { bytesToHex, equalBytes, parseHex, sha256d, toDisplayHex } from '../bytes';
import { VerifyError, asVerifyError } from '../errors';

/** Options that let scure parse every real transaction (it rejects some mainnet ones by default). */
export const PERMISSIVE_TX_OPTIONS = {
  allowUnknownOutputs: true,
  allowUnknownInputs: true,
  allowUnknownVersion: true,
  disableScriptCheck: true,
} as const;

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
 * Parse an untrusted raw transaction. The bytes must re-serialize exactly (no trailing data, canonical encoding,
 * no empty witness section), and a 64-byte transaction is refused: its txid could pose as an inner Merkle node
 * (CVE-2017-12842).
 */
export function parseTx(input: Uint8Array | string): ParsedTx {
  const bytes = typeof input === 'string' ? parseHex(input, 'CHAIN_TX_MALFORMED', 'transaction') : input;
  let tx: Transaction;
  try {
    tx = Transaction.fromRaw(bytes, PERMISSIVE_TX_OPTIONS);
  } catch (e) {
    throw asVerifyError(e, 'CHAIN_TX_MALFORMED', 'transaction does not parse', { length: bytes.length });
  }
  const full = tx.toBytes(true, true);
  if (!equalBytes(full, bytes)) {
    throw new VerifyError('CHAIN_TX_MALFORMED', 'transaction bytes are not in canonical serialization', { length: bytes.length, canonicalLength: full.length });
  }
  const stripped = tx.toBytes(true, false);
  if (stripped.length === 64) {
    throw new VerifyError('CHAIN_TX_64_BYTES', 'a 64-byte transaction is refused: it could pose as an inner Merkle node', { txid: toDisplayHex(sha256d(stripped)) });
  }
  if (tx.inputsLength === 0 || tx.outputsLength === 0) {
    throw new VerifyError('CHAIN_TX_MALFORMED', 'transaction has no inputs or no outputs', { inputs: tx.inputsLength, outputs: tx.outputsLength });
  }
  const inputs: TxInput[] = [];
  for (let i = 0; i < tx.inputsLength; i++) {
    const inp = tx.getInput(i);
    inputs.push({
      txid: bytesToHex(inp.txid!),
      vout: inp.index!,
      sequence: inp.sequence!,
      scriptSig: inp.finalScriptSig ?? new Uint8Array(0),
      witness: inp.finalScriptWitness ?? [],
    });
  }
  const outputs: TxOutput[] = [];
  for (let i = 0; i < tx.outputsLength; i++) {
    const out = tx.getOutput(i);
    outputs.push({ script: out.script!, amount: out.amount! });
  }
  const hasWitness = full.length !== stripped.length;
  return {
    bytes,
    txid: toDisplayHex(sha256d(stripped)),
    wtxid: toDisplayHex(sha256d(full)),
    version: tx.version,
    locktime: tx.lockTime,
    inputs,
    outputs,
    hasWitness,
    strippedSize: stripped.length,
    weight: stripped.length * 3 + full.length,
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
