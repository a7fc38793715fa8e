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

describe('the evidence an ineligible actuary is remembered with', () => {
  const codeAndEvidence = (stake: StakeSource, regHeight = 900, minStake = PARAMS.min_stake) => {
    const reg = register(key(1), regHeight, stake.txid);
    const e = verifyEligibility(input([reg], { [`${stake.txid}:0`]: stake }, { minStake })).value?.ineligible.get(key(1));
    return { reg, code: e?.code, evidence: e?.evidence };
  };

  it('STAKE_REGISTERED_LATE gives the register\'s height, the outpoint and the anchor', () => {
    const tx = stakeTx(2_000_000n);
    const r = codeAndEvidence(unspent(tx), 1003);
    expect(r).toMatchObject({ code: 'STAKE_REGISTERED_LATE', evidence: { actuary: key(1), stake: `${tx.txid}:0`, register: r.reg.inscription.id, anchor: 1000, height: 1003 } });
  });

  it('STAKE_TOO_LOW gives the sats and the minimum', () => {
    const r = codeAndEvidence(unspent(stakeTx(999_999n)));
    expect(r).toMatchObject({ code: 'STAKE_TOO_LOW', evidence: { sats: '999999', minStake: 1_000_000, register: r.reg.inscription.id } });
  });

  it('STAKE_SPENT gives the host, the spending transaction and its height (null when unconfirmed)', () => {
    const tx = stakeTx(2_000_000n);
    expect(codeAndEvidence({ txid: tx.txid, vout: 0, tx, outspends: spent(1000) })).toMatchObject({ code: 'STAKE_SPENT', evidence: { host: 'host', spentBy: 'ee'.repeat(32), spentAt: 1000, anchor: 1000 } });
    const unconfirmed = { host: { spent: true, txid: 'ee'.repeat(32), vin: 0, status: { confirmed: false } } };
    expect(codeAndEvidence({ txid: tx.txid, vout: 0, tx, outspends: unconfirmed })).toMatchObject({ code: 'STAKE_SPENT', evidence: { spentAt: null } });
  });

  it('a confirmed spend without a height counts as spent at or before the anchor', () => {
    const tx = stakeTx(2_000_000n);
    const noHeight = { host: { spent: true, txid: 'ee'.repeat(32), vin: 0, status: { confirmed: true } } };
    expect(codeAndEvidence({ txid: tx.txid, vout: 0, tx, outspends: noHeight }).code).toBe('STAKE_SPENT');
  });

  it('a stake with no outspends answer at all is taken as unspent', () => {
    const tx = stakeTx(2_000_000n);
    expect(codeAndEvidence({ txid: tx.txid, vout: 0, tx }).code).toBeUndefined();
  });

  it('STAKE_MISSING carries the outpoint; an output-less stake transaction is missing too', () => {
    const tx = stakeTx(2_000_000n);
    expect(codeAndEvidence({ txid: tx.txid, vout: 0, error: { code: 'FETCH_NOT_FOUND', message: 'gone' } })).toMatchObject({ code: 'STAKE_MISSING', evidence: { stake: `${tx.txid}:0` } });
  });
});

describe('when the stake output is almost P2TR', () => {
  it('a 34-byte script needs OP_1 then a 32-byte push: P2WSH and OP_1 with another push are STAKE_NOT_P2TR', () => {
    const tx = stakeTx(2_000_000n);
    const withScript = (script: Uint8Array): StakeSource => ({ ...unspent(tx), tx: { ...tx, outputs: [{ ...tx.outputs[0]!, script }] } });
    expect(run(withScript(new Uint8Array([0x00, 0x20, ...Q])))).toBe('STAKE_NOT_P2TR');
    expect(run(withScript(new Uint8Array([0x51, 0x21, ...Q])))).toBe('STAKE_NOT_P2TR');
    expect(run(withScript(new Uint8Array([0x51, 0x20, ...Q, 0x00])))).toBe('STAKE_NOT_P2TR');
    expect(run(withScript(new Uint8Array([0x51, 0x20, ...Q])))).toBe('OK');
  });
});

describe('when a host could not answer for the stake', () => {
  it('an unavailable code other than FETCH_NOT_FOUND is a failed check with that code and the outpoint', () => {
    const tx = stakeTx(2_000_000n);
    const r = verifyEligibility(input([register(key(1), 900, tx.txid)], { [`${tx.txid}:0`]: { txid: tx.txid, vout: 0, error: { code: 'FETCH_TIMEOUT', message: 'slow' } } }));
    expect(r.checks).toMatchObject([{ ok: false, step: 'eligibility', code: 'FETCH_TIMEOUT', evidence: { actuary: key(1), stake: `${tx.txid}:0` } }]);
    expect(r.value?.eligible).toEqual([]);
  });

  it('an error that is not unavailability leaves the stake missing (the actuary ineligible, the month fine)', () => {
    const tx = stakeTx(2_000_000n);
    const r = verifyEligibility(input([register(key(1), 900, tx.txid)], { [`${tx.txid}:0`]: { txid: tx.txid, vout: 0, error: { code: 'TABLE_TOO_LARGE', message: 'odd' } } }));
    expect(r.checks).toMatchObject([{ ok: true, evidence: { actuary: key(1), eligible: false, reason: 'STAKE_MISSING' } }]);
  });
});

describe('the eligibility step\'s checks and value', () => {
  it('one passed check per actuary, with the stake for the eligible and the reason for the others; eligible keys sorted', () => {
    const tx = stakeTx(2_000_000n);
    const low = stakeTx(5n, true, 2);
    const regs = [register(key(3), 800, tx.txid), register(key(2), 850, low.txid)];
    const r = verifyEligibility(input(regs, { [`${tx.txid}:0`]: unspent(tx), [`${low.txid}:0`]: unspent(low) }));
    expect(r.checks).toMatchObject([
      { ok: true, step: 'eligibility', evidence: { actuary: key(3), sats: '2000000', stake: `${tx.txid}:0`, register: regs[0]!.inscription.id } },
      { ok: true, step: 'eligibility', evidence: { actuary: key(2), eligible: false, reason: 'STAKE_TOO_LOW' } },
    ]);
    expect(r.value).toMatchObject({ anchor: 1000, eligible: [{ key: key(3), stake: 2_000_000n, register: regs[0]!.inscription.id, registeredAt: 800, linkedFrom: [] }] });
  });

  it('eligible actuaries are listed by key, whatever the registers\' order', () => {
    const txs = [1, 2, 3].map((i) => stakeTx(2_000_000n, true, i));
    const stakes = Object.fromEntries(txs.map((t) => [`${t.txid}:0`, unspent(t)]));
    const regs = [register(key(3), 800, txs[0]!.txid), register(key(1), 810, txs[1]!.txid), register(key(2), 820, txs[2]!.txid)];
    expect(verifyEligibility(input(regs, stakes)).value?.eligible.map((a) => a.key)).toEqual([key(1), key(2), key(3)]);
  });
});

describe('when keys are linked over several registers (§5)', () => {
  it('the newest key lists every earlier key, oldest first', () => {
    const txs = [1, 2, 3].map((i) => stakeTx(2_000_000n, true, i));
    const stakes = Object.fromEntries(txs.map((t) => [`${t.txid}:0`, unspent(t)]));
    const regs = [
      register(key(1), 800, txs[0]!.txid), register(key(2), 850, txs[1]!.txid, { keylink: { old_key: key(1), sig: '' } }),
      register(key(3), 900, txs[2]!.txid, { keylink: { old_key: key(2), sig: '' } }),
    ];
    const e = verifyEligibility(input(regs, stakes)).value;
    expect(e?.eligible.find((a) => a.key === key(3))?.linkedFrom).toEqual([key(1), key(2)]);
    expect(e?.eligible.find((a) => a.key === key(1))?.linkedFrom).toEqual([]);
  });

  it('an old key that first registered in the same block as the link is accepted', () => {
    const txs = [1, 2].map((i) => stakeTx(2_000_000n, true, i));
    const stakes = Object.fromEntries(txs.map((t) => [`${t.txid}:0`, unspent(t)]));
    const regs = [register(key(1), 900, txs[0]!.txid, { position: 1 }), register(key(2), 900, txs[1]!.txid, { keylink: { old_key: key(1), sig: '' }, position: 2 })];
    expect(verifyEligibility(input(regs, stakes)).value?.eligible.find((a) => a.key === key(2))?.linkedFrom).toEqual([key(1)]);
  });

  it('MESSAGE_BAD_KEYLINK names both keys', () => {
    const tx = stakeTx(2_000_000n);
    const e = verifyEligibility(input([register(key(2), 900, tx.txid, { keylink: { old_key: key(1), sig: '' } })], { [`${tx.txid}:0`]: unspent(tx) })).value;
    expect(e?.ineligible.get(key(2))?.evidence).toEqual({ old_key: key(1), new_key: key(2) });
  });

  it('a link cycle ends: each key lists the other, never itself', () => {
    const txs = [1, 2].map((i) => stakeTx(2_000_000n, true, i));
    const stakes = Object.fromEntries(txs.map((t) => [`${t.txid}:0`, unspent(t)]));
    const regs = [
      register(key(1), 800, txs[0]!.txid), register(key(2), 850, txs[1]!.txid, { keylink: { old_key: key(1), sig: '' } }),
      register(key(1), 900, txs[0]!.txid, { keylink: { old_key: key(2), sig: '' } }),
    ];
    const e = verifyEligibility(input(regs, stakes)).value;
    for (const [k, other] of [[key(1), key(2)], [key(2), key(1)]] as const) {
      expect(e?.eligible.find((a) => a.key === k)?.linkedFrom).toEqual([other]);
    }
  });
});

describe('when a key registers again at or above the anchor', () => {
  it('its register below the anchor decides', () => {
    const tx = stakeTx(2_000_000n);
    const low = stakeTx(5n, true, 2);
    const stakes = { [`${tx.txid}:0`]: unspent(tx), [`${low.txid}:0`]: unspent(low) };
    const e = verifyEligibility(input([register(key(1), 900, tx.txid), register(key(1), 1000, low.txid)], stakes)).value;
    expect(e?.eligible.map((a) => [a.key, a.registeredAt])).toEqual([[key(1), 900]]);
  });
});

describe('when no stake source was fetched for the register\'s outpoint', () => {
  it('the actuary is not eligible (STAKE_MISSING), with the outpoint', () => {
    const tx = stakeTx(2_000_000n);
    const e = verifyEligibility(input([register(key(1), 900, tx.txid)], {})).value;
    expect(e?.ineligible.get(key(1))).toMatchObject({ code: 'STAKE_MISSING', evidence: { actuary: key(1), stake: `${tx.txid}:0` } });
  });
});

describe('when a key that never registered takes part', () => {
  it('MESSAGE_NOT_ACTUARY names the key and its role', () => {
    expect(notEligible({ anchor: 1000, eligible: [], ineligible: new Map() }, key(7), 'the lead').evidence).toEqual({ actuary: key(7), role: 'the lead' });
  });
});
