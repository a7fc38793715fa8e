/**
 * How a depositor's allocation follows from their inputs: last month's allocation, the alive flag, the deposit, the
 * mortality rate used, their weight and share of the month's forfeitures, each with a plain sentence and the proof it
 * rests on, then the formula with their values (docs/allocation-formula.md).
 */
import type { AllocationEvidence, DepositorInputs as Inputs } from '../../../core/month/report';
import { t } from '../../i18n';
import { formatAmount } from '../../lib/format';
import { TableScroll } from '../../components/ui/TableScroll';
import { formulaText } from './formula';

/** Q: rates are parts per billion a month. */
const Q = 1_000_000_000;

function ratePercent(q: number): string {
  return `${((q / Q) * 100).toFixed(q >= Q / 100 ? 2 : 4)} %`;
}

interface Row {
  name: string;
  value: string;
  means: string;
  restsOn: string;
}

function rows(month: number, a: AllocationEvidence, i: Inputs): Row[] {
  const prev = month - 1;
  const list: Row[] = [
    {
      name: t('alloc.in.previous'),
      value: t('alloc.dreybits', { amount: formatAmount(i.previous) }),
      means: i.isNew ? t('alloc.in.previous.new', { month }) : t('alloc.in.previous.means', { month: prev }),
      restsOn: i.isNew ? t('alloc.in.previous.newRests') : t('alloc.in.previous.rests', { month: prev, batch: a.batchIndex }),
    },
    {
      name: t('alloc.in.alive'),
      value: i.alive ? t('common.yes') : t('common.no'),
      means: i.alive ? t('alloc.in.alive.yes') : t('alloc.in.alive.no'),
      restsOn: t('alloc.in.inputsRests', { batch: a.batchIndex }),
    },
    {
      name: t('alloc.in.deposit'),
      value: t('alloc.dreybits', { amount: formatAmount(i.deposit) }),
      means: t('alloc.in.deposit.means'),
      restsOn: t('alloc.in.inputsRests', { batch: a.batchIndex }),
    },
    {
      name: t('alloc.in.rate'),
      value: t('alloc.in.rate.value', { percent: ratePercent(i.q), ppb: formatAmount(i.q) }),
      means: i.reserve ? t('alloc.in.rate.reserve') : i.age === null ? t('alloc.in.rate.means') : t('alloc.in.rate.meansAge', { age: i.age }),
      restsOn: t('alloc.in.rate.rests', { batch: a.batchIndex }),
    },
    {
      name: t('alloc.in.weight'),
      value: i.alive ? `⌊${formatAmount(i.previous)} × ${formatAmount(i.q)} / (${formatAmount(Q)} − ${formatAmount(i.q)})⌋ = ${formatAmount(i.weight)}` : '0',
      means: t('alloc.in.weight.means'),
      restsOn: t('alloc.in.provenRests', { batch: a.batchIndex }),
    },
    {
      name: t('alloc.in.share'),
      value: i.alive && i.W !== '0' ? `⌊${formatAmount(i.F)} × ${formatAmount(i.weight)} / ${formatAmount(i.W)}⌋ = ${formatAmount(i.share)}` : '0',
      means: t('alloc.in.share.means', { F: formatAmount(i.F), W: formatAmount(i.W) }),
      restsOn: t('alloc.in.share.rests'),
    },
  ];
  return list;
}

export function DepositorInputs({ month, allocation }: { month: number; allocation: AllocationEvidence }) {
  const inputs = allocation.inputs;
  if (!inputs) return null;
  const caption = t('alloc.in.caption');
  return (
    <div className="depositor-inputs">
      <TableScroll label={caption}>
        <table className="data inputs-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alloc.in.input')}</th>
              <th scope="col">{t('alloc.in.value')}</th>
              <th scope="col">{t('alloc.in.means')}</th>
              <th scope="col">{t('alloc.in.restsOn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows(month, allocation, inputs).map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td className="mono">{r.value}</td>
                <td data-label={t('alloc.in.means')}>{r.means}</td>
                <td className="muted" data-label={t('alloc.in.restsOn')}>{r.restsOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="formula">
        <strong>{t('alloc.formula.heading')}</strong>{' '}
        <span className="mono" data-testid="formula">{formulaText(allocation, inputs)}</span>
      </p>
      <p className="help">{t('alloc.formula.proven', { batch: allocation.batchIndex, month })}</p>
    </div>
  );
}
