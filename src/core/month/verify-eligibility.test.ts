import { describe, expect, it } from 'vitest';
import { parseTx } from '../chain/tx';
import { Transaction } from '@scure/btc-signer';
import { PARAMS, inscription, key } from './test-records.test-util';
import { verifyEligibility } from './verify-eligibility';
import type { MessageRecord, StakeSource } from './records';

/** A real transaction paying `sats` to a P2TR output (script OP_1 <32 bytes>). */
function stakeTx(sats: bigint, p2tr = true) {
  const tx = new Transaction({ allowUnknownOutputs: true });
  tx.addInput({ txid: new Uint8Array(32).fill(1), index: 0 });
  tx.addOutput({ script: p2tr ? new Uint8Array([0x51, 0x20, ...new Uint8Array(32).fill(2)]) : new Uint8Array([0x00, 0x14, ...new Uint8Array(20).fill(3)]), amount: sats });
  tx.updateInput(0, { finalScriptSig: new Uint8Array([0x51]) }, true);
  return parseTx(tx.toBytes(true, true));
}

function register(signer: string, height: number, txid: string): MessageRecord<'register'> {
  return { inscription: inscription(height), type: 'register', signer, payload: { network: 'regtest', genesis: `${'11'.repeat(32)}i0`, signer, stake: { txid, vout: 0 } }, message: undefined as never };
}

function run(stake: StakeSource, regHeight = 900) {
  const { eligibility } = verifyEligibility([register(key(1), regHeight, stake.txid)], { [`${stake.txid}:0`]: stake }, 1000, PARAMS.min_stake);
  return eligibility.eligible.length ? 'OK' : eligibility.ineligible.get(key(1))!.code;
}

const spent = (h: number): NonNullable<StakeSource['outspends']> => ({ host: { spent: true, txid: 'ee'.repeat(32), vin: 0, status: { confirmed: true, block_height: h, block_hash: 'ff'.repeat(32), block_time: 0 } } });

describe('when the stake is spent in the anchor block', () => {
  it('the actuary is not eligible (STAKE_SPENT); spent one block later it is', () => {
    const tx = stakeTx(2_000_000n);
    expect(run({ txid: tx.txid, vout: 0, tx, outspends: spent(1000) })).toBe('STAKE_SPENT');
    expect(run({ txid: tx.txid, vout: 0, tx, outspends: spent(1001) })).toBe('OK');
  });
});

describe('when the stake is below the minimum or not P2TR, or registered at the anchor', () => {
  it('gives STAKE_TOO_LOW, STAKE_NOT_P2TR and STAKE_REGISTERED_LATE', () => {
    const low = stakeTx(999_999n);
    expect(run({ txid: low.txid, vout: 0, tx: low, outspends: { host: { spent: false } } })).toBe('STAKE_TOO_LOW');
    const wpkh = stakeTx(2_000_000n, false);
    expect(run({ txid: wpkh.txid, vout: 0, tx: wpkh, outspends: { host: { spent: false } } })).toBe('STAKE_NOT_P2TR');
    const ok = stakeTx(2_000_000n);
    expect(run({ txid: ok.txid, vout: 0, tx: ok, outspends: { host: { spent: false } } }, 1000)).toBe('STAKE_REGISTERED_LATE');
  });
});
