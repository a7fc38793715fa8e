/**
 * One month, staged: verify it in full (cancellable), watch each check with its timer and counts, read the verdict.
 * Opening a month runs it first: background work waits (see run-queue.ts).
 */
import { useEffect } from 'react';
import type { Check } from '../../../core/check';
import { t } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { PageHeading } from '../../components/PageHeading';
import { ProvesBox } from '../../components/ProvesBox';
import { Verdict } from '../../components/Verdict';
import { Elapsed } from '../../components/ui/Elapsed';
import { MonthPicker } from '../../components/MonthPicker';
import { PackLine } from '../../components/PackLine';
import { navigate } from '../../app/route-store';
import { hashFromRoute } from '../../app/route';
import { useSettingsStore } from '../settings/settings-store';
import { cancelRun, queuePlace, runKey, useMonthsStore, verifyMonth, type MonthRun } from './months-store';
import { StepList } from './StepList';
import { listedMonths, useTimeline } from './use-timeline';
import { verdictView } from './verdict-view';

/** The month page verifies in full; a depositor's quick check lives in My allocation. */
const depth = 'full';

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

/** The run's verdict with its live timer (from the moment the Worker started it) or its final time and requests. */
function RunSummary({ run, wait, activeMonth }: { run: MonthRun | undefined; wait: number | undefined; activeMonth: number | undefined }) {
  if (!run && wait === undefined) return null;
  const running = run?.status === 'running';
  return (
    <p className="run-summary" role="status" aria-live="polite">
      <Verdict view={verdictView(run, wait)} />{' '}
      <span className="muted">
        {wait !== undefined && !running && activeMonth !== undefined && t('month.waitingFor', { month: activeMonth })}
        {running && <>{t('month.elapsed', { time: '' })}<Elapsed since={run.startedAt} /></>}
        {!running && wait === undefined && run?.report && <>{t('month.elapsed', { time: '' })}<Elapsed ms={run.report.ms} /> · {t('month.requests', { count: run.report.requests })}</>}
        {wait === undefined && run?.report && run.report.replayed > 0 && <> · {t('months.fromCache')}</>}
      </span>
    </p>
  );
}

export function MonthPage({ month }: { month: number | undefined }) {
  const settings = useSettingsStore((s) => s.settings);
  const timeline = useTimeline();
  const key = month === undefined ? undefined : runKey(month, depth);
  const run = useMonthsStore((s) => (key === undefined ? undefined : s.runs[key]));
  const wait = useMonthsStore((s) => (key === undefined ? undefined : queuePlace(s, key)));
  const activeMonth = useMonthsStore((s) => (s.active !== undefined ? s.runs[s.active]?.month : undefined));
  useEffect(() => {
    // Opening a month runs it now: a new run, or one that waits in the queue or runs in the background, is the person's.
    const s = useMonthsStore.getState();
    if (month === undefined || !settings.genesis) return;
    const k = runKey(month, depth);
    const current = s.runs[k];
    if (!current || current.status === 'running' || queuePlace(s, k) !== undefined) void verifyMonth(settings, month, depth);
  }, [month, settings]);

  const busy = run?.status === 'running' || wait !== undefined;
  return (
    <>
      <section aria-labelledby="month-heading" className="panel">
        <PageHeading id="month-heading">{month === undefined ? t('months.heading') : t('month.heading', { month })}</PageHeading>
        <div className="toolbar">
          <MonthPicker id="month-pick" months={listedMonths(timeline)} value={month} onChange={(m) => navigate({ page: 'month', month: m })} />
        </div>
        <p className="help">{t('month.fullOnly')} <a href={hashFromRoute({ page: 'allocation', ...(month !== undefined ? { month } : {}) })}>{t('month.quickLink')}</a></p>
        {month !== undefined && key !== undefined && (
          <div className="toolbar">
            {busy
              ? <button type="button" onClick={() => cancelRun(key)}>{t('month.cancel')}</button>
              : <button type="button" onClick={() => void verifyMonth(settings, month, depth)}>{run ? t('month.rerun') : t('month.run')}</button>}
            <RunSummary run={run} wait={wait} activeMonth={activeMonth} />
          </div>
        )}
        {run?.report?.hosts?.liars.length ? <p className="muted" data-testid="host-liars">{t('month.liars', { hosts: run.report.hosts.liars.map((l) => `${l.host} (${l.code})`).join(', ') })}</p> : null}
        {run?.report && <PackLine pack={run.report.pack} />}
        {run?.report && <StartsFrom checks={run.report.checks} />}
        {run?.status === 'cancelled' && wait === undefined && <p>{t('month.cancelled')}</p>}
        {run?.status === 'error' && run.error && <ErrorBox title={t('month.error')} error={run.error} explorer={settings.explorer} />}
        {(run || wait !== undefined) && <StepList run={run} depth={depth} explorer={settings.explorer} />}
      </section>
      <ProvesBox />
    </>
  );
}
