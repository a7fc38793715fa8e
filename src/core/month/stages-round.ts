/** Pipeline stages of the round: eligibility, lottery, race, reveal, agreement (quick mode opens only the lead's package). */
import { passed, failed, type Check } from '../check';
import { VerifyError } from '../errors';
import { ofType } from './verify-messages';
import { notEligible, verifyEligibility } from './verify-eligibility';
import { verifyLotteryAttempts } from './verify-lottery';
import { verifyRace } from './verify-race';
import { openCommit, verifyReveal, type RevealContext } from './verify-reveal';
import { verifyAgreement } from './verify-agreement';
import { verifyFinalTiming } from './verify-final-timing';
import { monthEnd } from './timeline';
import type { MonthState } from './state';

export function stageEligibility(s: MonthState): Check[] {
  if (!s.messages || !s.genesis || s.opts.depth === 'quick') return [];
  if (s.anchor! > s.src!.tipHeight) {
    s.pending = true;
    s.pendingReason = `the month's anchor height ${s.anchor} is above the tip ${s.src!.tipHeight}`;
    return [];
  }
  const { checks, eligibility } = verifyEligibility(ofType(s.messages.setup, 'register'), s.src!.stakes, s.anchor!, s.genesis.params.min_stake);
  s.eligibility = eligibility;
  return checks;
}

export function stageLottery(s: MonthState): Check[] {
  if (!s.eligibility || !s.genesis) return [];
  const o = s.opts;
  const { checks, result } = verifyLotteryAttempts(
    { network: o.network, genesisId: o.genesisId, month: o.month, genesis: s.genesis, anchor: s.anchor!, anchorBlock: s.blocks.get(s.anchor!), tipHeight: s.src!.tipHeight },
    ofType(s.messages!.current, 'lottery'), ofType(s.messages!.current, 'commit'), s.eligibility,
  );
  s.lottery = result;
  const final = s.final?.payload;
  if (!result.accepted && final) {
    // The lottery does not give the final's lead (a failed check above). Follow the final's claim so the later steps
    // still show what else is wrong with the month (e.g. an ineligible actuary counted in the race).
    const commit = ofType(s.messages!.current, 'commit').find((c) => c.signer === final.lead && c.payload.attempt === final.attempt);
    if (commit) {
      result.accepted = { attempt: final.attempt, lead: final.lead, randomness: '', commit, window: { from: commit.inscription.height, to: commit.inscription.height } };
      result.pending = false;
      if (!s.eligibility!.eligible.some((a) => a.key === final.lead)) checks.push(failed('lottery', notEligible(s.eligibility!, final.lead, 'the final\'s lead')));
      checks.push(failed('lottery', new VerifyError('LOTTERY_WRONG_LEAD', `the final's lead ${final.lead} (attempt ${final.attempt}) is not the lottery's; later steps follow the final's claim`, { lead: final.lead, attempt: final.attempt })));
    }
  }
  if (result.pending) {
    s.pending = true;
    s.pendingReason ??= 'the lottery attempt in progress has not ended';
  }
  return checks;
}

export function stageRace(s: MonthState): Check[] {
  const accepted = s.lottery?.accepted;
  if (!accepted) return [];
  const { checks, race } = verifyRace(s.genesis!.params, accepted, ofType(s.messages!.current, 'commit'), s.eligibility!, s.src!.tipHeight);
  s.race = race;
  if (race.pending) {
    s.pending = true;
    const raceSpan = race.window;
    s.pendingReason ??= `the race window runs to ${raceSpan.to}`;
  }
  return checks;
}

function revealContext(s: MonthState): RevealContext {
  const o = s.opts;
  return { network: o.network, genesisId: o.genesisId, month: o.month, params: s.genesis!.params, paillierN: BigInt('0x' + s.genesis!.paillier.n), paillier: s.genesis!.paillier, tipHeight: s.src!.tipHeight };
}

export function stageReveal(s: MonthState): Check[] {
  if (!s.genesis || !s.messages) return [];
  const reveals = ofType(s.messages.current, 'reveal');
  if (s.opts.depth === 'quick') {
    const final = s.final;
    const reveal = reveals[0];
    if (!final) return [];
    // A group-signed final without a reveal cannot be checked against any proof: never verified in quick mode either.
    if (!reveal) return [failed('reveal', new VerifyError('REVEAL_MISSING', 'the month has a final but no reveal, so the lead\'s package and proofs cannot be opened', { final: final.inscription.id }))];
    const commits = ofType(s.messages.current, 'commit');
    const key = reveal.payload.keys.find((k) => commits.some((c) => c.inscription.id === k.commit && c.signer === final.payload.lead));
    const commit = key && commits.find((c) => c.inscription.id === key.commit);
    if (!key || !commit) return [failed('reveal', new VerifyError('REVEAL_KEY_MISSING', 'the reveal has no key for a commit by the final\'s lead', { lead: final.payload.lead }))];
    try {
      const opened = openCommit(revealContext(s), { commit, actuary: commit.signer, status: 'lead' }, key.key, [], reveal.payload.disputes?.find((d) => d.commit === key.commit));
      s.reveal = { reveal, packages: [opened], pending: false };
      return [passed('reveal', `the lead's package: ${opened.status}`, { commit: commit.inscription.id, actuary: commit.signer, status: opened.status })];
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      return [failed('reveal', e)];
    }
  }
  if (!s.race || s.race.pending) return [];
  const { checks, result } = verifyReveal(revealContext(s), reveals, s.race, s.eligibility!);
  s.reveal = result;
  if (result.pending) {
    s.pending = true;
    s.pendingReason ??= 'the reveal window has not ended';
  }
  return checks;
}

export function stageAgreement(s: MonthState): Check[] {
  const final = s.final?.payload;
  if (!final || !s.reveal?.reveal) return [];
  const timing = verifyFinalTiming(s.final!, s.reveal.reveal, monthEnd(s.genesis!.params, s.opts.month));
  if (s.opts.depth === 'quick') {
    const lead = s.reveal.packages[0]!;
    s.agreement = { lead, agreeing: [], disagreeing: [], revealed: 0 };
    if (lead.status !== 'valid') return [timing, failed('agreement', new VerifyError('AGREEMENT_LEAD_INVALID', `the lead's package is ${lead.status}: ${lead.reason ?? ''}`, { lead: final.lead }))];
    if (lead.pkg!.newRoot !== final.root) return [timing, failed('agreement', new VerifyError('AGREEMENT_ROOT_MISMATCH', 'the final\'s root is not the lead package\'s new root', { final: final.root, lead: lead.pkg!.newRoot }))];
    return [timing, passed('agreement', `the final carries the lead's root ${final.root} (super-majority not checked in quick mode)`, { root: final.root })];
  }
  if (!s.lottery?.accepted) return [timing];
  const { checks, agreement } = verifyAgreement(s.reveal.packages, s.lottery.accepted, final, s.genesis!.params.super_majority);
  s.agreement = agreement;
  return [timing, ...checks];
}

