/** Coinbase transactions: the regtest genesis coinbase and BIP34 coinbases with an optional BIP141 commitment. */
import { Transaction } from '@scure/btc-signer';
import { concatBytes, hexToBytes } from '../core/bytes';
import { scriptNum } from './encoding';
import { PERMISSIVE } from './tx';
import { WITNESS_COMMITMENT_PREFIX } from './block';

const GENESIS_SCRIPTSIG = hexToBytes(
  '04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73',
);
const GENESIS_OUTPUT_SCRIPT = hexToBytes(
  '4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac',
);

const NULL_TXID = new Uint8Array(32);

/** The coinbase shared by every Bitcoin genesis block ("The Times 03/Jan/2009 …", 50 BTC to a bare pubkey). */
export function genesisCoinbase(): Uint8Array {
  const tx = new Transaction({ ...PERMISSIVE, version: 1 });
  // Outputs first: scure refuses new outputs once an input carries a final scriptSig.
  tx.addOutput({ script: GENESIS_OUTPUT_SCRIPT, amount: 50n * 100_000_000n });
  tx.addInput({ txid: NULL_TXID, index: 0xffffffff, sequence: 0xffffffff, finalScriptSig: GENESIS_SCRIPTSIG });
  return tx.toBytes(true, true);
}

/** BIP34 height push as Core's miner writes it (`CScript() << nHeight << OP_0`: OP_1..OP_16 for small heights). */
export function bip34ScriptSig(height: number): Uint8Array {
  let push: Uint8Array;
  if (height === 0) push = Uint8Array.of(0x00);
  else if (height <= 16) push = Uint8Array.of(0x50 + height);
  else {
    const n = scriptNum(height);
    push = concatBytes(Uint8Array.of(n.length), n);
  }
  return concatBytes(push, Uint8Array.of(0x00));
}

export interface CoinbaseSpec {
  height: number;
  value: bigint;
  script: Uint8Array;
  /** sha256d(witness root ‖ reserved); when given, the commitment output is appended and the witness set. */
  commitment?: Uint8Array;
}

export const WITNESS_RESERVED_VALUE = new Uint8Array(32);

export function buildCoinbase(spec: CoinbaseSpec): Uint8Array {
  const tx = new Transaction({ ...PERMISSIVE, version: 2 });
  tx.addOutput({ script: spec.script, amount: spec.value });
  if (spec.commitment) {
    tx.addOutput({ script: concatBytes(WITNESS_COMMITMENT_PREFIX, spec.commitment), amount: 0n });
  }
  tx.addInput({
    txid: NULL_TXID,
    index: 0xffffffff,
    sequence: 0xffffffff,
    finalScriptSig: bip34ScriptSig(spec.height),
    ...(spec.commitment ? { finalScriptWitness: [WITNESS_RESERVED_VALUE] } : {}),
  });
  return tx.toBytes(true, true);
}
