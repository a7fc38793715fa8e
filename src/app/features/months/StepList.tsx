/**
 * The staged checks of one run, in pipeline order: every step the run will take (waiting until it starts), live
 * status, timer and item counts with an estimate, what passing it proves, failed items with their plain-language
 * explanation, and passed items' evidence on demand.
 */
import { useState } from 'react';
import type { Check, Step } from '../../../core/check';
import type { Depth } from '../../../core/month/report';
import { STEP_ORDER, STEP_TEXT, t } from '../../i18n';
import { Elapsed } from '../../components/ui/Elapsed';
import { Evidence } from '../../components/EvidenceView';
import { FailureHelp } from '../../components/FailureHelp';
import { formatAmount, formatMs } from '../../lib/format';
import type { MonthRun, StepState } from './months-store';

type Status = StepState['status'] | 'waiting';

const ICON: Record<Status, string> = { waiting: '○', running: '⟳', done: '✓', failed: '✗', skipped: '–' };

/** The steps a run goes through ("spv" is the CLI's own check, not a month step). */
const PLANNED: readonly Step[] = STEP_ORDER.filter((s) => s !== 'spv');

function statusOf(run: MonthRun | undefined, step: Step, checks: Check[]): Status {
  if (checks.some((c) => !c.ok)) return 'failed';
  // Progress travels apart from the result, so a step's last update may never be applied: once the run has ended,
  // a step still marked running is judged by its checks.
  const stale = run?.status !== 'running' && run?.steps[step]?.status === 'running';
  const live = stale ? (checks.length ? 'done' : 'skipped') : run?.steps[step]?.status;
  // Fetching yields no checks of its own: finishing it is its success (a failure throws a coded error).
  if (live === 'skipped' && step === 'fetch') return 'done';
  if (live) return live;
  return checks.length ? 'done' : 'waiting';
}

/** "640 / 1,300 batch proofs · about 8 s left": the estimate assumes the rest goes at the pace so far. */
export function countText(step: Step, done: number, total: number, elapsedMs: number): string {
  const counted = t('month.stepCount', { done: formatAmount(done), total: formatAmount(total), unit: STEP_TEXT[step].unit ?? t('month.items') });
  if (done <= 0 || done >= total || elapsedMs <= 0) return counted;
  return `${counted} · ${t('month.stepLeft', { time: formatMs((elapsedMs / done) * (total - done)) })}`;
}

function StepCount({ step, state, running }: { step: Step; state: StepState; running: boolean }) {
  if (state.total === undefined || state.total <= 0) return null;
  const done = Math.min(state.done ?? 0, state.total);
  const label = countText(step, done, state.total, running ? performance.now() - state.startedAt : 0);
  return (
    <div className="step-count">
      <progress value={done} max={state.total} aria-label={t('month.stepProgress', { step: STEP_TEXT[step].name })} />
      <span className="muted small" data-testid={`step-count-${step}`}>{label}</span>
    </div>
  );
}

function CheckItem({ check, explorer }: { check: Check; explorer: string | undefined }) {
  return (
    <li className={check.ok ? 'check ok-item' : 'check bad-item'}>
      <p>
        <span aria-hidden="true">{check.ok ? '✓ ' : '✗ '}</span>
        {!check.ok && <code className="code">{check.code}</code>} {check.message}
      </p>
      {!check.ok && <FailureHelp code={check.code} />}
      {Object.keys(check.evidence).length > 0 && (
        <details>
          <summary>{t('common.evidence')}</summary>
          <Evidence evidence={check.evidence} explorer={explorer} />
        </details>
      )}
    </li>
  );
}

function PassedItems({ checks, explorer }: { checks: Check[]; explorer: string | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="passed-items" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('month.passedItems', { count: checks.length })}</summary>
      {/* Rendered only while open: a month can have thousands of items. */}
      {open && <ul className="checks">{checks.slice(0, 500).map((c, i) => <CheckItem key={i} check={c} explorer={explorer} />)}</ul>}
    </details>
  );
}

export function StepList({ run, depth, explorer }: { run: MonthRun | undefined; depth: Depth; explorer?: string | undefined }) {
  const all = run?.report?.checks ?? [];
  const seen = new Set<string>([...Object.keys(run?.steps ?? {}), ...all.map((c) => c.step)]);
  const steps = STEP_ORDER.filter((s) => seen.has(s) || (PLANNED.includes(s) && !run?.report));
  return (
    <ol className="steps" aria-label={t('month.checks')} data-depth={depth}>
      {steps.map((step) => {
        const checks = all.filter((c) => c.step === step);
        const failed = checks.filter((c) => !c.ok);
        const passedChecks = checks.filter((c) => c.ok);
        const status = statusOf(run, step, checks);
        const live = run?.steps[step];
        const ms = run?.report?.timings[step] ?? live?.ms;
        const text = STEP_TEXT[step];
        return (
          <li key={step} className={`step step-${status}`} data-step={step} data-status={status} aria-busy={status === 'running'}>
            <div className="step-head">
              <span className="step-icon" aria-hidden="true">{ICON[status]}</span>
              <strong className="step-name">{text.name}</strong>
              <span className="step-status">{t(`month.stepStatus.${status}`)}</span>
              <span className="step-time">{status === 'running' && live ? <Elapsed since={live.startedAt} /> : ms !== undefined ? <Elapsed ms={ms} /> : null}</span>
            </div>
            <p className="step-proves">{text.proves}</p>
            {live && <StepCount step={step} state={live} running={status === 'running'} />}
            {checks.length > 0 && <p className="muted small">{t('month.itemsPassed', { passed: passedChecks.length, total: checks.length })}</p>}
            {failed.length > 0 && <ul className="checks" aria-label={t('month.failedItems')}>{failed.map((c, i) => <CheckItem key={i} check={c} explorer={explorer} />)}</ul>}
            {passedChecks.length > 0 && <PassedItems checks={passedChecks} explorer={explorer} />}
          </li>
        );
      })}
    </ol>
  );
}
