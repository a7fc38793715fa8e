/**
 * Step "agreement" (docs/protocol.md §6.7, §8): the final confirms after the reveal and by the month end; the lead's
 * package is valid, the final names the round's lead, attempt and root, and a super-majority of the revealed
 * secondaries (`agree·den ≥ num·revealed`) carry the lead's root. The proofs step re-applies `superMajority` to the
 * agreement its invalid packages leave. Quick depth: the final carries the lead package's root.
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
  /** Secondaries whose package is valid and carries the lead's root, in race order. */
  agreeing: OpenedPackage[];
  disagreeing: OpenedPackage[];
  /** Counted secondaries whose package opened (valid or invalid). */
  revealed: number;
}

export function agreementOf(packages: readonly OpenedPackage[]): Agreement {
  const lead = packages.find((p) => p.entry.status === 'lead');
  const secondaries = packages.filter((p) => p.entry.status === 'counted').sort((a, b) => (a.entry.rank ?? 0) - (b.entry.rank ?? 0));
  const root = lead?.pkg?.newRoot;
  const agreeing = secondaries.filter((p) => p.status === 'valid' && p.pkg.newRoot === root);
  const disagreeing = secondaries.filter((p) => p.status === 'valid' && p.pkg.newRoot !== root);
  return { ...(lead ? { lead } : {}), agreeing, disagreeing, revealed: secondaries.filter((p) => p.status === 'valid' || p.status === 'invalid').length };
}

/** `agree·den ≥ num·revealed`, RACE_NO_AGREEMENT otherwise. */
export function superMajority(a: Agreement, f: Fraction): Check {
  const ev = { agree: a.agreeing.length, revealed: a.revealed, threshold: `${f.num}/${f.den}` };
  if (a.agreeing.length * f.den >= f.num * a.revealed) return passed('agreement', `${a.agreeing.length} of ${a.revealed} revealed secondaries agree (needs ${f.num}/${f.den})`, ev);
  return failed('agreement', new VerifyError('RACE_NO_AGREEMENT', `${a.agreeing.length} of ${a.revealed} revealed secondaries agree; ${f.num}/${f.den} needed`, ev));
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

/** Full depth: the final against the round's lead and the revealed packages. */
export function agreementWithFinal(packages: readonly OpenedPackage[], accepted: Pick<RoundLead, 'lead' | 'attempt'>, final: FinalPayload, f: Fraction): { checks: Check[]; agreement: Agreement } {
  const checks: Check[] = [];
  const agreement = agreementOf(packages);
  if (final.lead !== accepted.lead || final.attempt !== accepted.attempt) {
    checks.push(failed('agreement', new VerifyError('AGREEMENT_WRONG_LEAD', `the final names lead ${final.lead} (attempt ${final.attempt}); the lottery gives ${accepted.lead} (attempt ${accepted.attempt})`, { final: { lead: final.lead, attempt: final.attempt }, lottery: { lead: accepted.lead, attempt: accepted.attempt } })));
  }
  const lead = agreement.lead;
  if (!lead || lead.status !== 'valid') {
    checks.push(failed('agreement', new VerifyError('AGREEMENT_LEAD_INVALID', `the lead's package is ${lead?.status ?? 'not revealed'}${lead?.reason ? `: ${lead.reason}` : ''}`, { lead: accepted.lead })));
    return { checks, agreement };
  }
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
  const agreement: Agreement = { lead, agreeing: [], disagreeing: [], revealed: 0 };
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
  const { checks, agreement } = agreementWithFinal(reveal.packages, input.lead, final.payload, input.superMajority);
  return { checks: [timing, ...checks], value: agreement };
}
