/**
 * The staged checks of one run, in pipeline order: live status and timer per step, what passing it proves,
 * failed items with their plain-language explanation, and passed items' evidence on demand.
 */
import { useState } from 'react';
import type { Check, Step } from '../../../core/check';
import { STEP_ORDER, STEP_TEXT, t } from '../../i18n';
import { Elapsed } from '../../components/ui/Elapsed';
import { Evidence } from '../../components/EvidenceView';
import { FailureHelp } from '../../components/FailureHelp';
import type { MonthRun, StepState } from './months-store';

const ICON: Record<string, string> = { waiting: '○', running: '⟳', done: '✓', failed: '✗', skipped: '–' };

function stepsOf(run: MonthRun): Step[] {
  const seen = new Set<string>([...Object.keys(run.steps), ...(run.report?.checks.map((c) => c.step) ?? [])]);
  return STEP_ORDER.filter((s) => seen.has(s));
}

function statusOf(run: MonthRun, step: Step, checks: Check[]): StepState['status'] | 'waiting' {
  if (checks.some((c) => !c.ok)) return 'failed';
  const live = run.steps[step]?.status;
  // Fetching yields no checks of its own: finishing it is its success (a failure throws a coded error).
  if (live === 'skipped' && step === 'fetch') return 'done';
  if (live) return live;
  return checks.length ? 'done' : 'waiting';
}

function CheckItem({ check }: { check: Check }) {
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
          <Evidence evidence={check.evidence} />
        </details>
      )}
    </li>
  );
}

function PassedItems({ checks }: { checks: Check[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="passed-items" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('month.passedItems', { count: checks.length })}</summary>
      {/* Rendered only while open: a month can have thousands of items. */}
      {open && <DetailsBody checks={checks} />}
    </details>
  );
}

function DetailsBody({ checks }: { checks: Check[] }) {
  return <ul className="checks">{checks.slice(0, 500).map((c, i) => <CheckItem key={i} check={c} />)}</ul>;
}

export function StepList({ run }: { run: MonthRun }) {
  const all = run.report?.checks ?? [];
  const steps = stepsOf(run);
  return (
    <ol className="steps" aria-label={t('month.checks')}>
      {steps.map((step) => {
        const checks = all.filter((c) => c.step === step);
        const failed = checks.filter((c) => !c.ok);
        const passedChecks = checks.filter((c) => c.ok);
        const status = statusOf(run, step, checks);
        const live = run.steps[step];
        const ms = run.report?.timings[step] ?? live?.ms;
        const text = STEP_TEXT[step];
        return (
          <li key={step} className={`step step-${status}`} data-step={step} aria-busy={status === 'running'}>
            <div className="step-head">
              <span className="step-icon" aria-hidden="true">{ICON[status]}</span>
              <strong className="step-name">{text.name}</strong>
              <span className="step-status">{t(`month.stepStatus.${status}` as 'month.stepStatus.done')}</span>
              <span className="step-time">{status === 'running' && live ? <Elapsed since={live.startedAt} /> : ms !== undefined ? <Elapsed ms={ms} /> : null}</span>
            </div>
            <p className="step-proves">{text.proves}</p>
            {checks.length > 0 && <p className="muted small">{t('month.itemsPassed', { passed: passedChecks.length, total: checks.length })}</p>}
            {failed.length > 0 && <ul className="checks" aria-label={t('month.failedItems')}>{failed.map((c, i) => <CheckItem key={i} check={c} />)}</ul>}
            {passedChecks.length > 0 && <PassedItems checks={passedChecks} />}
          </li>
        );
      })}
    </ol>
  );
}
