import { describe, expect, it } from 'vitest';
import { Transaction } from '@scure/btc-signer';
import { parseTx } from '../../chain/tx';
import type { MessageRecord, StakeSource } from '../records';
import { notEligible, verifyEligibility, type EligibilityInput } from './eligibility';
import { PARAMS, inscription, key } from './test-records.test-util';

/** A real transaction paying `sats` to a P2TR output (script OP_1 <32 bytes>). */
function stakeTx(sats: bigint, p2tr = true) {
  const tx = new Transaction({ allowUnknownOutputs: true });
  tx.addInput({ txid: new Uint8Array(32).fill(1), index: 0 });
  tx.addOutput({ script: p2tr ? new Uint8Array([0x51, 0x20, ...new Uint8Array(32).fill(2)]) : new Uint8Array([0x00, 0x14, ...new Uint8Array(20).fill(3)]), amount: sats });
  tx.updateInput(0, { finalScriptSig: new Uint8Array([0x51]) }, true);
  return parseTx(tx.toBytes(true, true));
}

function register(signer: string, height: number, txid: string, keylink?: { old_key: string; sig: string }): MessageRecord<'register'> {
  return { inscription: inscription(height), type: 'register', signer, payload: { network: 'regtest', genesis: `${'11'.repeat(32)}i0`, signer, stake: { txid, vout: 0 }, ...(keylink ? { keylink } : {}) }, message: undefined as never };
}

const input = (registers: MessageRecord<'register'>[], stakes: Record<string, StakeSource>, extra: Partial<EligibilityInput> = {}): EligibilityInput => ({
  depth: 'full', registers, stakes, anchor: 1000, tipHeight: 1100, minStake: PARAMS.min_stake, ...extra,
});

function run(stake: StakeSource, regHeight = 900) {
  const eligibility = verifyEligibility(input([register(key(1), regHeight, stake.txid)], { [`${stake.txid}:0`]: stake })).value;
  return eligibility?.eligible.length ? 'OK' : eligibility?.ineligible.get(key(1))?.code;
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

describe('when the hosts could not say whether the stake is there or spent', () => {
  it('the month is unavailable, not the actuary ineligible: a failed check with the fetch code', () => {
    const tx = stakeTx(2_000_000n);
    const r = verifyEligibility(input([register(key(1), 900, tx.txid)], { [`${tx.txid}:0`]: { txid: tx.txid, vout: 0, error: { code: 'FETCH_ALL_HOSTS_FAILED', message: 'down' } } }));
    expect(r.checks).toMatchObject([{ ok: false, code: 'FETCH_ALL_HOSTS_FAILED' }]);
    expect(r.value?.ineligible.size).toBe(0);
  });
});

describe('when the stake outpoint could not be fetched or has no such output', () => {
  it('the actuary is not eligible (STAKE_MISSING)', () => {
    const tx = stakeTx(2_000_000n);
    expect(run({ txid: tx.txid, vout: 0, error: { code: 'FETCH_NOT_FOUND', message: 'gone' } })).toBe('STAKE_MISSING');
    expect(run({ txid: tx.txid, vout: 0, tx: { ...tx, outputs: [] }, outspends: { host: { spent: false } } })).toBe('STAKE_MISSING');
  });
});

describe('when a register names an old key that never registered before it', () => {
  it('the new key is not eligible (MESSAGE_BAD_KEYLINK); a link to an earlier register is followed', () => {
    const tx = stakeTx(2_000_000n);
    const stakes = { [`${tx.txid}:0`]: { txid: tx.txid, vout: 0, tx, outspends: { host: { spent: false as const } } } };
    const bad = verifyEligibility(input([register(key(2), 900, tx.txid, { old_key: key(1), sig: '' })], stakes)).value;
    expect(bad?.ineligible.get(key(2))?.code).toBe('MESSAGE_BAD_KEYLINK');
    const good = verifyEligibility(input([register(key(1), 800, tx.txid), register(key(2), 900, tx.txid, { old_key: key(1), sig: '' })], stakes)).value;
    expect(good?.eligible.find((a) => a.key === key(2))?.linkedFrom).toEqual([key(1)]);
  });
});

describe('when an ineligible or unknown key takes part', () => {
  it('notEligible carries the reason it was refused, or MESSAGE_NOT_ACTUARY', () => {
    const tx = stakeTx(999_999n);
    const e = verifyEligibility(input([register(key(1), 900, tx.txid)], { [`${tx.txid}:0`]: { txid: tx.txid, vout: 0, tx, outspends: {} } })).value;
    expect(e && notEligible(e, key(1), 'the lead').code).toBe('STAKE_TOO_LOW');
    expect(e && notEligible(e, key(7), 'the lead').code).toBe('MESSAGE_NOT_ACTUARY');
  });
});

describe('when the month is checked at quick depth, or its anchor is above the tip', () => {
  it('quick depth checks nothing; an anchor above the tip leaves the month pending', () => {
    expect(verifyEligibility(input([], {}, { depth: 'quick' }))).toEqual({ checks: [] });
    expect(verifyEligibility(input([], {}, { tipHeight: 999 }))).toEqual({ checks: [], pending: 'the month\'s anchor height 1000 is above the tip 999' });
  });
});
