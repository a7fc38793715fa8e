/** One month, staged: choose the depth, verify (cancellable), watch each check with its timer, read the verdict. */
import { useEffect, useState } from 'react';
import type { Check } from '../../../core/check';
import type { Depth } from '../../../core/month/report';
import { t } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { PageHeading } from '../../components/PageHeading';
import { ProvesBox } from '../../components/ProvesBox';
import { Verdict } from '../../components/Verdict';
import { Elapsed } from '../../components/ui/Elapsed';
import { MonthPicker } from '../../components/MonthPicker';
import { navigate } from '../../app/route-store';
import { useSettingsStore } from '../settings/settings-store';
import { cancelRun, loadTimeline, runKey, useMonthsStore, verifyMonth } from './months-store';
import { StepList } from './StepList';

/** After failed months, say which month this one starts from (docs/protocol.md §8): it changes what "previous" means. */
function StartsFrom({ checks }: { checks: readonly Check[] }) {
  const ev = checks.find((c) => c.ok && typeof c.evidence.previousMonth === 'number')?.evidence as { previousMonth: number; failed: number[] } | undefined;
  if (!ev) return null;
  const failed = ev.failed.join(', ');
  return (
    <p className="notice starts-from">
      {ev.previousMonth >= 1
        ? t('month.startsFrom', { failed, previous: ev.previousMonth })
        : t('month.startsFresh', { failed })}
    </p>
  );
}

export function MonthPage({ month }: { month: number | undefined }) {
  const settings = useSettingsStore((s) => s.settings);
  const [depth, setDepth] = useState<Depth>('full');
  const run = useMonthsStore((s) => (month === undefined ? undefined : s.runs[runKey(month, depth)]));
  useEffect(() => {
    if (useMonthsStore.getState().timeline.status === 'idle') void loadTimeline(settings);
  }, [settings]);
  useEffect(() => {
    // Opening a month that was never verified here starts its verification.
    if (month !== undefined && !useMonthsStore.getState().runs[runKey(month, depth)] && settings.genesis) void verifyMonth(settings, month, depth);
  }, [month, depth, settings]);

  const running = run?.status === 'running';
  return (
    <>
      <section aria-labelledby="month-heading" className="panel">
        <PageHeading id="month-heading">{month === undefined ? t('months.heading') : t('month.heading', { month })}</PageHeading>
        <div className="toolbar">
          <MonthPicker id="month-pick" value={month} onChange={(m) => navigate({ page: 'month', month: m })} />
          <fieldset className="inline-field">
            <legend>{t('month.depth')}</legend>
            {(['full', 'quick'] as const).map((d) => (
              <label key={d} className="radio">
                <input type="radio" name="depth" value={d} checked={depth === d} onChange={() => setDepth(d)} disabled={running} />
                {t(`month.depth.${d}`)}
              </label>
            ))}
          </fieldset>
        </div>
        {month !== undefined && (
          <div className="toolbar">
            {running
              ? <button type="button" onClick={() => cancelRun(run.key)}>{t('month.cancel')}</button>
              : <button type="button" onClick={() => void verifyMonth(settings, month, depth)}>{run ? t('month.rerun') : t('month.run')}</button>}
            {run && (
              <p className="run-summary" role="status" aria-live="polite">
                <Verdict run={run} />{' '}
                <span className="muted">
                  {running ? <>{t('month.elapsed', { time: '' })}<Elapsed since={run.startedAt} /></> : run.report ? <>{t('month.elapsed', { time: '' })}<Elapsed ms={run.report.ms} /> · {t('month.requests', { count: run.report.requests })}</> : null}
                  {run.report && run.report.replayed > 0 && <> · {t('months.fromCache')}</>}
                </span>
              </p>
            )}
          </div>
        )}
        {run?.report?.hosts?.liars.length ? <p className="muted" data-testid="host-liars">{t('month.liars', { hosts: run.report.hosts.liars.map((l) => `${l.host} (${l.code})`).join(', ') })}</p> : null}
        {run?.report && <StartsFrom checks={run.report.checks} />}
        {run?.status === 'cancelled' && <p>{t('month.cancelled')}</p>}
        {run?.status === 'error' && run.error && <ErrorBox title={t('month.error')} error={run.error} />}
        {run && <StepList run={run} />}
      </section>
      <ProvesBox />
    </>
  );
}
