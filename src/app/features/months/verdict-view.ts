/** What the Verdict component shows for a run: its report's verdict, or where the run stands before it has one. */
import type { VerdictView } from '../../components/Verdict';
import { STEP_TEXT, t } from '../../i18n';
import type { MonthRun } from './months-store';

/** `place`: where the run waits in the queue (1 = next), when it does. */
export function verdictView(run: MonthRun | undefined, place?: number): VerdictView {
  if (place !== undefined && run?.status !== 'running') return { kind: 'queued', text: t('months.queued', { place }) };
  if (!run) return { kind: 'none', text: t('months.notYet') };
  if (run.status === 'running') {
    const step = (Object.keys(run.steps) as (keyof typeof STEP_TEXT)[]).find((s) => run.steps[s]?.status === 'running');
    return { kind: 'running', text: step ? t('months.runningStep', { step: STEP_TEXT[step].name }) : t('months.running') };
  }
  if (run.status === 'cancelled') return { kind: 'cancelled', text: t('verdict.cancelled') };
  if (run.status === 'error' || !run.report) return { kind: 'error', text: t('verdict.error'), ...(run.error ? { reason: `${run.error.code}: ${run.error.message}` } : {}) };
  const r = run.report;
  // One case per verdict: a new verdict fails the type check here until it is given its words.
  switch (r.verdict) {
    case 'verified':
      return { kind: 'verified', text: t('verdict.verified') };
    case 'pending':
      return { kind: 'pending', text: t('verdict.pending'), ...(r.pendingReason ? { reason: r.pendingReason } : {}) };
    case 'unavailable':
      return { kind: 'unavailable', text: t('verdict.unavailable'), ...(r.unavailableReason ? { reason: r.unavailableReason } : {}) };
    case 'rejected': {
      const first = r.checks.find((c) => !c.ok);
      return { kind: 'rejected', text: t('verdict.rejected'), ...(first ? { reason: `${first.code}: ${first.message}` } : {}) };
    }
    default:
      return unknownVerdict(r.verdict);
  }
}

function unknownVerdict(verdict: never): never {
  throw new TypeError(`no words for the verdict ${String(verdict)}`);
}
