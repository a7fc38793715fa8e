/**
 * The depositor's allocation by month: an inline SVG line chart (summarised for screen readers) plus a data table.
 * Drawn only from months where the id has an allocation; the caller shows a sentence when there is none.
 */
import { t } from '../../i18n';
import { formatAmount } from '../../lib/format';
import { TableScroll } from '../../components/ui/TableScroll';
import type { HistoryPoint } from './allocation-store';

const W = 560;
const H = 200;
const PAD = { l: 90, r: 16, t: 12, b: 28 };

export function HistoryChart({ points }: { points: HistoryPoint[] }) {
  const known = points.filter((p) => p.allocation !== null).map((p) => ({ month: p.month, v: Number(p.allocation) }));
  const max = Math.max(1, ...known.map((p) => p.v));
  const months = points.map((p) => p.month);
  const minM = Math.min(...months);
  const maxM = Math.max(...months);
  const x = (m: number) => PAD.l + (maxM === minM ? (W - PAD.l - PAD.r) / 2 : ((m - minM) / (maxM - minM)) * (W - PAD.l - PAD.r));
  const y = (v: number) => PAD.t + (1 - v / max) * (H - PAD.t - PAD.b);
  const line = known.map((p, i) => `${i ? 'L' : 'M'}${x(p.month).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('alloc.history.chart')} focusable="false">
        <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} className="axis" />
        <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} className="axis" />
        <text x={PAD.l - 6} y={PAD.t + 4} textAnchor="end" className="tick">{formatAmount(max)}</text>
        <text x={PAD.l - 6} y={H - PAD.b} textAnchor="end" className="tick">0</text>
        {points.map((p) => <text key={p.month} x={x(p.month)} y={H - 8} textAnchor="middle" className="tick">{p.month}</text>)}
        {known.length > 1 && <path d={line} className="series" />}
        {known.map((p) => <circle key={p.month} cx={x(p.month)} cy={y(p.v)} r={4} className="dot" />)}
      </svg>
      <figcaption>
        <TableScroll label={t('alloc.history.table')}>
          <table className="data compact">
            <caption>{t('alloc.history.table')}</caption>
            <thead><tr><th scope="col">{t('common.chooseMonth')}</th><th scope="col">{t('table.allocation')}</th><th scope="col">{t('months.status')}</th></tr></thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{p.month}</th>
                  <td>{p.allocation === null ? '—' : formatAmount(p.allocation)}</td>
                  <td>{t(`alloc.answer.${p.answer}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </figcaption>
    </figure>
  );
}
