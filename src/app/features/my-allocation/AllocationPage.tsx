/**
 * My allocation: a depositor enters their user id (or opens `#user=…`); the quick verification runs in the Worker on
 * the latest finished month (or the month named); the allocation, how it follows from their inputs, its inclusion
 * path to the month root and the month log, and the history across months are shown. An id that is not in a month's
 * table is said to be so: that is an answer about the id, never a verdict on the month.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Check } from '../../../core/check';
import { t } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { PageHeading } from '../../components/PageHeading';
import { MonthPicker } from '../../components/MonthPicker';
import { PackLine } from '../../components/PackLine';
import { Verdict } from '../../components/Verdict';
import { formatAmount, formatMs } from '../../lib/format';
import { replaceRoute } from '../../app/route-store';
import { useSettingsStore } from '../settings/settings-store';
import { queuePlace, runKey, useMonthsStore, type MonthRun } from '../months/months-store';
import { StepList } from '../months/StepList';
import { listedMonths, useTimeline } from '../months/use-timeline';
import { verdictView } from '../months/verdict-view';
import { answerOf, checkAllocation, useAllocationStore } from './allocation-store';
import { PathDiagram } from './PathDiagram';
import { HistoryChart } from './HistoryChart';
import { DepositorInputs } from './DepositorInputs';

function rootsEvidence(checks: Check[] | undefined, key: string): Record<string, unknown> | undefined {
  return checks?.find((c) => c.step === 'roots' && c.ok && key in c.evidence)?.evidence;
}

/** The month's verdict and the depositor's answer, said apart. */
function Result({ run, user }: { run: MonthRun; user: string }) {
  const report = run.report!;
  const answer = answerOf(run);
  const a = report.allocation;
  const heading = answer === 'not-in-table' ? t('alloc.resultAbsent', { month: report.month }) : t('alloc.result', { month: report.month });
  return (
    <div className="alloc-result" role="region" aria-label={heading}>
      <h3>{heading}</h3>
      {answer === 'not-in-table' && (
        <p className="answer answer-absent" data-testid="alloc-answer">
          <Verdict view={{ kind: 'not-in-table', text: t('alloc.notInTable') }} />{' '}
          {t('alloc.notInTable.detail', { user, month: report.month, rows: formatAmount(report.notInTable?.rows ?? 0) })}
        </p>
      )}
      {a && (
        <dl className="facts">
          <dt>{t('table.allocation')}</dt>
          <dd className="big" data-testid="my-allocation">{t('alloc.dreybits', { amount: formatAmount(a.allocation) })}</dd>
          <dt>{t('table.row')}</dt>
          <dd>{t('alloc.rowInfo', { row: a.row, batch: a.batchIndex })}</dd>
        </dl>
      )}
      <p className="month-answer">
        {t('alloc.monthVerdict', { month: report.month })} <Verdict view={verdictView(run)} />{' '}
        <span className="muted">{t('alloc.quickTime', { time: formatMs(report.ms) })}</span>
      </p>
      <PackLine pack={report.pack} />
      {a?.inputs && <DepositorInputs month={report.month} allocation={a} />}
    </div>
  );
}

export function AllocationPage({ user: routeUser, month: routeMonth }: { user: string | undefined; month: number | undefined }) {
  const settings = useSettingsStore((s) => s.settings);
  const timeline = useTimeline();
  const state = useAllocationStore();
  const [input, setInput] = useState(routeUser ?? state.user);
  const key = state.user && state.month !== undefined ? runKey(state.month, 'quick', state.user) : undefined;
  const run = useMonthsStore((s) => (key ? s.runs[key] : undefined));
  const place = useMonthsStore((s) => (key ? queuePlace(s, key) : undefined));
  const fullRun = useMonthsStore((s) => (state.month !== undefined ? s.runs[runKey(state.month, 'full')] : undefined));

  // A link with #user=… starts the check once the months are known.
  useEffect(() => {
    if (!routeUser || timeline.status !== 'ok') return;
    const st = useAllocationStore.getState();
    if (st.user !== routeUser || (routeMonth !== undefined && st.month !== routeMonth)) void checkAllocation(settings, routeUser, routeMonth);
  }, [routeUser, routeMonth, timeline.status, settings]);

  function submit(e: FormEvent): void {
    e.preventDefault();
    const user = input.trim();
    if (!user || timeline.status !== 'ok') return;
    replaceRoute({ page: 'allocation', ...(routeMonth !== undefined ? { month: routeMonth } : {}), user });
    void checkAllocation(settings, user, routeMonth);
  }

  const report = run?.status === 'running' ? undefined : run?.report;
  const answer = answerOf(run);
  const root = rootsEvidence(report?.checks, 'root')?.root as string | undefined;
  const logEv = rootsEvidence(fullRun?.report?.checks, 'size');
  const log = logEv && typeof logEv.root === 'string' && typeof logEv.size === 'number' ? { size: logEv.size, root: logEv.root } : undefined;
  const known = state.history.filter((p) => p.allocation !== null);

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
          <MonthPicker id="alloc-month" months={listedMonths(timeline)} value={routeMonth ?? state.month}
            onChange={(m) => replaceRoute({ page: 'allocation', month: m, ...(state.user ? { user: state.user } : {}) })} />
          <button type="submit" disabled={timeline.status !== 'ok'}>{t('alloc.check')}</button>
        </form>
        {routeMonth === undefined && <p className="help">{t('alloc.defaultMonth')}</p>}
        <div role="status" aria-live="polite">
          {state.resolving && state.month !== undefined && <p>{t('alloc.resolving', { month: state.month })}</p>}
          {!state.resolving && place !== undefined && run?.status !== 'running' && <p>{t('alloc.waiting', { month: state.month!, place })}</p>}
          {!state.resolving && run?.status === 'running' && <p>{t('alloc.running', { month: run.month })}</p>}
          {!state.resolving && answer === 'pending' && <p>{t('alloc.pending', { month: run!.month })}</p>}
        </div>
        {run?.status === 'error' && run.error && <ErrorBox title={t('month.error')} error={run.error} explorer={settings.explorer} />}
        {report && run && !state.resolving && answer !== 'pending' && <Result run={run} user={state.user} />}
      </section>
      {state.steps && (
        <section aria-labelledby="path-heading" className="panel">
          <h2 id="path-heading">{t('alloc.path')}</h2>
          <p className="help">{t('alloc.path.help')}</p>
          <PathDiagram steps={state.steps} {...(root ? { root } : {})} {...(log ? { log } : {})} />
        </section>
      )}
      {state.stepsError && <ErrorBox title={t('month.error')} error={state.stepsError} explorer={settings.explorer} />}
      {state.history.length > 0 && (
        <section aria-labelledby="history-heading" className="panel" aria-busy={state.historyRunning}>
          <h2 id="history-heading">{t('alloc.history')}</h2>
          {known.length > 0
            ? <HistoryChart points={state.history} />
            : <p data-testid="history-none">{state.historyRunning ? t('alloc.history.noneYet', { user: state.user }) : t('alloc.history.none', { user: state.user })}</p>}
        </section>
      )}
      {run && (
        <section aria-labelledby="alloc-checks-heading" className="panel">
          <h2 id="alloc-checks-heading">{t('month.checks')}</h2>
          <StepList run={run} depth="quick" explorer={settings.explorer} />
        </section>
      )}
    </>
  );
}
