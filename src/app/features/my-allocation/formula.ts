/** A depositor's allocation as the formula with their values (docs/allocation-formula.md §The month). */
import type { AllocationEvidence, DepositorInputs as Inputs } from '../../../core/month/report';
import { t } from '../../i18n';
import { formatAmount } from '../../lib/format';

/** The formula with the depositor's values: new = previous + deposit + share (+ R on the reserve row), or 0. */
export function formulaText(a: AllocationEvidence, i: Inputs): string {
  const total = formatAmount(a.allocation);
  if (!i.alive) return t('alloc.formula.deceased', { total });
  const terms = [i.previous, i.deposit, i.share, ...(i.reserve ? [i.R] : [])].map((x) => formatAmount(x));
  const names = i.reserve ? t('alloc.formula.namesReserve') : t('alloc.formula.names');
  return `${t('alloc.formula.new')} = ${names} = ${terms.join(' + ')} = ${total}`;
}
