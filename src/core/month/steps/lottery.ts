/**
 * Step "lottery" (docs/protocol.md §6.2–6.4): the month's attempts in turn. Per attempt: the threshold-BLS beacon over
 * the anchor block, the stake-weighted lead drawn from it (the leads of failed attempts excluded), the lead's commit in
 * the attempt's window; then the attempt's race and the group's reveal of it, which opens the lead's package, judged
 * against the month's numbers. A lead that misses its window, or whose package is not valid, fails its attempt: it is
 * penalised and the next attempt starts (at the window's end, or at the reveal). The first valid lead's attempt is the
 * month's; the final must name it. The walk stops there, or at the attempt the final names, whichever comes first.
 */
import { failed, failedOn, passed, type Check } from '../../check';
import { bytesToHex } from '../../bytes';
import type { NetworkName } from '../../chain/network';
import { VerifyError } from '../../errors';
import { parseInscriptionId } from '../../protocol/ids';
import { verifyLottery } from '../../protocol/lottery';
import type { FinalPayload, GenesisPayload, PenaltyReason } from '../../protocol/payloads';
import { selectLead } from '../../protocol/selection';
import { chainOrder, type MessageRecord } from '../records';
import type { StepResult } from '../step-result';
import { leadWindow } from '../timeline';
import { notEligible, type Eligibility } from './eligibility';
import type { VerifiedBlock } from './headers';
import { agreeingOf, type Judgement } from './proofs';
import { verifyRace, type RaceResult } from './race';
import { openCountedCommits, revealOf, type OpenedPackage, type RevealContext, type RevealResult } from './reveal';

export interface Attempt {
  attempt: number;
  lead: string;
  randomness: string;
  /** The lead window: `S_a + 1 … S_a + lead_window`. */
  window: { from: number; to: number };
  /** The lead's commit, when it made its window. */
  commit?: MessageRecord<'commit'>;
}

/** A lead whose attempt failed, and what it is penalised for (§10). */
export interface FailedLead {
  attempt: number;
  lead: string;
  reason: PenaltyReason;
}

export interface LotteryResult {
  attempts: Attempt[];
  /** The attempt whose lead committed in time with a valid package. */
  accepted?: Attempt;
  /** Leads of failed attempts, in attempt order. */
  failed: FailedLead[];
  /** The month is still running: the open attempt's window, race or reveal is above the tip. */
  pending: boolean;
}

/**
 * The attempt the month rests on: the lottery's accepted attempt, or — when the walk reaches the attempt the final
 * names without accepting it — the final's claim, followed so the later steps still show what else is wrong (the
 * lottery step has then failed).
 */
export interface RoundLead {
  attempt: number;
  lead: string;
  commit: MessageRecord<'commit'>;
  from: 'lottery' | 'final';
}

/** An attempt whose lead committed: its race, the group's reveal of it, and how its packages were judged. */
export interface Round {
  lead: RoundLead;
  race: RaceResult;
  raceChecks: Check[];
  reveal: RevealResult;
  revealChecks: Check[];
  /** The lead's package, when the reveal opened it. */
  leadPackage?: OpenedPackage;
  /** Why the lead's package is not valid (§6.7). */
  fault?: VerifyError;
  /** How the lead's and the agreeing packages fared against the month's numbers (absent when they could not be judged). */
  judgement?: Judgement;
}

export interface LotteryContext {
  network: NetworkName;
  genesisId: string;
  month: number;
  genesis: GenesisPayload;
  anchor: number;
  anchorBlock: VerifiedBlock | undefined;
  tipHeight: number;
}

export interface LotteryInput extends LotteryContext {
  lotteries: readonly MessageRecord<'lottery'>[];
  commits: readonly MessageRecord<'commit'>[];
  /** The group's reveals of the month, in chain order. */
  reveals: readonly MessageRecord<'reveal'>[];
  /** Later copies' ids → their message's earliest copy (§2.5). */
  copies: ReadonlyMap<string, string>;
  eligibility: Eligibility;
  /** The month's final, whose claim is followed when the walk does not accept it. */
  final?: FinalPayload;
  /** Judges a lead's package and its agreeing secondaries against the month's numbers (absent: not available). */
  judge?: (lead: OpenedPackage, agreeing: readonly OpenedPackage[]) => Promise<Judgement>;
  /** How an attempt whose lead committed is evaluated (default `roundOf`; tests give rounds as plain data). */
  evaluate?: RoundEvaluator;
}

/** An attempt's round once its race and reveal are over, or why it is still open. */
export type RoundEvaluator = (lead: RoundLead) => Promise<{ round?: Round; pending?: string }> | { round?: Round; pending?: string };

export interface LotteryValue {
  lottery: LotteryResult;
  lead?: RoundLead;
  round?: Round;
}

/**
 * The first lottery message for `attempt` whose anchor matches, whose BLS signature verifies and which confirmed by the
 * end of the attempt's lead window; R = SHA-256(sig). A valid signature confirmed later is listed, never used: a
 * beacon nobody could see before the deadline draws no lead, and a finished attempt cannot change afterwards. Every
 * other lottery message of the attempt, before or after the deciding one, is listed as ignored with its reason
 * (docs/protocol.md §2.5); a second valid one is the same signature (threshold BLS is unique) and changes nothing.
 */
function beaconFor(
  ctx: LotteryContext, anchorBlock: VerifiedBlock, lotteries: readonly MessageRecord<'lottery'>[], attempt: number, deadline: number, checks: Check[],
): { R?: Uint8Array; late?: MessageRecord<'lottery'> } {
  let late: MessageRecord<'lottery'> | undefined;
  let R: Uint8Array | undefined;
  for (const l of lotteries.filter((x) => x.payload.attempt === attempt)) {
    try {
      const p = l.payload;
      if (p.anchor_height !== ctx.anchor || p.anchor_hash !== anchorBlock.hash) {
        throw new VerifyError('LOTTERY_ANCHOR_MISMATCH', `lottery names anchor ${p.anchor_height}:${p.anchor_hash}, the chain has ${ctx.anchor}:${anchorBlock.hash}`, { id: l.inscription.id });
      }
      const r = verifyLottery({ network: ctx.network, genesis: parseInscriptionId(ctx.genesisId), month: ctx.month, attempt, anchorHash: p.anchor_hash }, p.bls_signature, ctx.genesis.bls.group_key);
      if (l.inscription.height > deadline) {
        if (!R) late ??= l;
        throw new VerifyError('LOTTERY_LATE', `confirmed at ${l.inscription.height}, after attempt ${attempt}'s window ended at ${deadline}`, { id: l.inscription.id, height: l.inscription.height, deadline });
      }
      R ??= r;
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      // Anyone may inscribe a lottery message: a wrong one is listed and ignored; the unique valid one decides.
      checks.push(passed('lottery', `ignored lottery ${l.inscription.id}: ${e.message}`, { id: l.inscription.id, ignored: e.code }));
    }
  }
  if (R) return { R };
  return late ? { late } : {};
}

/** The penalty of a lead whose package is not valid (§10): copied, unopenable, else invalid. */
function penaltyOfLead(pkg: OpenedPackage | undefined): PenaltyReason {
  if (pkg?.status === 'copied') return 'copied_package';
  if (pkg?.status === 'unopenable') return 'unopenable';
  return 'invalid_package';
}

/**
 * Why a lead's package is not valid: its status (AGREEMENT_LEAD_INVALID, with the reason), or the first failing check
 * of §6.7 (PROOF_*, TABLE_HASH_MISMATCH); undefined when it is valid.
 */
function leadFault(pkg: OpenedPackage, judgement: Judgement | undefined): VerifyError | undefined {
  if (pkg.status !== 'valid') {
    return new VerifyError('AGREEMENT_LEAD_INVALID', `the lead's package is ${pkg.status}: ${pkg.reason}`, { lead: pkg.entry.actuary, status: pkg.status, reason: pkg.reason.split(':')[0] });
  }
  return judgement?.invalid.get(pkg);
}

/** An attempt's round: its race; once the race is over, the attempt's reveal and the lead's package, judged. */
export async function roundOf(input: LotteryInput, context: RevealContext, lead: RoundLead): Promise<{ round?: Round; pending?: string }> {
  const { checks: raceChecks, value: race } = verifyRace({ params: input.genesis.params, lead, commits: input.commits, eligibility: input.eligibility, tipHeight: input.tipHeight });
  if (race.pending || input.tipHeight <= race.window.to) return { pending: `attempt ${lead.attempt}'s race window runs to ${race.window.to}` };
  const { checks: revealChecks, result: reveal } = openCountedCommits(context, revealOf(input.reveals, lead.attempt), race, input.eligibility, input.copies);
  if (reveal.pending) return { pending: `the reveal window of attempt ${lead.attempt} has not ended` };
  const round: Round = { lead, race, raceChecks, reveal, revealChecks };
  const leadPackage = reveal.packages.find((p) => p.entry.status === 'lead');
  if (!leadPackage) return { round };
  round.leadPackage = leadPackage;
  if (leadPackage.status === 'valid' && input.judge) round.judgement = await input.judge(leadPackage, agreeingOf(round));
  const fault = leadFault(leadPackage, round.judgement);
  if (fault) round.fault = fault;
  return { round };
}

/** The month's attempts, walked as §6.4 says, until one is accepted, the final's attempt is reached, or the month is pending. */
export async function verifyLotteryAttempts(input: LotteryInput, context: RevealContext): Promise<StepResult<LotteryValue>> {
  const checks: Check[] = [];
  const result: LotteryResult = { attempts: [], failed: [], pending: false };
  const anchorBlock = input.anchorBlock;
  if (!anchorBlock) {
    if (input.anchor > input.tipHeight) return { checks, value: { lottery: { ...result, pending: true } }, pending: `the anchor ${input.anchor} is above the tip` };
    checks.push(failed('lottery', new VerifyError('LOTTERY_ANCHOR_UNVERIFIED', `the anchor block at ${input.anchor} did not verify`, { anchor: input.anchor })));
    return { checks, value: { lottery: result } };
  }
  const { final } = input;
  const evaluate: RoundEvaluator = input.evaluate ?? ((lead) => roundOf(input, context, lead));
  const candidates = input.eligibility.eligible.map((a) => ({ key: a.key, stake: a.stake }));
  const excluded = new Set<string>();
  let start = input.anchor;
  let pending: string | undefined;
  for (let a = 0; a < input.genesis.params.max_attempts; a++) {
    const span = leadWindow(input.genesis.params, start);
    const { R, late } = beaconFor(input, anchorBlock, input.lotteries, a, span.to, checks);
    if (!R) {
      if (input.tipHeight <= span.to) pending = `attempt ${a}'s lottery window runs to ${span.to}`;
      else if (late) checks.push(failed('lottery', new VerifyError('LOTTERY_LATE', `attempt ${a}'s only valid lottery signature confirmed at ${late.inscription.height}, after its window ended at ${span.to}`, { attempt: a, window: span, id: late.inscription.id, height: late.inscription.height })));
      else checks.push(failed('lottery', new VerifyError('LOTTERY_MISSING', `no valid lottery signature for attempt ${a}, whose window ended at ${span.to}`, { attempt: a, window: span })));
      break;
    }
    let draw;
    try {
      draw = selectLead(R, a, candidates, excluded);
    } catch (e) {
      checks.push(failedOn('lottery', e));
      break;
    }
    const lead = draw.lead;
    const commit = input.commits.filter((c) => c.signer === lead && c.payload.attempt === a && c.inscription.height >= span.from && c.inscription.height <= span.to)
      .sort((x, y) => chainOrder(x.inscription, y.inscription))[0];
    const attempt: Attempt = { attempt: a, lead, randomness: bytesToHex(R), window: span, ...(commit ? { commit } : {}) };
    result.attempts.push(attempt);
    const ev = { attempt: a, randomness: bytesToHex(R), lead, r: draw.r.toString(), totalStake: draw.total.toString(), window: span };
    const named = final?.attempt === a;
    if (!commit) {
      if (input.tipHeight <= span.to) {
        pending = `attempt ${a}'s lead window runs to ${span.to}`;
        checks.push(passed('lottery', `attempt ${a}: lead ${lead} drawn; its window runs to ${span.to}`, ev));
        break;
      }
      result.failed.push({ attempt: a, lead, reason: 'missed_deadline' });
      excluded.add(lead);
      checks.push(passed('lottery', `attempt ${a}: lead ${lead} missed its window ${span.from}–${span.to} (penalised; next attempt)`, { ...ev, missed: true }));
      if (named) break;
      start = span.to;
      continue;
    }
    const roundLead: RoundLead = { attempt: a, lead, commit, from: 'lottery' };
    const { round, pending: open } = await evaluate(roundLead);
    if (!round) {
      pending = open;
      checks.push(passed('lottery', `attempt ${a}: lead ${lead} drawn and committed at ${commit.inscription.height}; ${open}`, { ...ev, commit: commit.inscription.id }));
      break;
    }
    // A fault of the program found while judging (the program and the circuit disagree) is the month's, reported at once.
    checks.push(...(round.judgement?.programFaults ?? []).map((e) => failed('proofs', e)));
    if (!round.leadPackage) {
      // The group's reveal of this attempt is missing or does not open the lead's commit: the reveal step says why.
      return { checks, value: { lottery: result, lead: roundLead, round } };
    }
    if (!round.fault) {
      result.accepted = attempt;
      checks.push(passed('lottery', `attempt ${a}: lead ${lead} drawn and committed at ${commit.inscription.height} (window ${span.from}–${span.to}); its package is valid`, { ...ev, commit: commit.inscription.id, height: commit.inscription.height }));
      return { checks, value: { lottery: result, lead: roundLead, round } };
    }
    // The lead's package is not valid: the attempt failed at its reveal (the group's faults in that reveal still count).
    const hR = round.reveal.reveal!.inscription.height;
    const reason = penaltyOfLead(round.leadPackage);
    result.failed.push({ attempt: a, lead, reason });
    excluded.add(lead);
    checks.push(passed('lottery', `attempt ${a}: lead ${lead}'s package is not valid (${round.fault.code}: ${round.fault.message}); the attempt failed at the reveal, height ${hR} (penalised ${reason}; next attempt)`, {
      ...ev, commit: commit.inscription.id, invalid: round.fault.code, reveal: round.reveal.reveal!.inscription.id, revealHeight: hR,
    }));
    if (named && final?.lead === lead) {
      // The group finalised a lead the protocol replaces: the month rests on that claim, and fails with the reason.
      checks.push(failed(round.fault.code === 'AGREEMENT_LEAD_INVALID' ? 'agreement' : 'proofs', new VerifyError(round.fault.code, `the final names attempt ${a}'s lead, whose package is not valid: ${round.fault.message}`, { ...round.fault.evidence, attempt: a, lead })));
      return { checks, value: { lottery: result, lead: { ...roundLead, from: 'final' }, round } };
    }
    if (named) break;
    // The month goes on from this failed attempt: the group's faults in its reveal still count.
    checks.push(...round.revealChecks.filter((c) => !c.ok));
    start = hR;
  }
  result.pending = pending !== undefined;
  if (pending === undefined && final) {
    const claim = finalClaim(final, input.commits);
    if (claim) {
      if (!input.eligibility.eligible.some((x) => x.key === claim.lead)) checks.push(failed('lottery', notEligible(input.eligibility, claim.lead, 'the final\'s lead')));
      checks.push(failed('lottery', new VerifyError('LOTTERY_WRONG_LEAD', `the final's lead ${claim.lead} (attempt ${claim.attempt}) is not the one the attempts give; later steps follow the final's claim`, { lead: claim.lead, attempt: claim.attempt })));
      const { round } = await evaluate(claim);
      return { checks, value: { lottery: result, lead: claim, ...(round ? { round } : {}) } };
    }
  }
  return { checks, value: { lottery: result }, ...(pending !== undefined ? { pending } : {}) };
}

/** The lead and attempt a final names, with that lead's first commit for the attempt, if it exists. */
function finalClaim(final: FinalPayload, commits: readonly MessageRecord<'commit'>[]): RoundLead | undefined {
  const commit = commits.filter((c) => c.signer === final.lead && c.payload.attempt === final.attempt).sort((x, y) => chainOrder(x.inscription, y.inscription))[0];
  return commit && { attempt: final.attempt, lead: final.lead, commit, from: 'final' };
}
