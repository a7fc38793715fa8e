import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../../bytes';
import { failed, passed } from '../../check';
import { combinePartials, dealBlsKey, partialSign } from '../../crypto/threshold-bls';
import { VerifyError } from '../../errors';
import { parseInscriptionId } from '../../protocol/ids';
import { lotteryPoint } from '../../protocol/lottery';
import type { FinalPayload, GenesisPayload } from '../../protocol/payloads';
import type { MessageRecord } from '../records';
import type { Eligibility } from './eligibility';
import type { VerifiedBlock } from './headers';
import { verifyLotteryAttempts, type LotteryContext, type LotteryResult, type Round, type RoundEvaluator, type RoundLead } from './lottery';
import type { Judgement } from './proofs';
import type { RevealContext } from './reveal';
import { commit, inscription, key, message, opened, PARAMS } from './test-records.test-util';

const deal = dealBlsKey(utf8.encode('drey lottery step test'), 2, 3);
const GENESIS_ID = `${'11'.repeat(32)}i0`;
/** A_1 = start_height. */
const ANCHOR = 1000;
const ANCHOR_HASH = '0e'.repeat(32);
/** Attempt 0 starts at the anchor: its lead window is A_1 + 1 … A_1 + lead_window. */
const W0 = { from: ANCHOR + 1, to: ANCHOR + PARAMS.lead_window };
const eligibility: Eligibility = {
  anchor: ANCHOR,
  eligible: [1, 2, 3].map((n) => ({ key: key(n), stake: 1_000_000n * BigInt(n), register: `${key(n)}i0`, registeredAt: ANCHOR - 10, linkedFrom: [] })),
  ineligible: new Map(),
};
const CONTEXT = {} as RevealContext;

function ctx(tipHeight: number): LotteryContext {
  return {
    network: 'regtest', genesisId: GENESIS_ID, month: 1, anchor: ANCHOR, tipHeight,
    genesis: { params: PARAMS, bls: { group_key: bytesToHex(deal.groupKey), threshold: 2, parties: 3 } } as unknown as GenesisPayload,
    anchorBlock: { height: ANCHOR, hash: ANCHOR_HASH } as VerifiedBlock,
  };
}

/** A round as the reveal would leave it: the lead's package valid, or not (with the fault), revealed at `revealAt`. */
function round(lead: RoundLead, revealAt: number, fault?: VerifyError, status: 'valid' | 'unopenable' | 'copied' | 'invalid' = 'valid'): Round {
  const leadPackage = { ...opened(1, status, 'aa'.repeat(32)), entry: { commit: lead.commit, actuary: lead.lead, status: 'lead' as const } };
  const reveal = message('reveal', revealAt, { attempt: lead.attempt, keys: [] });
  return {
    lead, race: { window: { from: 0, to: 0 }, entries: [], counted: [], quorum: 1, pending: false }, raceChecks: [],
    reveal: { reveal, packages: [leadPackage], pending: false }, revealChecks: [], leadPackage, ...(fault ? { fault } : {}),
  };
}

/** Rounds by the attempt's lead key: each attempt whose lead is listed gets that round; others are valid, revealed 20 blocks on. */
function evaluator(byLead: Record<string, (lead: RoundLead) => ReturnType<RoundEvaluator>> = {}): RoundEvaluator {
  return (lead) => (byLead[lead.lead] ?? ((l: RoundLead) => ({ round: round(l, l.commit.inscription.height + 20) })))(lead);
}

/** The lottery step over these messages: its checks, the lottery's result and the round the month rests on. */
async function draw(c: LotteryContext, lotteries: MessageRecord<'lottery'>[], commits: MessageRecord<'commit'>[], opts: { final?: FinalPayload; evaluate?: RoundEvaluator } = {}) {
  const r = await verifyLotteryAttempts({ ...c, lotteries, commits, reveals: [], copies: new Map(), eligibility, evaluate: opts.evaluate ?? evaluator(), ...(opts.final ? { final: opts.final } : {}) }, CONTEXT);
  const result: LotteryResult = r.value?.lottery ?? { attempts: [], failed: [], pending: false };
  return { checks: r.checks, result, lead: r.value?.lead, round: r.value?.round, pending: r.pending };
}

function lottery(attempt: number, height: number): MessageRecord<'lottery'> {
  const H = lotteryPoint({ network: 'regtest', genesis: parseInscriptionId(GENESIS_ID), month: 1, attempt, anchorHash: ANCHOR_HASH });
  const sig = bytesToHex(combinePartials([1, 2].map((i) => ({ index: i, signature: partialSign(deal.shares[i - 1]!, H) }))));
  return {
    inscription: inscription(height), type: 'lottery', signer: key(9), message: undefined as never,
    payload: { network: 'regtest', genesis: GENESIS_ID, month: 1, signer: key(9), attempt, anchor_height: ANCHOR, anchor_hash: ANCHOR_HASH, bls_signature: sig },
  };
}

/** The leads attempts 0, 1, 2 draw from this group key and these stakes when every earlier lead is excluded. */
const [LEAD0, LEAD1, LEAD2] = [key(3), key(1), key(2)];
/** The leads the walk draws when every attempt's lead misses its window. */
async function leads(): Promise<string[]> {
  const beacons = [0, 1, 2].map((a) => lottery(a, ANCHOR + a * PARAMS.lead_window + 1));
  return (await draw(ctx(ANCHOR + 100), beacons, [])).result.attempts.map((a) => a.lead);
}
const failures = (checks: { ok: boolean; code: string }[]) => checks.filter((c) => !c.ok).map((c) => c.code);

describe('the draw', () => {
  it('excludes each failed lead: three attempts draw three different actuaries', async () => {
    expect(await leads()).toEqual([LEAD0, LEAD1, LEAD2]);
  });
});

describe('when attempt 0\'s beacon confirms inside its lead window and its lead commits a valid package', () => {
  it('accepts attempt 0: the month rests on its round', async () => {
    const c = commit(LEAD0, W0.to);
    const { checks, result, lead, round: r } = (await draw(ctx(W0.to + 50), [lottery(0, W0.to)], [c]));
    expect(result.accepted?.lead).toBe(LEAD0);
    expect(lead).toEqual({ attempt: 0, lead: LEAD0, commit: c, from: 'lottery' });
    expect(r?.lead.commit).toBe(c);
    expect(failures(checks)).toEqual([]);
    expect(result.failed).toEqual([]);
  });

  it('takes the first of the lead\'s commits in the window, in chain order', async () => {
    const later = commit(LEAD0, W0.to, 5);
    const first = commit(LEAD0, W0.to, 2);
    expect((await draw(ctx(W0.to + 50), [lottery(0, W0.from)], [later, first])).lead?.commit).toBe(first);
  });

  it('ignores a commit for another attempt and one outside the window', async () => {
    const { result } = (await draw(ctx(W0.to + 50), [lottery(0, W0.from)], [commit(LEAD0, W0.to, 1, 1), commit(LEAD0, W0.to + 1), commit(LEAD0, W0.from - 1)]));
    expect(result.accepted).toBeUndefined();
    expect(result.failed).toEqual([{ attempt: 0, lead: LEAD0, reason: 'missed_deadline' }]);
  });
});

describe('when attempt 0\'s only valid beacon confirms after its lead window', () => {
  it('is LOTTERY_LATE once the window has passed, and the late copy is listed as ignored', async () => {
    const { checks, result } = (await draw(ctx(W0.to + 20), [lottery(0, W0.to + 1)], [commit(LEAD0, W0.to)]));
    expect(result.accepted).toBeUndefined();
    expect(failures(checks)).toEqual(['LOTTERY_LATE']);
    expect(checks.find((c) => c.ok)?.evidence).toMatchObject({ ignored: 'LOTTERY_LATE' });
  });
  it('is LOTTERY_MISSING when there is no valid beacon at all', async () => {
    expect((await draw(ctx(W0.to + 20), [], [])).checks.map((c) => c.code)).toEqual(['LOTTERY_MISSING']);
  });
  it('is pending while the window is open', async () => {
    const { checks, result, pending } = (await draw(ctx(W0.to), [], []));
    expect(result.pending).toBe(true);
    expect(pending).toMatch(/lottery window runs to/);
    expect(checks).toEqual([]);
  });
});

describe('when attempt 0\'s lead misses its window (§6.4)', () => {
  const W1 = { from: W0.to + 1, to: W0.to + PARAMS.lead_window };
  it('attempt 1 starts at the window\'s end, without that lead; the lead is penalised missed_deadline', async () => {
    const { checks, result, lead } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W1.from)], [commit(LEAD1, W1.to, 1, 1)]));
    expect(result.failed).toEqual([{ attempt: 0, lead: LEAD0, reason: 'missed_deadline' }]);
    expect(lead).toMatchObject({ attempt: 1, lead: LEAD1, from: 'lottery' });
    expect(result.attempts.map((a) => a.window)).toEqual([W0, W1]);
    expect(failures(checks)).toEqual([]);
  });
  it('the next attempt\'s beacon after its own window is LOTTERY_LATE', async () => {
    const { checks, result } = (await draw(ctx(W1.to + 20), [lottery(0, W0.from), lottery(1, W1.to + 1)], []));
    expect(result.failed.map((f) => f.lead)).toEqual([LEAD0]);
    expect(checks.filter((c) => !c.ok).map((c) => [c.code, c.evidence.attempt])).toEqual([['LOTTERY_LATE', 1]]);
  });
  it('is pending while the lead\'s window is open', async () => {
    const { result, pending } = (await draw(ctx(W0.to), [lottery(0, W0.from)], []));
    expect(result.pending).toBe(true);
    expect(pending).toMatch(/lead window runs to/);
  });
});

describe('when attempt 0\'s lead commits a package that is not valid (§6.4: the lottery draws again)', () => {
  const hR = W0.to + 20;
  const W1 = { from: hR + 1, to: hR + PARAMS.lead_window };
  const bad = (fault: VerifyError, status: Parameters<typeof round>[3] = 'valid') => evaluator({ [LEAD0]: (l) => ({ round: round(l, hR, fault, status) }) });
  const unopenable = new VerifyError('AGREEMENT_LEAD_INVALID', 'unopenable', {});

  it('attempt 1 starts at the reveal\'s height: its window is h_R + 1 … h_R + lead_window', async () => {
    const { result, lead, checks } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W1.to)], [commit(LEAD0, W0.to), commit(LEAD1, W1.to, 1, 1)], { evaluate: bad(unopenable, 'unopenable') }));
    expect(result.failed).toEqual([{ attempt: 0, lead: LEAD0, reason: 'unopenable' }]);
    expect(result.attempts[1]?.window).toEqual(W1);
    expect(lead).toMatchObject({ attempt: 1, lead: LEAD1 });
    expect(failures(checks)).toEqual([]);
    expect(checks.find((c) => c.evidence.invalid)?.evidence).toMatchObject({ attempt: 0, invalid: 'AGREEMENT_LEAD_INVALID', revealHeight: hR });
  });

  it.each([
    ['unopenable', 'unopenable'], ['copied', 'copied_package'], ['invalid', 'invalid_package'], ['valid', 'invalid_package'],
  ] as const)('a lead whose package is %s is penalised %s', async (status, reason) => {
    const { result } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W1.from)], [commit(LEAD0, W0.to), commit(LEAD1, W1.to, 1, 1)], { evaluate: bad(new VerifyError('PROOF_INVALID', 'x', {}), status) }));
    expect(result.failed).toEqual([{ attempt: 0, lead: LEAD0, reason }]);
  });

  it('a commit of attempt 1 in attempt 0\'s timeline does not count: the window moved to after the reveal', async () => {
    const { result } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W0.to + 1)], [commit(LEAD0, W0.to), commit(LEAD1, W0.to + 2, 1, 1)], { evaluate: bad(unopenable) }));
    expect(result.failed.map((f) => f.reason)).toEqual(['invalid_package', 'missed_deadline']);
  });

  it('when the final names that lead, the month fails with the reason and rests on the final\'s claim', async () => {
    const fault = new VerifyError('PROOF_BATCH_COUNT', 'one batch short', { batches: 1 });
    const { checks, lead } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from)], [commit(LEAD0, W0.to)], { evaluate: bad(fault), final: { lead: LEAD0, attempt: 0 } as FinalPayload }));
    expect(failures(checks)).toEqual(['PROOF_BATCH_COUNT']);
    expect(checks.find((c) => !c.ok)?.evidence).toMatchObject({ attempt: 0, lead: LEAD0, batches: 1 });
    expect(lead).toMatchObject({ attempt: 0, lead: LEAD0, from: 'final' });
  });

  it('a final naming an unopenable lead is AGREEMENT_LEAD_INVALID', async () => {
    const { checks } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from)], [commit(LEAD0, W0.to)], { evaluate: bad(unopenable, 'unopenable'), final: { lead: LEAD0, attempt: 0 } as FinalPayload }));
    expect(failures(checks)).toEqual(['AGREEMENT_LEAD_INVALID']);
    expect(checks.find((c) => !c.ok)?.step).toBe('agreement');
  });

  it('the group\'s faults in the failed attempt\'s reveal still count', async () => {
    const faulty: RoundEvaluator = (l) => {
      if (l.lead !== LEAD0) return { round: round(l, l.commit.inscription.height + 20) };
      return { round: { ...round(l, hR, unopenable, 'unopenable'), revealChecks: [failed('reveal', new VerifyError('REVEAL_MALFORMED', 'named twice', {}))] } };
    };
    const { checks } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W1.from)], [commit(LEAD0, W0.to), commit(LEAD1, W1.to, 1, 1)], { evaluate: faulty }));
    expect(failures(checks)).toEqual(['REVEAL_MALFORMED']);
  });
});

describe('when the final names another attempt than the walk accepts', () => {
  it('the walk stops at the accepted attempt (the agreement step then fails the final)', async () => {
    const W1 = { from: W0.to + 1, to: W0.to + PARAMS.lead_window };
    const { lead, checks } = (await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W1.from)], [commit(LEAD0, W0.to), commit(LEAD1, W1.to, 1, 1)], { final: { lead: LEAD1, attempt: 1 } as FinalPayload }));
    expect(lead).toMatchObject({ attempt: 0, lead: LEAD0, from: 'lottery' });
    expect(failures(checks)).toEqual([]);
  });

  it('a final naming an attempt whose lead missed its window is LOTTERY_WRONG_LEAD, and the month follows its claim', async () => {
    const late = commit(LEAD0, W0.to + 1);
    const { checks, lead, round: r, pending } = (await draw(ctx(W0.to + 50), [lottery(0, W0.from)], [late], { final: { lead: LEAD0, attempt: 0 } as FinalPayload }));
    expect(failures(checks)).toEqual(['LOTTERY_WRONG_LEAD']);
    expect(lead).toEqual({ attempt: 0, lead: LEAD0, commit: late, from: 'final' });
    expect(r?.lead.commit).toBe(late);
    expect(pending).toBeUndefined();
  });
});

describe('when the lottery gives no lead but the final names one whose commit exists', () => {
  const claimed = commit(key(2), W0.to);
  it('fails with LOTTERY_WRONG_LEAD and the round follows the final\'s claim, not pending', async () => {
    const { checks, lead, pending } = (await draw(ctx(W0.to + 20), [], [claimed], { final: { lead: key(2), attempt: 0 } as FinalPayload }));
    expect(failures(checks)).toEqual(['LOTTERY_MISSING', 'LOTTERY_WRONG_LEAD']);
    expect(lead).toEqual({ attempt: 0, lead: key(2), commit: claimed, from: 'final' });
    expect(pending).toBeUndefined();
  });
  it('also carries the reason when the claimed lead is not eligible', async () => {
    const stranger = commit(key(7), W0.to);
    const { checks } = (await draw(ctx(W0.to + 20), [], [stranger], { final: { lead: key(7), attempt: 0 } as FinalPayload }));
    expect(failures(checks)).toEqual(['LOTTERY_MISSING', 'MESSAGE_NOT_ACTUARY', 'LOTTERY_WRONG_LEAD']);
  });
  it('follows nothing when the final\'s lead has no commit for its attempt', async () => {
    expect((await draw(ctx(W0.to + 20), [], [commit(key(2), W0.to, 1, 1)], { final: { lead: key(2), attempt: 0 } as FinalPayload })).lead).toBeUndefined();
  });
});

describe('when an attempt\'s round is not over', () => {
  it('the month is pending with the round\'s reason', async () => {
    const open: RoundEvaluator = () => ({ pending: 'attempt 0\'s race window runs to 1020' });
    const { pending, result, lead } = (await draw(ctx(W0.to + 5), [lottery(0, W0.from)], [commit(LEAD0, W0.to)], { evaluate: open }));
    expect(pending).toBe('attempt 0\'s race window runs to 1020');
    expect(result.pending).toBe(true);
    expect(lead).toBeUndefined();
  });
});

describe('when the group\'s reveal does not open the lead\'s package', () => {
  it('the walk stops on that round (its reveal step reports why); nothing is accepted', async () => {
    const unrevealed: RoundEvaluator = (l) => ({ round: { ...round(l, 0), leadPackage: undefined } as unknown as Round });
    const { result, lead, round: r } = (await draw(ctx(W0.to + 50), [lottery(0, W0.from)], [commit(LEAD0, W0.to)], { evaluate: unrevealed }));
    expect(result.accepted).toBeUndefined();
    expect(lead).toMatchObject({ attempt: 0, lead: LEAD0 });
    expect(r?.leadPackage).toBeUndefined();
  });
});

describe('when judging the lead shows that the program and the circuit disagree', () => {
  it('the program\'s fault is reported at once, before anything of the round', async () => {
    const judgement = { invalid: new Map(), proven: [], programFaults: [new VerifyError('PROGRAM_TOTALS_MISMATCH', 'F differs', {})], combined: true } as Judgement;
    const withFault: RoundEvaluator = (l) => ({ round: { ...round(l, l.commit.inscription.height + 20), judgement } });
    const { checks, result } = (await draw(ctx(W0.to + 50), [lottery(0, W0.from)], [commit(LEAD0, W0.to)], { evaluate: withFault }));
    expect(failures(checks)).toEqual(['PROGRAM_TOTALS_MISMATCH']);
    expect(result.accepted?.lead).toBe(LEAD0);
  });
});

describe('when the anchor block did not verify', () => {
  it('is LOTTERY_ANCHOR_UNVERIFIED once the tip has passed the anchor, pending before', async () => {
    const noAnchor = (tip: number): LotteryContext => ({ ...ctx(tip), anchorBlock: undefined });
    expect((await draw(noAnchor(ANCHOR + 5), [], [])).checks.map((c) => c.code)).toEqual(['LOTTERY_ANCHOR_UNVERIFIED']);
    expect((await draw(noAnchor(ANCHOR - 1), [], [])).result.pending).toBe(true);
  });
});

describe('when a lottery message names another anchor', () => {
  it('is ignored (LOTTERY_ANCHOR_MISMATCH) and the attempt has no beacon', async () => {
    const wrong = lottery(0, W0.from);
    const other = { ...wrong, payload: { ...wrong.payload, anchor_hash: '0f'.repeat(32) } };
    const otherHeight = { ...wrong, payload: { ...wrong.payload, anchor_height: ANCHOR - 1 } };
    const { checks } = (await draw(ctx(W0.to + 20), [other, otherHeight], []));
    expect(checks.map((c) => c.evidence.ignored ?? c.code)).toEqual(['LOTTERY_ANCHOR_MISMATCH', 'LOTTERY_ANCHOR_MISMATCH', 'LOTTERY_MISSING']);
  });
  it('is listed as ignored also when it follows the valid beacon, which still draws the lead', async () => {
    const valid = lottery(0, W0.from);
    const other = { ...valid, inscription: inscription(W0.from + 1), payload: { ...valid.payload, anchor_hash: '0f'.repeat(32) } };
    const { checks, lead } = (await draw(ctx(W0.to + 50), [valid, other], [commit(LEAD0, W0.to)]));
    expect(lead?.lead).toBe(LEAD0);
    expect(checks.filter((c) => c.evidence.ignored).map((c) => [c.evidence.id, c.evidence.ignored])).toEqual([[other.inscription.id, 'LOTTERY_ANCHOR_MISMATCH']]);
    expect(failures(checks)).toEqual([]);
  });
  it('a valid beacon for another attempt does not serve this one', async () => {
    expect(failures((await draw(ctx(W0.to + 20), [lottery(1, W0.from)], [])).checks)).toEqual(['LOTTERY_MISSING']);
  });
});

describe('when every eligible actuary has failed an attempt and attempts remain', () => {
  it('the next draw has no candidates: LOTTERY_NO_CANDIDATES', async () => {
    const params = { ...PARAMS, max_attempts: 4 };
    const base = ctx(ANCHOR + 4 * params.lead_window + 20);
    const c: LotteryContext = { ...base, genesis: { ...base.genesis, params } };
    const beacons = [0, 1, 2, 3].map((a) => lottery(a, ANCHOR + a * params.lead_window + 1));
    const { checks, result } = (await draw(c, beacons, []));
    expect(result.failed).toHaveLength(3);
    expect(failures(checks)).toEqual(['LOTTERY_NO_CANDIDATES']);
  });
  it('after max_attempts failed attempts nothing is accepted and nothing fails here', async () => {
    const beacons = [0, 1, 2].map((a) => lottery(a, ANCHOR + a * PARAMS.lead_window + 1));
    const { checks, result, pending } = (await draw(ctx(ANCHOR + 100), beacons, []));
    expect(result.failed).toHaveLength(PARAMS.max_attempts);
    expect(failures(checks)).toEqual([]);
    expect(pending).toBeUndefined();
  });
});

describe('the lead window\'s ends (attempt 0: 1001 … 1003)', () => {
  it('a commit at the window\'s first block is the lead\'s', async () => {
    const first = commit(LEAD0, W0.from);
    expect((await draw(ctx(W0.to + 50), [lottery(0, W0.from)], [first])).lead?.commit).toBe(first);
  });

  it('without a beacon the month is pending up to the window\'s last block, and LOTTERY_MISSING one block later, with the window', async () => {
    expect((await draw(ctx(W0.to), [], [])).pending).toBe(`attempt 0's lottery window runs to ${W0.to}`);
    const { checks, result, pending } = await draw(ctx(W0.to + 1), [], []);
    expect(pending).toBeUndefined();
    expect(result.pending).toBe(false);
    expect(checks).toMatchObject([{ ok: false, step: 'lottery', code: 'LOTTERY_MISSING', evidence: { attempt: 0, window: W0 } }]);
  });

  it('a drawn lead without a commit is awaited up to the window\'s last block and has missed it one block later', async () => {
    const open = await draw(ctx(W0.to), [lottery(0, W0.from)], []);
    expect(open.pending).toBe(`attempt 0's lead window runs to ${W0.to}`);
    expect(open.result.failed).toEqual([]);
    expect(open.checks).toMatchObject([{ ok: true, evidence: { attempt: 0, lead: LEAD0, window: W0 } }]);
    const missed = await draw(ctx(W0.to + 1), [lottery(0, W0.from)], []);
    expect(missed.result.failed).toEqual([{ attempt: 0, lead: LEAD0, reason: 'missed_deadline' }]);
    expect(missed.checks[0]).toMatchObject({ ok: true, evidence: { attempt: 0, lead: LEAD0, missed: true, window: W0 } });
  });

  it('LOTTERY_LATE names the attempt, its window and the late message', async () => {
    const late = lottery(0, W0.to + 1);
    const { checks } = await draw(ctx(W0.to + 20), [late], []);
    expect(checks.find((c) => !c.ok)).toMatchObject({ step: 'lottery', code: 'LOTTERY_LATE', evidence: { attempt: 0, window: W0, id: late.inscription.id, height: W0.to + 1 } });
    expect(checks.find((c) => c.ok)?.evidence).toEqual({ id: late.inscription.id, ignored: 'LOTTERY_LATE' });
  });

  it('a late beacon after an on-time one is only listed as ignored', async () => {
    const onTime = lottery(0, W0.to);
    const late = lottery(0, W0.to + 1);
    const { checks, lead } = await draw(ctx(W0.to + 50), [onTime, late], [commit(LEAD0, W0.to)]);
    expect(lead?.lead).toBe(LEAD0);
    expect(failures(checks)).toEqual([]);
    expect(checks.filter((c) => c.evidence.ignored).map((c) => c.evidence.id)).toEqual([late.inscription.id]);
  });
});

describe('the accepted attempt\'s check', () => {
  it('names the attempt, the lead, the draw, the window and the commit', async () => {
    const c = commit(LEAD0, W0.to);
    const { checks } = await draw(ctx(W0.to + 50), [lottery(0, W0.from)], [c]);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ ok: true, step: 'lottery', evidence: { attempt: 0, lead: LEAD0, window: W0, commit: c.inscription.id, height: W0.to } });
    expect(checks[0]?.evidence.randomness).toMatch(/^[0-9a-f]{64}$/);
    expect(BigInt(checks[0]?.evidence.r as string)).toBeLessThan(BigInt(checks[0]?.evidence.totalStake as string));
    expect(checks[0]?.evidence.totalStake).toBe('6000000');
  });
});

describe('when the anchor block did not verify, at the anchor itself', () => {
  it('is LOTTERY_ANCHOR_UNVERIFIED with the anchor once the tip reaches it', async () => {
    const { checks, result } = await draw({ ...ctx(ANCHOR), anchorBlock: undefined }, [], []);
    expect(checks).toMatchObject([{ ok: false, step: 'lottery', code: 'LOTTERY_ANCHOR_UNVERIFIED', evidence: { anchor: ANCHOR } }]);
    expect(result.pending).toBe(false);
  });
});

describe('the walk at a failed attempt the final names (§6.4, §8)', () => {
  const hR = W0.to + 20;
  const W1 = { from: hR + 1, to: hR + PARAMS.lead_window };
  const invalidLead = (fault: VerifyError): RoundEvaluator => evaluator({ [LEAD0]: (l) => ({ round: round(l, hR, fault) }) });

  it('a final naming the failed attempt but another lead stops the walk there and follows the final\'s claim (LOTTERY_WRONG_LEAD)', async () => {
    const claimed = commit(LEAD1, W0.to, 2);
    const { checks, lead, result } = await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W1.from)], [commit(LEAD0, W0.to), claimed, commit(LEAD1, W1.to, 1, 1)], {
      evaluate: invalidLead(new VerifyError('PROOF_INVALID', 'bad proof', {})), final: { lead: LEAD1, attempt: 0 } as FinalPayload,
    });
    expect(result.accepted).toBeUndefined();
    expect(result.attempts).toHaveLength(1);
    expect(failures(checks)).toEqual(['LOTTERY_WRONG_LEAD']);
    expect(lead).toEqual({ attempt: 0, lead: LEAD1, commit: claimed, from: 'final' });
  });

  it('a final naming the failed lead reports a proof fault under the proofs step', async () => {
    const { checks } = await draw(ctx(W1.to + 50), [lottery(0, W0.from)], [commit(LEAD0, W0.to)], {
      evaluate: invalidLead(new VerifyError('PROOF_INVALID', 'bad proof', {})), final: { lead: LEAD0, attempt: 0 } as FinalPayload,
    });
    expect(checks.filter((c) => !c.ok).map((c) => [c.step, c.code])).toEqual([['proofs', 'PROOF_INVALID']]);
  });

  it('only the failing checks of a failed attempt\'s reveal are carried on', async () => {
    const faulty: RoundEvaluator = (l) => {
      if (l.lead !== LEAD0) return { round: round(l, l.commit.inscription.height + 20) };
      return { round: { ...round(l, hR, new VerifyError('AGREEMENT_LEAD_INVALID', 'unopenable', {}), 'unopenable'), revealChecks: [passed('reveal', 'a key that opened', { n: 1 }), failed('reveal', new VerifyError('REVEAL_MALFORMED', 'named twice', {}))] } };
    };
    const { checks } = await draw(ctx(W1.to + 50), [lottery(0, W0.from), lottery(1, W1.from)], [commit(LEAD0, W0.to), commit(LEAD1, W1.to, 1, 1)], { evaluate: faulty });
    expect(checks.filter((c) => c.step === 'reveal').map((c) => c.code)).toEqual(['REVEAL_MALFORMED']);
  });

  it('a month still pending does not follow the final\'s claim yet', async () => {
    const { checks, pending, lead } = await draw(ctx(W0.to - 1), [lottery(0, W0.from)], [commit(key(2), W0.from)], { final: { lead: key(2), attempt: 0 } as FinalPayload });
    expect(pending).toBe(`attempt 0's lead window runs to ${W0.to}`);
    expect(failures(checks)).toEqual([]);
    expect(lead).toBeUndefined();
  });

  it('a lottery message of another attempt is not judged for this one at all', async () => {
    const { checks } = await draw(ctx(W0.to + 20), [lottery(1, W0.from)], []);
    expect(checks.map((c) => c.code)).toEqual(['LOTTERY_MISSING']);
  });
});

describe('the final\'s claim when its lead committed more than once for the attempt', () => {
  it('rests on the lead\'s first commit in chain order, whatever order the commits are listed in', async () => {
    const first = commit(key(2), W0.to, 1);
    const second = commit(key(2), W0.to, 3);
    const { lead } = await draw(ctx(W0.to + 20), [], [second, first], { final: { lead: key(2), attempt: 0 } as FinalPayload });
    expect(lead?.commit).toBe(first);
  });
});
