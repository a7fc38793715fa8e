/** The months timeline: each month's status (verified / rejected with reason / pending / waiting), time taken, re-verify. */
import { useEffect } from 'react';
import { t } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { MonthRow, MonthTable } from '../../components/MonthTable';
import { PageHeading } from '../../components/PageHeading';
import { navigate } from '../../app/route-store';
import { useSettingsStore } from '../settings/settings-store';
import { bestRun, loadTimeline, queuePlace, runKey, stopVerifyingAll, useMonthsStore, verifyAllMonths, verifyMonth } from './months-store';
import { useTimeline } from './use-timeline';
import { verdictView } from './verdict-view';

const autoStarted = new WeakSet<object>();

export function MonthsPage() {
  const settings = useSettingsStore((s) => s.settings);
  const timeline = useTimeline();
  const runs = useMonthsStore((s) => s.runs);
  const queue = useMonthsStore((s) => s.queue);
  const active = useMonthsStore((s) => s.active);
  const verifyingAll = useMonthsStore((s) => s.verifyingAll);
  // The first time the timeline is shown, every month is verified (oldest first) without being asked.
  useEffect(() => {
    if (timeline.status === 'ok' && !autoStarted.has(timeline)) {
      autoStarted.add(timeline);
      const s = useMonthsStore.getState();
      if (Object.keys(s.runs).length === 0 && s.queue.length === 0) void verifyAllMonths(settings);
    }
  }, [timeline, settings]);

  return (
    <section aria-labelledby="months-heading" className="panel">
      <PageHeading id="months-heading">{t('months.heading')}</PageHeading>
      <p className="help">{t('months.intro')}</p>
      {!settings.genesis && <p>{t('common.noGenesis')}</p>}
      {timeline.status === 'loading' && <p role="status">{t('months.loading')}</p>}
      {timeline.status === 'error' && (
        <>
          <ErrorBox title={t('months.error')} error={timeline.error} explorer={settings.explorer} />
          <button type="button" onClick={() => void loadTimeline(settings)}>{t('months.tryAgain')}</button>
        </>
      )}
      {timeline.status === 'ok' && (
        <>
          <div className="toolbar">
            {verifyingAll
              ? <button type="button" onClick={stopVerifyingAll}>{t('months.stopAll')}</button>
              : <button type="button" onClick={() => void verifyAllMonths(settings)}>{t('months.verifyAll')}</button>}
          </div>
          <MonthTable caption={t('months.heading')}>
            {timeline.months.map((m) => {
              const key = runKey(m.month, 'full');
              const run = bestRun(runs, m.month);
              const wait = queuePlace({ queue }, key);
              const running = active === key;
              return (
                <MonthRow key={m.month} month={m.month} label={m.label} verdict={verdictView(run, wait)}
                  ms={run?.report?.ms} fromCache={(run?.report?.replayed ?? 0) > 0}
                  actions={
                    <button type="button" className="secondary" disabled={running}
                      onClick={() => { void verifyMonth(settings, m.month, 'full'); navigate({ page: 'month', month: m.month }); }}>
                      {running ? t('months.verifyingMonth', { month: m.month }) : wait !== undefined ? t('months.verifyNow', { month: m.month }) : run ? t('months.reverify', { month: m.month }) : t('months.verify', { month: m.month })}
                    </button>
                  } />
              );
            })}
          </MonthTable>
        </>
      )}
    </section>
  );
}
