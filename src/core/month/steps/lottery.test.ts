import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../../bytes';
import { combinePartials, dealBlsKey, partialSign } from '../../crypto/threshold-bls';
import { parseInscriptionId } from '../../protocol/ids';
import { lotteryPoint } from '../../protocol/lottery';
import type { FinalPayload, GenesisPayload } from '../../protocol/payloads';
import type { MessageRecord } from '../records';
import { anchorHeight, leadWindow } from '../timeline';
import type { Eligibility } from './eligibility';
import type { VerifiedBlock } from './headers';
import { verifyLotteryAttempts, type LotteryContext, type LotteryResult } from './lottery';
import { commit, inscription, key, PARAMS } from './test-records.test-util';

const deal = dealBlsKey(utf8.encode('drey lottery step test'), 2, 3);
const GENESIS_ID = `${'11'.repeat(32)}i0`;
const ANCHOR = anchorHeight(PARAMS, 1);
const ANCHOR_HASH = '0e'.repeat(32);
const eligibility: Eligibility = {
  anchor: ANCHOR,
  eligible: [1, 2, 3].map((n) => ({ key: key(n), stake: 1_000_000n * BigInt(n), register: `${key(n)}i0`, registeredAt: ANCHOR - 10, linkedFrom: [] })),
  ineligible: new Map(),
};

function ctx(tipHeight: number): LotteryContext {
  return {
    network: 'regtest', genesisId: GENESIS_ID, month: 1, anchor: ANCHOR, tipHeight,
    genesis: { params: PARAMS, bls: { group_key: bytesToHex(deal.groupKey), threshold: 2, parties: 3 } } as unknown as GenesisPayload,
    anchorBlock: { height: ANCHOR, hash: ANCHOR_HASH } as VerifiedBlock,
  };
}

/** The lottery step over these messages: its checks and the lottery's result. */
function draw(c: LotteryContext, lotteries: MessageRecord<'lottery'>[], commits: MessageRecord<'commit'>[], final?: FinalPayload) {
  const r = verifyLotteryAttempts({ ...c, lotteries, commits, eligibility, ...(final ? { final } : {}) });
  const result: LotteryResult = r.value?.lottery ?? { attempts: [], missed: [], pending: false };
  return { checks: r.checks, result, lead: r.value?.lead, pending: r.pending };
}

function lottery(attempt: number, height: number): MessageRecord<'lottery'> {
  const H = lotteryPoint({ network: 'regtest', genesis: parseInscriptionId(GENESIS_ID), month: 1, attempt, anchorHash: ANCHOR_HASH });
  const sig = bytesToHex(combinePartials([1, 2].map((i) => ({ index: i, signature: partialSign(deal.shares[i - 1]!, H) }))));
  return {
    inscription: inscription(height), type: 'lottery', signer: key(9), message: undefined as never,
    payload: { network: 'regtest', genesis: GENESIS_ID, month: 1, signer: key(9), attempt, anchor_height: ANCHOR, anchor_hash: ANCHOR_HASH, bls_signature: sig },
  };
}

/** The lead attempt 0 draws, found by running the step once with a timely beacon. */
function leadOf(attempt: number, tip: number): string {
  const span = leadWindow(PARAMS, 1, attempt);
  const lead = draw(ctx(tip), [lottery(attempt, span.from)], []).result.attempts[0]?.lead;
  if (!lead) throw new Error('no lead drawn');
  return lead;
}

describe('when attempt 0\'s beacon confirms inside its lead window', () => {
  it('draws a lead, who commits in the window and is accepted', () => {
    const span = leadWindow(PARAMS, 1, 0);
    const lead = leadOf(0, span.to + 20);
    const { checks, result } = draw(ctx(span.to + 20), [lottery(0, span.to)], [commit(lead, span.to)]);
    expect(result.accepted?.lead).toBe(lead);
    expect(checks.every((c) => c.ok)).toBe(true);
  });
});

describe('when attempt 0\'s only valid beacon confirms after its lead window', () => {
  const span = leadWindow(PARAMS, 1, 0);
  it('is LOTTERY_LATE once the window has passed, and the late copy is listed as ignored', () => {
    const lead = leadOf(0, span.to + 20);
    const { checks, result } = draw(ctx(span.to + 20), [lottery(0, span.to + 1)], [commit(lead, span.to)]);
    expect(result.accepted).toBeUndefined();
    expect(checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['LOTTERY_LATE']);
    expect(checks.find((c) => c.ok)?.evidence).toMatchObject({ ignored: 'LOTTERY_LATE' });
  });
  it('is LOTTERY_MISSING when there is no valid beacon at all', () => {
    const { checks } = draw(ctx(span.to + 20), [], []);
    expect(checks.map((c) => c.code)).toEqual(['LOTTERY_MISSING']);
  });
  it('is pending while the window is open', () => {
    const { checks, result, pending } = draw(ctx(span.to), [], []);
    expect(result.pending).toBe(true);
    expect(pending).toBe('the lottery attempt in progress has not ended');
    expect(checks).toEqual([]);
  });
  it('applies per attempt: attempt 0\'s lead misses, attempt 1\'s beacon comes after attempt 1\'s window', () => {
    const s1 = leadWindow(PARAMS, 1, 1);
    const lead0 = leadOf(0, s1.to + 20);
    const { checks, result } = draw(ctx(s1.to + 20), [lottery(0, span.from), lottery(1, s1.to + 1)], []);
    expect(result.missed).toEqual([lead0]);
    expect(result.attempts.map((a) => a.attempt)).toEqual([0]);
    expect(checks.filter((c) => !c.ok).map((c) => [c.code, c.evidence.attempt])).toEqual([['LOTTERY_LATE', 1]]);
  });
});

describe('when the lottery gives no lead but the final names one whose commit exists', () => {
  const span = leadWindow(PARAMS, 1, 0);
  const claimed = commit(key(2), span.to);
  it('fails with LOTTERY_WRONG_LEAD and the round follows the final\'s claim, not pending', () => {
    const { checks, lead, pending } = draw(ctx(span.to + 20), [], [claimed], { lead: key(2), attempt: 0 } as FinalPayload);
    expect(checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['LOTTERY_MISSING', 'LOTTERY_WRONG_LEAD']);
    expect(lead).toEqual({ attempt: 0, lead: key(2), commit: claimed, from: 'final' });
    expect(pending).toBeUndefined();
  });
  it('also carries the reason when the claimed lead is not eligible', () => {
    const stranger = commit(key(7), span.to);
    const { checks } = draw(ctx(span.to + 20), [], [stranger], { lead: key(7), attempt: 0 } as FinalPayload);
    expect(checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['LOTTERY_MISSING', 'MESSAGE_NOT_ACTUARY', 'LOTTERY_WRONG_LEAD']);
  });
  it('follows nothing when the final\'s lead has no commit for its attempt', () => {
    const { lead } = draw(ctx(span.to + 20), [], [commit(key(2), span.to, 1, 1)], { lead: key(2), attempt: 0 } as FinalPayload);
    expect(lead).toBeUndefined();
  });
});

describe('when the anchor block did not verify', () => {
  it('is LOTTERY_ANCHOR_UNVERIFIED once the tip has passed the anchor, pending before', () => {
    const noAnchor = (tip: number): LotteryContext => ({ ...ctx(tip), anchorBlock: undefined });
    expect(draw(noAnchor(ANCHOR + 5), [], []).checks.map((c) => c.code)).toEqual(['LOTTERY_ANCHOR_UNVERIFIED']);
    expect(draw({ ...noAnchor(ANCHOR - 1) }, [], []).result.pending).toBe(true);
  });
});

describe('when a lottery message names another anchor', () => {
  it('is ignored (LOTTERY_ANCHOR_MISMATCH) and the attempt has no beacon', () => {
    const span = leadWindow(PARAMS, 1, 0);
    const wrong = lottery(0, span.from);
    const other = { ...wrong, payload: { ...wrong.payload, anchor_hash: '0f'.repeat(32) } };
    const { checks } = draw(ctx(span.to + 20), [other], []);
    expect(checks.map((c) => c.evidence.ignored ?? c.code)).toEqual(['LOTTERY_ANCHOR_MISMATCH', 'LOTTERY_MISSING']);
  });
});

describe('when every eligible actuary has missed its attempt and attempts remain', () => {
  it('the next draw has no candidates: LOTTERY_NO_CANDIDATES', () => {
    const params = { ...PARAMS, max_attempts: 4 };
    const base = ctx(leadWindow(params, 1, 3).to + 20);
    const c: LotteryContext = { ...base, genesis: { ...base.genesis, params } };
    const beacons = [0, 1, 2, 3].map((a) => lottery(a, leadWindow(params, 1, a).from));
    const { checks, result } = draw(c, beacons, []);
    expect(result.missed).toHaveLength(3);
    expect(checks.filter((x) => !x.ok).map((x) => x.code)).toEqual(['LOTTERY_NO_CANDIDATES']);
  });
});
