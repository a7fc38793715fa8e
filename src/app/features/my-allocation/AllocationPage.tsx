/**
 * My allocation: a depositor enters their user id (or opens `#user=…`); the quick verification runs in the Worker;
 * the allocation, its inclusion path to the month root and the month log, and the history across months are shown.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Check } from '../../../core/check';
import { t } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { PageHeading } from '../../components/PageHeading';
import { MonthPicker } from '../../components/MonthPicker';
import { Verdict } from '../../components/Verdict';
import { formatAmount, formatMs } from '../../lib/format';
import { replaceRoute } from '../../app/route-store';
import { useSettingsStore } from '../settings/settings-store';
import { loadTimeline, runKey, useMonthsStore } from '../months/months-store';
import { StepList } from '../months/StepList';
import { checkAllocation, defaultMonth, useAllocationStore } from './allocation-store';
import { PathDiagram } from './PathDiagram';
import { HistoryChart } from './HistoryChart';

function rootsEvidence(checks: Check[] | undefined, key: string): Record<string, unknown> | undefined {
  return checks?.find((c) => c.step === 'roots' && c.ok && key in c.evidence)?.evidence;
}

export function AllocationPage({ user: routeUser, month: routeMonth }: { user: string | undefined; month: number | undefined }) {
  const settings = useSettingsStore((s) => s.settings);
  const timeline = useMonthsStore((s) => s.timeline);
  const state = useAllocationStore();
  const [input, setInput] = useState(routeUser ?? state.user);
  const month = routeMonth ?? state.month ?? defaultMonth();
  const run = useMonthsStore((s) => (state.user && state.month !== undefined ? s.runs[runKey(state.month, 'quick', state.user)] : undefined));
  const fullRun = useMonthsStore((s) => (state.month !== undefined ? s.runs[runKey(state.month, 'full')] : undefined));

  useEffect(() => {
    if (useMonthsStore.getState().timeline.status === 'idle') void loadTimeline(settings);
  }, [settings]);
  // A link with #user=… starts the check once the months are known.
  useEffect(() => {
    const m = routeMonth ?? defaultMonth();
    if (routeUser && m !== undefined && (useAllocationStore.getState().user !== routeUser || useAllocationStore.getState().month !== m)) {
      void checkAllocation(settings, routeUser, m);
    }
  }, [routeUser, routeMonth, timeline.status, settings]);

  function submit(e: FormEvent): void {
    e.preventDefault();
    const user = input.trim();
    if (!user || month === undefined) return;
    replaceRoute({ page: 'allocation', month, user });
    void checkAllocation(settings, user, month);
  }

  const report = run?.report;
  const a = report?.allocation;
  const notFound = report?.checks.find((c) => c.code === 'MERKLE_USER_NOT_FOUND');
  const root = rootsEvidence(report?.checks, 'root')?.root as string | undefined;
  const logEv = rootsEvidence(fullRun?.report?.checks, 'size');
  const log = logEv && typeof logEv.root === 'string' && typeof logEv.size === 'number' ? { size: logEv.size, root: logEv.root } : undefined;

  return (
    <>
      <section aria-labelledby="alloc-heading" className="panel">
        <PageHeading id="alloc-heading">{t('alloc.heading')}</PageHeading>
        <p className="help">{t('alloc.intro')}</p>
        <form className="toolbar" onSubmit={submit}>
          <div className="inline-field">
            <label htmlFor="alloc-user">{t('alloc.user')}</label>
            <input id="alloc-user" value={input} onChange={(e) => setInput(e.target.value)} spellCheck={false} autoComplete="off" required />
          </div>
          <MonthPicker id="alloc-month" value={month} onChange={(m) => replaceRoute({ page: 'allocation', month: m, ...(state.user ? { user: state.user } : {}) })} />
          <button type="submit" disabled={month === undefined}>{t('alloc.check')}</button>
        </form>
        {run?.status === 'running' && <p role="status">{t('alloc.running', { month: run.month })}</p>}
        {run?.status === 'error' && run.error && <ErrorBox title={t('month.error')} error={run.error} />}
        {report && (
          <div className="alloc-result" role="region" aria-label={t('alloc.result', { month: report.month })}>
            <h3>{t('alloc.result', { month: report.month })}</h3>
            <p><Verdict run={run} /> <span className="muted">{t('alloc.quickTime', { time: formatMs(report.ms) })}</span></p>
            {notFound && <p className="error">{t('alloc.notFound', { user: state.user, month: report.month })}</p>}
            {a && (
              <dl className="facts">
                <dt>{t('table.allocation')}</dt>
                <dd className="big" data-testid="my-allocation">{t('alloc.dreybits', { amount: formatAmount(a.allocation) })}</dd>
                <dt>{t('table.row')}</dt>
                <dd>{t('alloc.rowInfo', { row: a.row, batch: a.batchIndex })}</dd>
              </dl>
            )}
          </div>
        )}
      </section>
      {state.steps && (
        <section aria-labelledby="path-heading" className="panel">
          <h2 id="path-heading">{t('alloc.path')}</h2>
          <p className="help">{t('alloc.path.help')}</p>
          <PathDiagram steps={state.steps} {...(root ? { root } : {})} {...(log ? { log } : {})} />
        </section>
      )}
      {state.stepsError && <ErrorBox title={t('month.error')} error={state.stepsError} />}
      {state.history.length > 0 && (
        <section aria-labelledby="history-heading" className="panel" aria-busy={state.historyRunning}>
          <h2 id="history-heading">{t('alloc.history')}</h2>
          <HistoryChart points={state.history} />
        </section>
      )}
      {run && (
        <section aria-labelledby="alloc-checks-heading" className="panel">
          <h2 id="alloc-checks-heading">{t('month.checks')}</h2>
          <StepList run={run} />
        </section>
      )}
    </>
  );
}
