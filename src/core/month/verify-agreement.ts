/**
 * Step "agreement" (docs/protocol.md §6.7): the lead's package is valid, the final names the accepted lead, attempt and
 * root, and a super-majority of the revealed secondaries (`agree·den ≥ num·revealed`) carry the lead's root.
 * Proof validity is folded in by the proofs step, which re-applies `superMajority` after invalidating packages.
 */
import { passed, failed, type Check } from '../check';
import { VerifyError } from '../errors';
import type { FinalPayload, Fraction } from '../protocol/payloads';
import type { Attempt } from './verify-lottery';
import type { OpenedPackage } from './verify-reveal';

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
  const secondaries = packages.filter((p) => p.entry.status === 'counted').sort((a, b) => a.entry.rank! - b.entry.rank!);
  const root = lead?.status === 'valid' ? lead.pkg!.newRoot : undefined;
  const agreeing = secondaries.filter((p) => p.status === 'valid' && p.pkg!.newRoot === root);
  const disagreeing = secondaries.filter((p) => p.status === 'valid' && p.pkg!.newRoot !== root);
  return { ...(lead ? { lead } : {}), agreeing, disagreeing, revealed: secondaries.filter((p) => p.status === 'valid' || p.status === 'invalid').length };
}

/** `agree·den ≥ num·revealed`, RACE_NO_AGREEMENT otherwise. */
export function superMajority(a: Agreement, f: Fraction): Check {
  const ev = { agree: a.agreeing.length, revealed: a.revealed, threshold: `${f.num}/${f.den}` };
  if (a.agreeing.length * f.den >= f.num * a.revealed) return passed('agreement', `${a.agreeing.length} of ${a.revealed} revealed secondaries agree (needs ${f.num}/${f.den})`, ev);
  return failed('agreement', new VerifyError('RACE_NO_AGREEMENT', `${a.agreeing.length} of ${a.revealed} revealed secondaries agree; ${f.num}/${f.den} needed`, ev));
}

export function verifyAgreement(packages: readonly OpenedPackage[], accepted: Attempt, final: FinalPayload, f: Fraction): { checks: Check[]; agreement: Agreement } {
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
  if (lead.pkg!.newRoot !== final.root) {
    checks.push(failed('agreement', new VerifyError('AGREEMENT_ROOT_MISMATCH', 'the final\'s root is not the lead package\'s new root', { final: final.root, lead: lead.pkg!.newRoot })));
  } else {
    checks.push(passed('agreement', `the final carries the lead's root ${final.root}`, { root: final.root, lead: accepted.lead }));
  }
  for (const d of agreement.disagreeing) {
    checks.push(passed('agreement', `secondary ${d.entry.actuary} disagrees (root ${d.pkg!.newRoot})`, { actuary: d.entry.actuary, root: d.pkg!.newRoot, rank: d.entry.rank }));
  }
  checks.push(superMajority(agreement, f));
  return { checks, agreement };
}
