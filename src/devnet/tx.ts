/** Transaction parsing for the devnet chain with @scure/btc-signer (permissive options: any real tx parses). */
import { Transaction } from '@scure/btc-signer';
import { bytesToHex, equalBytes, sha256d, toDisplayHex } from '../core/bytes';

export interface DevTxIn {
  /** Previous txid, display hex. */
  txid: string;
  vout: number;
  scriptSig: Uint8Array;
  witness: Uint8Array[];
  sequence: number;
}

export interface DevTxOut {
  script: Uint8Array;
  value: bigint;
}

export interface DevTx {
  txid: string;
  wtxid: string;
  raw: Uint8Array;
  version: number;
  locktime: number;
  inputs: DevTxIn[];
  outputs: DevTxOut[];
  size: number;
  weight: number;
  hasWitness: boolean;
  isCoinbase: boolean;
}

export const PERMISSIVE = {
  allowUnknownOutputs: true,
  allowUnknownInputs: true,
  allowUnknownVersion: true,
  disableScriptCheck: true,
} as const;

const COINBASE_PREV = '0'.repeat(64);

/** Parse a raw transaction; throws (any error) when scure cannot decode it or it does not re-encode byte for byte. */
export function parseDevTx(raw: Uint8Array): DevTx {
  const tx = Transaction.fromRaw(raw, PERMISSIVE);
  const full = tx.toBytes(true, true);
  if (!equalBytes(full, raw)) throw new Error('non-canonical transaction encoding');
  const stripped = tx.toBytes(true, false);
  const inputs: DevTxIn[] = [];
  for (let i = 0; i < tx.inputsLength; i++) {
    const inp = tx.getInput(i);
    inputs.push({
      txid: bytesToHex(inp.txid ?? new Uint8Array(32)),
      vout: inp.index ?? 0,
      scriptSig: inp.finalScriptSig ?? new Uint8Array(0),
      witness: inp.finalScriptWitness ?? [],
      sequence: inp.sequence ?? 0xffffffff,
    });
  }
  const outputs: DevTxOut[] = [];
  for (let i = 0; i < tx.outputsLength; i++) {
    const out = tx.getOutput(i);
    outputs.push({ script: out.script ?? new Uint8Array(0), value: out.amount ?? 0n });
  }
  const first = inputs[0];
  return {
    txid: toDisplayHex(sha256d(stripped)),
    wtxid: toDisplayHex(sha256d(raw)),
    raw,
    version: tx.version,
    locktime: tx.lockTime,
    inputs,
    outputs,
    size: raw.length,
    weight: stripped.length * 3 + raw.length,
    hasWitness: raw.length !== stripped.length,
    isCoinbase: inputs.length === 1 && first !== undefined && first.txid === COINBASE_PREV && first.vout === 0xffffffff,
  };
}

/** The key of an outpoint in the chain's and the mempool's indexes. */
export const outpointKey = (txid: string, vout: number): string => `${txid}:${vout}`;
