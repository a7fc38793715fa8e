/** The month's verified allocation table: windowed for 100k rows, search by user id, sort, CSV and Parquet downloads. */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { t } from '../../i18n';
import { PageHeading } from '../../components/PageHeading';
import { MonthPicker } from '../../components/MonthPicker';
import { VirtualList } from '../../components/ui/VirtualList';
import { formatAmount } from '../../lib/format';
import { navigate } from '../../app/route-store';
import { useSettingsStore } from '../settings/settings-store';
import { queuePlace, runKey, useMonthsStore, verifyMonth } from '../months/months-store';
import { defaultMonth } from '../months/latest-month';
import { listedMonths, useTimeline } from '../months/use-timeline';
import { downloadCsv, downloadParquet, loadTable, useTableStore } from './table-store';
import { visibleRows, type SortOrder } from './table-order';

const ROW_HEIGHT = 32;

export function TablePage({ month: routeMonth }: { month: number | undefined }) {
  const settings = useSettingsStore((s) => s.settings);
  const timeline = useTimeline();
  const runs = useMonthsStore((s) => s.runs);
  const month = routeMonth ?? defaultMonth(timeline, runs);
  const state = useTableStore();
  const fullRun = month === undefined ? undefined : runs[runKey(month, 'full')];
  const place = useMonthsStore((s) => (month === undefined ? undefined : queuePlace(s, runKey(month, 'full'))));
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>('row');
  const deferredQuery = useDeferredValue(query);
  useEffect(() => {
    if (month !== undefined) void loadTable(settings, month);
  }, [settings, month, fullRun?.status]);

  const view = state.status === 'ok' ? state.view : undefined;
  const rows = useMemo(() => (view ? visibleRows(view, deferredQuery, order) : new Uint32Array()), [view, deferredQuery, order]);

  return (
    <section aria-labelledby="table-heading" className="panel">
      <PageHeading id="table-heading">{month === undefined ? t('table.heading') : `${t('table.heading')} — ${t('common.month', { month })}`}</PageHeading>
      <p className="help">{t('table.intro')}</p>
      <div className="toolbar">
        <MonthPicker id="table-month" months={listedMonths(timeline)} value={month} onChange={(m) => navigate({ page: 'table', month: m })} />
      </div>
      {state.status === 'loading' && <p role="status">{t('table.loading')}</p>}
      {state.status === 'missing' && month !== undefined && (
        <div>
          <p>{fullRun?.status === 'running' ? t('months.running') : place !== undefined ? t('table.waiting', { month, place }) : t('table.unavailable')}</p>
          {fullRun?.status !== 'running' && <button type="button" onClick={() => void verifyMonth(settings, month, 'full')}>{t('common.verifyNow', { month })}</button>}
        </div>
      )}
      {view && month !== undefined && (
        <>
          <div className="toolbar">
            <div className="inline-field">
              <label htmlFor="table-search">{t('table.search')}</label>
              <input id="table-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} spellCheck={false} autoComplete="off" />
            </div>
            <div className="inline-field">
              <label htmlFor="table-sort">{t('table.sort')}</label>
              <select id="table-sort" value={order} onChange={(e) => setOrder(e.target.value as SortOrder)}>
                <option value="row">{t('table.sort.row')}</option>
                <option value="desc">{t('table.sort.desc')}</option>
                <option value="asc">{t('table.sort.asc')}</option>
              </select>
            </div>
            <button type="button" className="secondary" onClick={() => void downloadCsv(settings, month)}>{t('table.csv')}</button>
            <button type="button" className="secondary" onClick={() => void downloadParquet(settings, month)}>{t('table.parquet')}</button>
          </div>
          <p role="status" className="muted">{t('table.count', { shown: formatAmount(rows.length), total: formatAmount(view.rows) })} · {t('table.total', { total: formatAmount(view.total) })}</p>
          <VirtualList
            label={t('table.heading')}
            count={rows.length}
            rowHeight={ROW_HEIGHT}
            height={Math.min(480, Math.max(ROW_HEIGHT * 3, rows.length * ROW_HEIGHT))}
            header={
              <div role="rowgroup" className="vlist-head">
                <div role="row" className="vrow">
                  <span role="columnheader" className="c-row">{t('table.row')}</span>
                  <span role="columnheader" className="c-user">{t('table.user')}</span>
                  <span role="columnheader" className="c-alloc">{t('table.allocation')}</span>
                </div>
              </div>
            }
            renderRow={(i) => {
              const r = rows[i]!;
              return (
                <div role="row" key={r} className="vrow" aria-rowindex={i + 2}>
                  <span role="cell" className="c-row">{r}</span>
                  <span role="cell" className="c-user mono">{view.userIds[r]}</span>
                  <span role="cell" className="c-alloc">{formatAmount(view.allocations[r]!)}</span>
                </div>
              );
            }}
          />
        </>
      )}
    </section>
  );
}
