/**
 * Month outpoints (docs/protocol.md §2.4): the genesis transaction's outputs 1..`params.months` pay the FROST group
 * key (`OP_1 <group_key>`, a P2TR output only the group can spend, by the key path), and month m's final is the
 * transaction that spends output m. Bitcoin's rule against double spends makes that transaction unique, and only the
 * group can make it, so a month's final is found by one lookup no third party can spam.
 */
import { bytesToHex, equalBytes, hexToBytes } from '../bytes';
import type { ParsedTx } from '../chain/tx';
import { VerifyError } from '../errors';

/** The P2TR dust limit: a month output holds at least this much, so that it is relayed and can be spent. */
export const MONTH_OUTPUT_MIN_SATS = 330n;

/** `OP_1 <32-byte key>`: the P2TR output whose output key is the group key itself. */
export function monthOutputScript(groupKey: string): Uint8Array {
  return Uint8Array.from([0x51, 0x20, ...hexToBytes(groupKey)]);
}

/**
 * The genesis transaction carries the month outpoints: outputs 1..months each `OP_1 <group_key>` holding at least the
 * dust limit (GENESIS_MONTH_OUTPUTS otherwise: the founders' fault, every month of the instance is rejected).
 */
export function verifyMonthOutputs(genesisTx: ParsedTx, groupKey: string, months: number): void {
  const want = monthOutputScript(groupKey);
  for (let m = 1; m <= months; m++) {
    const out = genesisTx.outputs[m];
    if (!out || !equalBytes(out.script, want) || out.amount < MONTH_OUTPUT_MIN_SATS) {
      throw new VerifyError('GENESIS_MONTH_OUTPUTS', `the genesis transaction's output ${m} is ${out ? `${out.amount} sats to ${bytesToHex(out.script)}` : 'missing'}, not month ${m}'s outpoint (at least ${MONTH_OUTPUT_MIN_SATS} sats to OP_1 <group key>)`, {
        output: m, months, script: out ? bytesToHex(out.script) : null, sats: out ? Number(out.amount) : null,
      });
    }
  }
}

/** The input of `tx` that spends month m's outpoint, if any. */
export function monthOutpointInput(tx: ParsedTx, genesisTxid: string, month: number): number | undefined {
  const i = tx.inputs.findIndex((x) => x.txid === genesisTxid && x.vout === month);
  return i >= 0 ? i : undefined;
}

/** Whether `tx` spends any month outpoint (an output 1.. of the genesis transaction): only the group can make it. */
export function spendsMonthOutpoint(tx: ParsedTx, genesisTxid: string): boolean {
  return tx.inputs.some((i) => i.txid === genesisTxid && i.vout >= 1);
}
