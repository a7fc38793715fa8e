/**
 * Step "agreement" (docs/protocol.md §6.7, §8): the final confirms after the reveal and by the month end, names the
 * accepted attempt's lead and attempt and the lead package's root, and a super-majority of the counted secondaries —
 * all of them, whatever their packages — agree: `agreeing·den ≥ num·counted`, so nobody agreeing never passes.
 * Quick depth: the final carries the lead package's root.
 */
import { failed, passed, type Check } from '../../check';
import { VerifyError } from '../../errors';
import type { FinalPayload, Fraction } from '../../protocol/payloads';
import { chainOrder, type MessageRecord } from '../records';
import type { Depth } from '../report';
import type { StepResult } from '../step-result';
import type { RoundLead } from './lottery';
import type { OpenedPackage, RevealResult } from './reveal';

export interface Agreement {
  lead?: OpenedPackage;
  /** Secondaries whose package is valid, carries the lead's root and passed every check of §6.7, in race order. */
  agreeing: OpenedPackage[];
  /** Secondaries whose package is `valid` with another root (their proofs are not checked). */
  disagreeing: OpenedPackage[];
  /** Every counted secondary, whatever its package: the super-majority's denominator. */
  counted: number;
  /** Counted secondaries whose package opened (valid or invalid): the ranking's agreement rate. */
  revealed: number;
}

/** The agreement among an attempt's revealed packages, without those `invalid` (their proof checks failed). */
export function agreementOf(packages: readonly OpenedPackage[], invalid: ReadonlyMap<OpenedPackage, unknown> = new Map()): Agreement {
  const lead = packages.find((p) => p.entry.status === 'lead');
  const secondaries = packages.filter((p) => p.entry.status === 'counted').sort((a, b) => (a.entry.rank ?? 0) - (b.entry.rank ?? 0));
  const root = lead?.pkg?.newRoot;
  const agreeing = secondaries.filter((p) => p.status === 'valid' && p.pkg.newRoot === root && !invalid.has(p));
  const disagreeing = secondaries.filter((p) => p.status === 'valid' && p.pkg.newRoot !== root);
  return {
    ...(lead ? { lead } : {}), agreeing, disagreeing, counted: secondaries.length,
    revealed: secondaries.filter((p) => p.status === 'valid' || p.status === 'invalid').length,
  };
}

/** `agreeing·den ≥ num·counted`, RACE_NO_AGREEMENT otherwise (§6.7). */
export function superMajority(a: Agreement, f: Fraction): Check {
  const ev = { agree: a.agreeing.length, counted: a.counted, threshold: `${f.num}/${f.den}` };
  if (a.agreeing.length * f.den >= f.num * a.counted) return passed('agreement', `${a.agreeing.length} of ${a.counted} counted secondaries agree (needs ${f.num}/${f.den})`, ev);
  return failed('agreement', new VerifyError('RACE_NO_AGREEMENT', `${a.agreeing.length} of ${a.counted} counted secondaries agree; ${f.num}/${f.den} needed`, ev));
}

/** The final's place in time (§8): after the reveal it rests on in chain order, and no later than the month end. */
export function verifyFinalTiming(final: MessageRecord<'final'>, reveal: MessageRecord<'reveal'>, monthEndHeight: number): Check {
  const f = final.inscription;
  const r = reveal.inscription;
  const ev = { final: f.id, height: f.height, position: f.position, reveal: r.id, revealHeight: r.height, revealPosition: r.position, monthEnd: monthEndHeight };
  if (chainOrder(f, r) < 0) {
    return failed('agreement', new VerifyError('AGREEMENT_FINAL_EARLY', `the final (height ${f.height}, position ${f.position}) precedes the reveal it rests on (height ${r.height}, position ${r.position})`, ev));
  }
  if (f.height > monthEndHeight) {
    return failed('agreement', new VerifyError('AGREEMENT_FINAL_LATE', `the final confirmed at ${f.height}, after the month ended at ${monthEndHeight}`, ev));
  }
  return passed('agreement', `the final confirmed at ${f.height}, after the reveal (${r.height}) and by the month end ${monthEndHeight}`, ev);
}

/**
 * Full depth: the final against the round's lead and the revealed packages (`invalid`: those whose proof checks
 * failed). A lead whose package is not valid was reported by the lottery step, which found the attempt failed.
 */
export function agreementWithFinal(
  packages: readonly OpenedPackage[], accepted: Pick<RoundLead, 'lead' | 'attempt'>, final: FinalPayload, f: Fraction, invalid: ReadonlyMap<OpenedPackage, unknown> = new Map(),
): { checks: Check[]; agreement: Agreement } {
  const checks: Check[] = [];
  const agreement = agreementOf(packages, invalid);
  if (final.lead !== accepted.lead || final.attempt !== accepted.attempt) {
    checks.push(failed('agreement', new VerifyError('AGREEMENT_WRONG_LEAD', `the final names lead ${final.lead} (attempt ${final.attempt}); the attempts give ${accepted.lead} (attempt ${accepted.attempt})`, { final: { lead: final.lead, attempt: final.attempt }, lottery: { lead: accepted.lead, attempt: accepted.attempt } })));
  }
  const lead = agreement.lead;
  if (!lead || lead.status !== 'valid' || invalid.has(lead)) return { checks, agreement };
  if (lead.pkg.newRoot !== final.root) {
    checks.push(failed('agreement', new VerifyError('AGREEMENT_ROOT_MISMATCH', 'the final\'s root is not the lead package\'s new root', { final: final.root, lead: lead.pkg.newRoot })));
  } else {
    checks.push(passed('agreement', `the final carries the lead's root ${final.root}`, { root: final.root, lead: accepted.lead }));
  }
  for (const d of agreement.disagreeing) {
    checks.push(passed('agreement', `secondary ${d.entry.actuary} disagrees (root ${d.pkg?.newRoot})`, { actuary: d.entry.actuary, root: d.pkg?.newRoot, rank: d.entry.rank }));
  }
  checks.push(superMajority(agreement, f));
  return { checks, agreement };
}

/** Quick depth: the lead's package is valid and carries the final's root (the super-majority is not checked). */
function leadAgreement(lead: OpenedPackage, final: FinalPayload): { checks: Check[]; agreement: Agreement } {
  const agreement: Agreement = { lead, agreeing: [], disagreeing: [], counted: 0, revealed: 0 };
  if (lead.status !== 'valid') return { checks: [failed('agreement', new VerifyError('AGREEMENT_LEAD_INVALID', `the lead's package is ${lead.status}: ${lead.reason}`, { lead: final.lead }))], agreement };
  if (lead.pkg.newRoot !== final.root) return { checks: [failed('agreement', new VerifyError('AGREEMENT_ROOT_MISMATCH', 'the final\'s root is not the lead package\'s new root', { final: final.root, lead: lead.pkg.newRoot }))], agreement };
  return { checks: [passed('agreement', `the final carries the lead's root ${final.root} (super-majority not checked in quick mode)`, { root: final.root })], agreement };
}

export interface AgreementInput {
  depth: Depth;
  final?: MessageRecord<'final'>;
  reveal?: RevealResult;
  /** The round's lead (full depth). */
  lead?: RoundLead;
  /** Packages of the round whose proof checks failed (full depth). */
  invalid?: ReadonlyMap<OpenedPackage, unknown>;
  monthEnd: number;
  superMajority: Fraction;
}

export function verifyAgreement(input: AgreementInput): StepResult<Agreement> {
  const { final, reveal } = input;
  if (!final || !reveal?.reveal) return { checks: [] };
  const timing = verifyFinalTiming(final, reveal.reveal, input.monthEnd);
  if (input.depth === 'quick') {
    const [lead] = reveal.packages;
    if (!lead) return { checks: [timing] };
    const { checks, agreement } = leadAgreement(lead, final.payload);
    return { checks: [timing, ...checks], value: agreement };
  }
  if (!input.lead) return { checks: [timing] };
  const { checks, agreement } = agreementWithFinal(reveal.packages, input.lead, final.payload, input.superMajority, input.invalid);
  return { checks: [timing, ...checks], value: agreement };
}
