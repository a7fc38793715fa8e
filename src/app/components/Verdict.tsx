/**
 * A month's status as words and a symbol (never colour alone): verified, rejected with reason, pending, unavailable
 * (the hosts could not give or agree on the data: no accusation), running.
 */
import { STEP_TEXT, t } from '../i18n';
import type { MonthRun } from '../features/months/months-store';

export function verdictText(run: MonthRun | undefined): { cls: string; text: string; reason?: string } {
  if (!run) return { cls: 'muted', text: t('months.notYet') };
  if (run.status === 'running') {
    const step = Object.entries(run.steps).find(([, st]) => st?.status === 'running')?.[0] as keyof typeof STEP_TEXT | undefined;
    return { cls: 'running', text: step ? t('months.runningStep', { step: STEP_TEXT[step].name }) : t('months.running') };
  }
  if (run.status === 'cancelled') return { cls: 'muted', text: t('verdict.cancelled') };
  if (run.status === 'error' || !run.report) return { cls: 'bad', text: t('verdict.error'), ...(run.error ? { reason: `${run.error.code}: ${run.error.message}` } : {}) };
  const r = run.report;
  if (r.verdict === 'verified') return { cls: 'ok', text: t('verdict.verified') };
  if (r.verdict === 'pending') return { cls: 'pending', text: t('verdict.pending'), ...(r.pendingReason ? { reason: r.pendingReason } : {}) };
  if (r.verdict === 'unavailable') return { cls: 'unavailable', text: t('verdict.unavailable'), ...(r.unavailableReason ? { reason: r.unavailableReason } : {}) };
  const first = r.checks.find((c) => !c.ok);
  return { cls: 'bad', text: t('verdict.rejected'), ...(first ? { reason: `${first.code}: ${first.message}` } : {}) };
}

const SYMBOL: Record<string, string> = { ok: '✓', bad: '✗', pending: '…', unavailable: '?', running: '⟳', muted: '○' };

export function Verdict({ run }: { run: MonthRun | undefined }) {
  const v = verdictText(run);
  return (
    <span className={`verdict verdict-${v.cls}`}>
      <span aria-hidden="true">{SYMBOL[v.cls]} </span>
      <strong>{v.text}</strong>
      {v.reason && <span className="verdict-reason">: {v.reason}</span>}
    </span>
  );
}
