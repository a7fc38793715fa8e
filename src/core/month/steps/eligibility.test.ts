import { describe, expect, it } from 'vitest';
import { Transaction } from '@scure/btc-signer';
import { bytesToHex } from '../../bytes';
import { parseTx } from '../../chain/tx';
import { publicKeyFromSecret } from '../../crypto/schnorr';
import { signStakeProof } from '../../protocol/stake-proof';
import type { MessageRecord, StakeSource } from '../records';
import { notEligible, verifyEligibility, type EligibilityInput } from './eligibility';
import { GENESIS_ID, PARAMS, inscription, key } from './test-records.test-util';

/** The stake output's secret key (the output key Q of OP_1 <Q>): whoever holds it controls the stake. */
const STAKE_SECRET = new Uint8Array(32).fill(5);
const Q = publicKeyFromSecret(STAKE_SECRET);

/** A real transaction paying `sats` to a P2TR output OP_1 <Q> (or a P2WPKH output). */
function stakeTx(sats: bigint, p2tr = true, fill = 1) {
  const tx = new Transaction({ allowUnknownOutputs: true });
  tx.addInput({ txid: new Uint8Array(32).fill(fill), index: 0 });
  tx.addOutput({ script: p2tr ? new Uint8Array([0x51, 0x20, ...Q]) : new Uint8Array([0x00, 0x14, ...new Uint8Array(20).fill(3)]), amount: sats });
  tx.updateInput(0, { finalScriptSig: new Uint8Array([0x51]) }, true);
  return parseTx(tx.toBytes(true, true));
}

/** A register of `signer` on outpoint txid:0, with a stake proof by `secret` (the stake's own key unless told). */
function register(signer: string, height: number, txid: string, o: { keylink?: { old_key: string; sig: string }; secret?: Uint8Array | null; position?: number } = {}): MessageRecord<'register'> {
  const sig = o.secret === null ? undefined : signStakeProof({ network: 'regtest', genesis: GENESIS_ID, actuary: signer, txid, vout: 0 }, o.secret ?? STAKE_SECRET);
  return {
    inscription: inscription(height, o.position), type: 'register', signer,
    payload: { network: 'regtest', genesis: GENESIS_ID, signer, stake: { txid, vout: 0, ...(sig ? { sig } : {}) }, ...(o.keylink ? { keylink: o.keylink } : {}) }, message: undefined as never,
  };
}

const input = (registers: MessageRecord<'register'>[], stakes: Record<string, StakeSource>, extra: Partial<EligibilityInput> = {}): EligibilityInput => ({
  depth: 'full', registers, stakes, anchor: 1000, tipHeight: 1100, minStake: PARAMS.min_stake, ...extra,
});

const unspent = (tx: ReturnType<typeof stakeTx>): StakeSource => ({ txid: tx.txid, vout: 0, tx, outspends: { host: { spent: false } } });

function run(stake: StakeSource, regHeight = 900, o: Parameters<typeof register>[3] = {}) {
  const eligibility = verifyEligibility(input([register(key(1), regHeight, stake.txid, o)], { [`${stake.txid}:0`]: stake })).value;
  return eligibility?.eligible.length ? 'OK' : eligibility?.ineligible.get(key(1))?.code;
}

const spent = (h: number): NonNullable<StakeSource['outspends']> => ({ host: { spent: true, txid: 'ee'.repeat(32), vin: 0, status: { confirmed: true, block_height: h, block_hash: 'ff'.repeat(32), block_time: 0 } } });

describe('when the stake is spent in the anchor block', () => {
  it('the actuary is not eligible (STAKE_SPENT); spent one block later it is', () => {
    const tx = stakeTx(2_000_000n);
    expect(run({ txid: tx.txid, vout: 0, tx, outspends: spent(1000) })).toBe('STAKE_SPENT');
    expect(run({ txid: tx.txid, vout: 0, tx, outspends: spent(1001) })).toBe('OK');
  });

  it('an unconfirmed spend counts as spent, and one host saying spent is enough', () => {
    const tx = stakeTx(2_000_000n);
    expect(run({ txid: tx.txid, vout: 0, tx, outspends: { host: { spent: true, txid: 'ee'.repeat(32), vin: 0, status: { confirmed: false } } } })).toBe('STAKE_SPENT');
    expect(run({ txid: tx.txid, vout: 0, tx, outspends: { a: { spent: false }, ...spent(999) } })).toBe('STAKE_SPENT');
  });
});

describe('when the stake is below the minimum or not P2TR, or registered at the anchor', () => {
  it('gives STAKE_TOO_LOW, STAKE_NOT_P2TR and STAKE_REGISTERED_LATE', () => {
    expect(run(unspent(stakeTx(999_999n)))).toBe('STAKE_TOO_LOW');
    expect(run(unspent(stakeTx(1_000_000n)))).toBe('OK');
    expect(run(unspent(stakeTx(2_000_000n, false)))).toBe('STAKE_NOT_P2TR');
    expect(run(unspent(stakeTx(2_000_000n)), 1000)).toBe('STAKE_REGISTERED_LATE');
    expect(run(unspent(stakeTx(2_000_000n)), 999)).toBe('OK');
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
    expect(run({ txid: tx.txid, vout: 0 })).toBe('STAKE_MISSING');
  });
});

describe('when the register does not prove control of the stake', () => {
  it('a register without a stake proof, or with one by another key, is STAKE_NOT_CONTROLLED', () => {
    expect(run(unspent(stakeTx(2_000_000n)), 900, { secret: null })).toBe('STAKE_NOT_CONTROLLED');
    expect(run(unspent(stakeTx(2_000_000n)), 900, { secret: new Uint8Array(32).fill(6) })).toBe('STAKE_NOT_CONTROLLED');
  });

  it('a stake proof made for another actuary key does not carry over', () => {
    const tx = stakeTx(2_000_000n);
    const r = register(key(1), 900, tx.txid);
    const moved = { ...r, signer: key(2), payload: { ...r.payload, signer: key(2) } };
    const e = verifyEligibility(input([moved], { [`${tx.txid}:0`]: unspent(tx) })).value;
    expect(e?.ineligible.get(key(2))?.code).toBe('STAKE_NOT_CONTROLLED');
    expect(e?.ineligible.get(key(2))?.evidence).toMatchObject({ outputKey: bytesToHex(Q) });
  });
});

describe('when two keys register the same stake outpoint', () => {
  it('the outpoint backs the first in chain order; the other is STAKE_DUPLICATE, whatever the listing order', () => {
    const tx = stakeTx(2_000_000n);
    const first = register(key(1), 900, tx.txid, { position: 2 });
    const second = register(key(2), 900, tx.txid, { position: 3 });
    for (const regs of [[first, second], [second, first]]) {
      const e = verifyEligibility(input(regs, { [`${tx.txid}:0`]: unspent(tx) })).value;
      expect(e?.eligible.map((a) => a.key)).toEqual([key(1)]);
      expect(e?.ineligible.get(key(2))?.code).toBe('STAKE_DUPLICATE');
      expect(e?.ineligible.get(key(2))?.evidence).toMatchObject({ owner: key(1), ownerRegister: first.inscription.id });
    }
  });

  it('a first claim that fails rules 1–4 does not own the outpoint', () => {
    const tx = stakeTx(2_000_000n);
    const e = verifyEligibility(input([register(key(1), 800, tx.txid, { secret: null }), register(key(2), 900, tx.txid)], { [`${tx.txid}:0`]: unspent(tx) })).value;
    expect(e?.eligible.map((a) => a.key)).toEqual([key(2)]);
    expect(e?.ineligible.get(key(1))?.code).toBe('STAKE_NOT_CONTROLLED');
  });

  it('a key re-registering its own outpoint is judged once, by its latest register below the anchor', () => {
    const tx = stakeTx(2_000_000n);
    const other = stakeTx(3_000_000n, true, 2);
    const stakes = { [`${tx.txid}:0`]: unspent(tx), [`${other.txid}:0`]: unspent(other) };
    const e = verifyEligibility(input([register(key(1), 800, tx.txid), register(key(1), 900, other.txid), register(key(1), 1000, tx.txid)], stakes)).value;
    expect(e?.eligible).toEqual([expect.objectContaining({ key: key(1), stake: 3_000_000n, registeredAt: 900 })]);
  });
});

describe('when a register names an old key that never registered before it', () => {
  it('the new key is not eligible (MESSAGE_BAD_KEYLINK); a link to an earlier register is followed', () => {
    const tx = stakeTx(2_000_000n);
    const tx2 = stakeTx(2_000_000n, true, 2);
    const stakes = { [`${tx.txid}:0`]: unspent(tx), [`${tx2.txid}:0`]: unspent(tx2) };
    const bad = verifyEligibility(input([register(key(2), 900, tx2.txid, { keylink: { old_key: key(1), sig: '' } })], stakes)).value;
    expect(bad?.ineligible.get(key(2))?.code).toBe('MESSAGE_BAD_KEYLINK');
    const late = verifyEligibility(input([register(key(2), 800, tx2.txid, { keylink: { old_key: key(1), sig: '' } }), register(key(1), 850, tx.txid)], stakes)).value;
    expect(late?.ineligible.get(key(2))?.code).toBe('MESSAGE_BAD_KEYLINK');
    const good = verifyEligibility(input([register(key(1), 800, tx.txid), register(key(2), 900, tx2.txid, { keylink: { old_key: key(1), sig: '' } })], stakes)).value;
    expect(good?.eligible.find((a) => a.key === key(2))?.linkedFrom).toEqual([key(1)]);
    expect(good?.eligible.map((a) => a.key)).toEqual([key(1), key(2)]);
  });
});

describe('when an ineligible or unknown key takes part', () => {
  it('notEligible carries the reason it was refused, or MESSAGE_NOT_ACTUARY', () => {
    const tx = stakeTx(999_999n);
    const e = verifyEligibility(input([register(key(1), 900, tx.txid)], { [`${tx.txid}:0`]: { txid: tx.txid, vout: 0, tx, outspends: {} } })).value;
    expect(e && notEligible(e, key(1), 'the lead').code).toBe('STAKE_TOO_LOW');
    expect(e && notEligible(e, key(1), 'the lead').evidence).toMatchObject({ role: 'the lead', minStake: PARAMS.min_stake });
    expect(e && notEligible(e, key(7), 'the lead').code).toBe('MESSAGE_NOT_ACTUARY');
  });
});

describe('when the month is checked at quick depth, or its anchor is above the tip', () => {
  it('quick depth checks nothing; an anchor above the tip leaves the month pending', () => {
    expect(verifyEligibility(input([], {}, { depth: 'quick' }))).toEqual({ checks: [] });
    expect(verifyEligibility(input([], {}, { tipHeight: 999 }))).toEqual({ checks: [], pending: 'the month\'s anchor height 1000 is above the tip 999' });
    expect(verifyEligibility(input([], {}, { tipHeight: 1000 })).pending).toBeUndefined();
  });
});
