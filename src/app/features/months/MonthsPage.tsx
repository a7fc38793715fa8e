/** The months timeline: each month's status (verified / rejected with reason / pending), time taken, re-verify. */
import { useEffect } from 'react';
import { t } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { PageHeading } from '../../components/PageHeading';
import { Verdict } from '../../components/Verdict';
import { formatMs } from '../../lib/format';
import { navigate } from '../../app/route-store';
import { useSettingsStore } from '../settings/settings-store';
import { bestRun, loadTimeline, stopVerifyingAll, useMonthsStore, verifyAllMonths, verifyMonth } from './months-store';

const autoStarted = new WeakSet<object>();

export function MonthsPage() {
  const settings = useSettingsStore((s) => s.settings);
  const timeline = useMonthsStore((s) => s.timeline);
  const runs = useMonthsStore((s) => s.runs);
  const verifyingAll = useMonthsStore((s) => s.verifyingAll);
  useEffect(() => {
    if (useMonthsStore.getState().timeline.status === 'idle') void loadTimeline(settings);
  }, [settings]);
  // The first time the timeline is shown, every month is verified (oldest first) without being asked.
  useEffect(() => {
    if (timeline.status === 'ok' && !autoStarted.has(timeline)) {
      autoStarted.add(timeline);
      if (Object.keys(useMonthsStore.getState().runs).length === 0) void verifyAllMonths(settings);
    }
  }, [timeline, settings]);

  return (
    <section aria-labelledby="months-heading" className="panel">
      <PageHeading id="months-heading">{t('months.heading')}</PageHeading>
      <p className="help">{t('months.intro')}</p>
      {!settings.genesis && <p>{t('common.noGenesis')}</p>}
      {timeline.status === 'loading' && <p role="status">{t('months.loading')}</p>}
      {timeline.status === 'error' && <ErrorBox title={t('months.error')} error={timeline.error} />}
      {timeline.status === 'ok' && (
        <>
          <div className="toolbar">
            {verifyingAll
              ? <button type="button" onClick={stopVerifyingAll}>{t('months.stopAll')}</button>
              : <button type="button" onClick={() => void verifyAllMonths(settings)}>{t('months.verifyAll')}</button>}
          </div>
          <table className="data timeline">
            <caption className="sr-only">{t('months.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.chooseMonth')}</th>
                <th scope="col">{t('months.status')}</th>
                <th scope="col">{t('months.time')}</th>
                <th scope="col">{t('months.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.months.map((m) => {
                const run = bestRun(runs, m.month);
                const running = run?.status === 'running';
                return (
                  <tr key={m.month} data-month={m.month}>
                    <th scope="row">
                      <a href={`#/month/${m.month}`} aria-label={t('months.open', { month: m.month })}>{t('common.month', { month: m.month })}</a>
                      {m.label && <span className="muted"> {m.label}</span>}
                    </th>
                    <td data-testid={`month-status-${m.month}`}><Verdict run={run} /></td>
                    <td>{run?.report ? <>{formatMs(run.report.ms)}{run.report.replayed > 0 && <span className="muted"> ({t('months.fromCache')})</span>}</> : '—'}</td>
                    <td>
                      <button type="button" className="secondary" disabled={running}
                        onClick={() => { void verifyMonth(settings, m.month, 'full'); navigate({ page: 'month', month: m.month }); }}>
                        {run ? t('months.reverify', { month: m.month }) : t('months.verify', { month: m.month })}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
