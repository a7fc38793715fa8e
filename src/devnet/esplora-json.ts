/** Esplora JSON values (electrs `rest.rs`: BlockValue, TransactionValue, TxInValue, TxOutValue, statuses), in field order. */
import { bytesToHex } from '../core/bytes';
import type { BlockEntry, Chain, Spend } from './chain';
import { difficulty } from './header';
import { scriptAsm } from './script-asm';
import { scriptAddress, scriptType } from './script-type';
import type { DevTx, DevTxOut } from './tx';

export function blockJson(b: BlockEntry): Record<string, unknown> {
  return {
    id: b.hash,
    height: b.height,
    version: b.header.version >>> 0,
    timestamp: b.header.time,
    tx_count: b.txids.length,
    size: b.size,
    weight: b.weight,
    merkle_root: bytesToHex(Uint8Array.from(b.header.merkleRoot).reverse()),
    previousblockhash: b.height === 0 ? null : bytesToHex(Uint8Array.from(b.header.prevHash).reverse()),
    mediantime: b.mediantime,
    nonce: b.header.nonce,
    bits: b.header.bits,
    difficulty: difficulty(b.header.bits),
  };
}

export type TxStatus =
  | { confirmed: false }
  | { confirmed: true; block_height: number; block_hash: string; block_time: number };

export function statusJson(block: BlockEntry | undefined): TxStatus {
  return block
    ? { confirmed: true, block_height: block.height, block_hash: block.hash, block_time: block.header.time }
    : { confirmed: false };
}

export function txOutJson(o: DevTxOut): Record<string, unknown> {
  const address = scriptAddress(o.script);
  return {
    scriptpubkey: bytesToHex(o.script),
    scriptpubkey_asm: scriptAsm(o.script),
    scriptpubkey_type: scriptType(o.script),
    ...(address !== undefined ? { scriptpubkey_address: address } : {}),
    value: Number(o.value),
  };
}

/** Data of the last push of a script, if its last operation is a push (rust-bitcoin `Instruction::PushBytes`). */
function lastPush(script: Uint8Array): Uint8Array | undefined {
  let i = 0;
  let last: Uint8Array | undefined;
  while (i < script.length) {
    const op = script[i++]!;
    let len = -1;
    if (op === 0) len = 0;
    else if (op <= 0x4b) len = op;
    else if (op <= 0x4e) {
      const w = op === 0x4c ? 1 : op === 0x4d ? 2 : 4;
      if (i + w > script.length) return undefined;
      len = 0;
      for (let k = w - 1; k >= 0; k--) len = len * 256 + script[i + k]!;
      i += w;
    }
    if (len < 0) {
      last = undefined;
      continue;
    }
    if (i + len > script.length) return undefined;
    last = script.subarray(i, i + len);
    i += len;
  }
  return last;
}

/** Redeem script (P2SH) and witness script (P2WSH, P2SH-P2WSH, or a P2TR script-path tapscript). */
function innerScripts(inWitness: Uint8Array[], scriptSig: Uint8Array, prevout: DevTxOut): Record<string, string> {
  const out: Record<string, string> = {};
  const type = scriptType(prevout.script);
  const redeem = type === 'p2sh' ? lastPush(scriptSig) : undefined;
  if (redeem) out.inner_redeemscript_asm = scriptAsm(redeem);
  const redeemIsWsh = redeem !== undefined && redeem.length === 34 && redeem[0] === 0 && redeem[1] === 0x20;
  if ((type === 'v0_p2wsh' || redeemIsWsh) && inWitness.length > 0) {
    out.inner_witnessscript_asm = scriptAsm(inWitness[inWitness.length - 1]!);
  } else if (type === 'v1_p2tr') {
    const items = inWitness.length >= 2 && inWitness[inWitness.length - 1]![0] === 0x50 ? inWitness.slice(0, -1) : inWitness;
    if (items.length >= 2) out.inner_witnessscript_asm = scriptAsm(items[items.length - 2]!);
  }
  return out;
}

export function txJson(chain: Chain, tx: DevTx, block: BlockEntry | undefined): Record<string, unknown> {
  let inSum = 0n;
  const vin = tx.inputs.map((inp) => {
    const prev = tx.isCoinbase ? undefined : chain.lookupTx(inp.txid)?.tx.outputs[inp.vout];
    if (prev) inSum += prev.value;
    return {
      txid: inp.txid,
      vout: inp.vout,
      prevout: prev ? txOutJson(prev) : null,
      scriptsig: bytesToHex(inp.scriptSig),
      scriptsig_asm: scriptAsm(inp.scriptSig),
      ...(inp.witness.length > 0 ? { witness: inp.witness.map((w) => bytesToHex(w)) } : {}),
      is_coinbase: tx.isCoinbase,
      sequence: inp.sequence >>> 0,
      ...(prev ? innerScripts(inp.witness, inp.scriptSig, prev) : {}),
    };
  });
  const outSum = tx.outputs.reduce((a, o) => a + o.value, 0n);
  return {
    txid: tx.txid,
    version: tx.version >>> 0,
    locktime: tx.locktime >>> 0,
    vin,
    vout: tx.outputs.map(txOutJson),
    size: tx.size,
    weight: tx.weight,
    fee: tx.isCoinbase ? 0 : Number(inSum - outSum),
    status: statusJson(block),
  };
}

export function spendJson(chain: Chain, spend: Spend | undefined): Record<string, unknown> {
  if (!spend) return { spent: false };
  return { spent: true, txid: spend.txid, vin: spend.vin, status: statusJson(chain.lookupTx(spend.txid)?.block) };
}
