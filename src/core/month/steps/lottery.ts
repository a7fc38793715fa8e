/**
 * Step "lottery" (docs/protocol.md §6.2–6.4): per attempt, the threshold-BLS beacon over the anchor block, the
 * stake-weighted lead drawn from it (failed leads excluded), and the lead's commit inside its deadline window. A lead
 * that misses its window is penalised and the next attempt applies.
 */
import { failed, failedOn, passed, type Check } from '../../check';
import { bytesToHex } from '../../bytes';
import type { NetworkName } from '../../chain/network';
import { VerifyError } from '../../errors';
import { parseInscriptionId } from '../../protocol/ids';
import { verifyLottery } from '../../protocol/lottery';
import type { FinalPayload, GenesisPayload } from '../../protocol/payloads';
import { selectLead } from '../../protocol/selection';
import type { MessageRecord } from '../records';
import type { StepResult } from '../step-result';
import { leadWindow } from '../timeline';
import { notEligible, type Eligibility } from './eligibility';
import type { VerifiedBlock } from './headers';

export interface Attempt {
  attempt: number;
  lead: string;
  randomness: string;
  /** The lead's commit, when it made its window. */
  commit?: MessageRecord<'commit'>;
  window: { from: number; to: number };
}

export interface LotteryResult {
  attempts: Attempt[];
  /** The attempt whose lead committed in time. */
  accepted?: Attempt;
  /** Leads that missed their deadline (penalised). */
  missed: string[];
  /** The month is still running: the open attempt's window or lottery is above the tip. */
  pending: boolean;
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

/**
 * The first lottery message for `attempt` whose anchor matches, whose BLS signature verifies and which confirmed by the
 * end of the attempt's lead window; R = SHA-256(sig). A valid signature confirmed later is listed, never used: a
 * beacon nobody could see before the deadline draws no lead, and a finished attempt cannot change afterwards.
 */
function beaconFor(
  ctx: LotteryContext, anchorBlock: VerifiedBlock, lotteries: readonly MessageRecord<'lottery'>[], attempt: number, deadline: number, checks: Check[],
): { R?: Uint8Array; late?: MessageRecord<'lottery'> } {
  let late: MessageRecord<'lottery'> | undefined;
  for (const l of lotteries.filter((x) => x.payload.attempt === attempt)) {
    try {
      const p = l.payload;
      if (p.anchor_height !== ctx.anchor || p.anchor_hash !== anchorBlock.hash) {
        throw new VerifyError('LOTTERY_ANCHOR_MISMATCH', `lottery names anchor ${p.anchor_height}:${p.anchor_hash}, the chain has ${ctx.anchor}:${anchorBlock.hash}`, { id: l.inscription.id });
      }
      const R = verifyLottery({ network: ctx.network, genesis: parseInscriptionId(ctx.genesisId), month: ctx.month, attempt, anchorHash: p.anchor_hash }, p.bls_signature, ctx.genesis.bls.group_key);
      if (l.inscription.height > deadline) {
        late ??= l;
        throw new VerifyError('LOTTERY_LATE', `confirmed at ${l.inscription.height}, after attempt ${attempt}'s window ended at ${deadline}`, { id: l.inscription.id, height: l.inscription.height, deadline });
      }
      return { R };
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      // Anyone may inscribe a lottery message: a wrong one is listed and ignored; the unique valid one decides.
      checks.push(passed('lottery', `ignored lottery ${l.inscription.id}: ${e.message}`, { id: l.inscription.id, ignored: e.code }));
    }
  }
  return late ? { late } : {};
}

/** Every attempt in turn until a lead commits in its window, the lottery is missing, or the tip is reached. */
export function drawAttempts(
  ctx: LotteryContext, lotteries: readonly MessageRecord<'lottery'>[], commits: readonly MessageRecord<'commit'>[], eligibility: Eligibility,
): { checks: Check[]; result: LotteryResult } {
  const checks: Check[] = [];
  const result: LotteryResult = { attempts: [], missed: [], pending: false };
  const anchorBlock = ctx.anchorBlock;
  if (!anchorBlock) {
    if (ctx.anchor > ctx.tipHeight) return { checks, result: { ...result, pending: true } };
    checks.push(failed('lottery', new VerifyError('LOTTERY_ANCHOR_UNVERIFIED', `the anchor block at ${ctx.anchor} did not verify`, { anchor: ctx.anchor })));
    return { checks, result };
  }
  const candidates = eligibility.eligible.map((a) => ({ key: a.key, stake: a.stake }));
  const excluded = new Set<string>();
  for (let a = 0; a < ctx.genesis.params.max_attempts; a++) {
    const span = leadWindow(ctx.genesis.params, ctx.month, a);
    const { R, late } = beaconFor(ctx, anchorBlock, lotteries, a, span.to, checks);
    if (!R) {
      if (ctx.tipHeight <= span.to) result.pending = true;
      else if (late) checks.push(failed('lottery', new VerifyError('LOTTERY_LATE', `attempt ${a}'s only valid lottery signature confirmed at ${late.inscription.height}, after its window ended at ${span.to}`, { attempt: a, window: span, id: late.inscription.id, height: late.inscription.height })));
      else checks.push(failed('lottery', new VerifyError('LOTTERY_MISSING', `no valid lottery signature for attempt ${a}, whose window ended at ${span.to}`, { attempt: a, window: span })));
      break;
    }
    let lead: string;
    try {
      const draw = selectLead(R, a, candidates, excluded);
      lead = draw.lead;
      const commit = commits.find((c) => c.signer === lead && c.payload.attempt === a && c.inscription.height >= span.from && c.inscription.height <= span.to);
      const attempt: Attempt = { attempt: a, lead, randomness: bytesToHex(R), window: span, ...(commit ? { commit } : {}) };
      result.attempts.push(attempt);
      const ev = { attempt: a, randomness: bytesToHex(R), lead, r: draw.r.toString(), totalStake: draw.total.toString(), window: span };
      if (commit) {
        result.accepted = attempt;
        checks.push(passed('lottery', `attempt ${a}: lead ${lead} drawn and committed at ${commit.inscription.height} (window ${span.from}–${span.to})`, { ...ev, commit: commit.inscription.id, height: commit.inscription.height }));
        break;
      }
      if (ctx.tipHeight <= span.to) {
        result.pending = true;
        checks.push(passed('lottery', `attempt ${a}: lead ${lead} drawn; its window runs to ${span.to}`, ev));
        break;
      }
      result.missed.push(lead);
      excluded.add(lead);
      checks.push(passed('lottery', `attempt ${a}: lead ${lead} missed its window ${span.from}–${span.to} (penalised; next attempt)`, { ...ev, missed: true }));
    } catch (e) {
      checks.push(failedOn('lottery', e));
      break;
    }
  }
  return { checks, result };
}

/**
 * The attempt the round proceeds with: the lottery's accepted attempt or — when the lottery gives none but a final
 * names a lead whose commit exists — the final's claim. The claim is followed only so the later steps still show what
 * else is wrong with the month; the lottery step has then failed (LOTTERY_WRONG_LEAD).
 */
export interface RoundLead {
  attempt: number;
  lead: string;
  commit: MessageRecord<'commit'>;
  from: 'lottery' | 'final';
}

export interface LotteryValue {
  lottery: LotteryResult;
  lead?: RoundLead;
}

export interface LotteryInput extends LotteryContext {
  lotteries: readonly MessageRecord<'lottery'>[];
  commits: readonly MessageRecord<'commit'>[];
  eligibility: Eligibility;
  /** The month's final, whose claim is followed when the lottery gives no lead. */
  final?: FinalPayload;
}

export function verifyLotteryAttempts(input: LotteryInput): StepResult<LotteryValue> {
  const { checks, result } = drawAttempts(input, input.lotteries, input.commits, input.eligibility);
  const accepted = result.accepted;
  if (accepted?.commit) return { checks, value: { lottery: result, lead: { attempt: accepted.attempt, lead: accepted.lead, commit: accepted.commit, from: 'lottery' } } };
  const claim = input.final && finalClaim(input.final, input.commits);
  if (claim) {
    if (!input.eligibility.eligible.some((a) => a.key === claim.lead)) checks.push(failed('lottery', notEligible(input.eligibility, claim.lead, 'the final\'s lead')));
    checks.push(failed('lottery', new VerifyError('LOTTERY_WRONG_LEAD', `the final's lead ${claim.lead} (attempt ${claim.attempt}) is not the lottery's; later steps follow the final's claim`, { lead: claim.lead, attempt: claim.attempt })));
    return { checks, value: { lottery: result, lead: claim } };
  }
  return { checks, value: { lottery: result }, ...(result.pending ? { pending: 'the lottery attempt in progress has not ended' } : {}) };
}

/** The lead and attempt a final names, with that lead's commit for the attempt, if it exists. */
function finalClaim(final: FinalPayload, commits: readonly MessageRecord<'commit'>[]): RoundLead | undefined {
  const commit = commits.find((c) => c.signer === final.lead && c.payload.attempt === final.attempt);
  return commit && { attempt: final.attempt, lead: final.lead, commit, from: 'final' };
}
