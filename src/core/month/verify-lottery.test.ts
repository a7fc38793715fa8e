import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../bytes';
import { combinePartials, dealBlsKey, partialSign } from '../crypto/threshold-bls';
import { parseInscriptionId } from '../protocol/ids';
import { lotteryPoint } from '../protocol/lottery';
import type { GenesisPayload } from '../protocol/payloads';
import type { MessageRecord } from './records';
import { commit, inscription, key, PARAMS } from './test-records.test-util';
import { anchorHeight, leadWindow } from './timeline';
import type { Eligibility } from './verify-eligibility';
import type { VerifiedBlock } from './verify-headers';
import { verifyLotteryAttempts, type LotteryContext } from './verify-lottery';

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
  return verifyLotteryAttempts(ctx(tip), [lottery(attempt, span.from)], [], eligibility).result.attempts[0]!.lead;
}

describe('when attempt 0\'s beacon confirms inside its lead window', () => {
  it('draws a lead, who commits in the window and is accepted', () => {
    const span = leadWindow(PARAMS, 1, 0);
    const lead = leadOf(0, span.to + 20);
    const { checks, result } = verifyLotteryAttempts(ctx(span.to + 20), [lottery(0, span.to)], [commit(lead, span.to)], eligibility);
    expect(result.accepted?.lead).toBe(lead);
    expect(checks.every((c) => c.ok)).toBe(true);
  });
});

describe('when attempt 0\'s only valid beacon confirms after its lead window', () => {
  const span = leadWindow(PARAMS, 1, 0);
  it('is LOTTERY_LATE once the window has passed, and the late copy is listed as ignored', () => {
    const lead = leadOf(0, span.to + 20);
    const { checks, result } = verifyLotteryAttempts(ctx(span.to + 20), [lottery(0, span.to + 1)], [commit(lead, span.to)], eligibility);
    expect(result.accepted).toBeUndefined();
    expect(checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['LOTTERY_LATE']);
    expect(checks.find((c) => c.ok)?.evidence).toMatchObject({ ignored: 'LOTTERY_LATE' });
  });
  it('is LOTTERY_MISSING when there is no valid beacon at all', () => {
    const { checks } = verifyLotteryAttempts(ctx(span.to + 20), [], [], eligibility);
    expect(checks.map((c) => c.code)).toEqual(['LOTTERY_MISSING']);
  });
  it('is pending while the window is open', () => {
    const { checks, result } = verifyLotteryAttempts(ctx(span.to), [], [], eligibility);
    expect(result.pending).toBe(true);
    expect(checks).toEqual([]);
  });
  it('applies per attempt: attempt 0\'s lead misses, attempt 1\'s beacon comes after attempt 1\'s window', () => {
    const s1 = leadWindow(PARAMS, 1, 1);
    const lead0 = leadOf(0, s1.to + 20);
    const { checks, result } = verifyLotteryAttempts(ctx(s1.to + 20), [lottery(0, span.from), lottery(1, s1.to + 1)], [], eligibility);
    expect(result.missed).toEqual([lead0]);
    expect(result.attempts.map((a) => a.attempt)).toEqual([0]);
    expect(checks.filter((c) => !c.ok).map((c) => [c.code, c.evidence.attempt])).toEqual([['LOTTERY_LATE', 1]]);
  });
});
