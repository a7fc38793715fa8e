/** The table of months (timeline and report): one row per month or run, with its status, time and actions. */
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { formatMs } from '../lib/format';
import { Verdict, type VerdictView } from './Verdict';

export function MonthTable({ caption, showDepth = false, children }: { caption: string; showDepth?: boolean; children: ReactNode }) {
  return (
    <table className="data months-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.chooseMonth')}</th>
          {showDepth && <th scope="col">{t('month.depth')}</th>}
          <th scope="col">{t('months.status')}</th>
          <th scope="col">{t('months.time')}</th>
          <th scope="col">{t('months.actions')}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export interface MonthRowProps {
  month: number;
  /** Calendar label (yyyy-mm). */
  label?: string | undefined;
  /** Shown in a depth column when the table has one. */
  depth?: string;
  verdict: VerdictView;
  /** The finished run's time, and whether it rested on answers replayed from the offline cache. */
  ms?: number | undefined;
  fromCache?: boolean;
  actions: ReactNode;
}

export function MonthRow({ month, label, depth, verdict, ms, fromCache = false, actions }: MonthRowProps) {
  return (
    <tr data-month={month}>
      <th scope="row">
        <a href={`#/month/${month}`} aria-label={t('months.open', { month })}>{t('common.month', { month })}</a>
        {label && <span className="muted"> {label}</span>}
      </th>
      {depth !== undefined && <td data-label={t('month.depth')}>{depth}</td>}
      <td data-testid={depth === undefined ? `month-status-${month}` : undefined}><Verdict view={verdict} /></td>
      <td data-label={t('months.time')} className={ms === undefined ? 'no-time' : undefined}>{ms !== undefined ? <>{formatMs(ms)}{fromCache && <span className="muted"> ({t('months.fromCache')})</span>}</> : '—'}</td>
      <td className="actions">{actions}</td>
    </tr>
  );
}
