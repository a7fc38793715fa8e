/**
 * The widget's month verdict over the month pipeline (src/core/pipeline): quick mode for one depositor, full mode
 * otherwise; without a month attribute, the latest month that is not still in progress at the tip.
 */
import type { EsploraClient } from '../core/esplora/client';
import { outcomeOf } from '../core/outcome';
import { monthsAtTip } from '../core/month/fetch/months-at-tip';
import type { MonthReport } from '../core/month/report';
import { verifyMonth, type ProgramRunner } from '../core/pipeline';
import type { WidgetSettings } from './settings';
import { isUnavailable, type WidgetVerdict } from './verdict';

export interface MonthVerdictDeps {
  /** Runs the pinned WASM program with a time limit (its own Worker in a browser). */
  runProgram?: ProgramRunner;
  signal?: AbortSignal;
}

function verdictFromReport(r: MonthReport, ms: number): WidgetVerdict {
  const base = { subject: `Month ${r.month}`, month: r.month, ms };
  if (r.verdict === 'verified') {
    const mine = r.allocation ? `; allocation of ${r.allocation.user}: ${r.allocation.allocation} Dreybits, on the month root` : '';
    return { ...base, status: 'verified', code: 'OK', message: `${r.checks.length} checks passed (${r.depth} mode)${mine}` };
  }
  if (r.verdict === 'pending') return { ...base, status: 'pending', code: 'OK', message: r.pendingReason ?? 'the month is still in progress at the tip' };
  const failed = r.checks.filter((c) => !c.ok && c.code !== 'PIPELINE_NOT_CHECKED');
  if (r.verdict === 'unavailable') {
    const shown = failed.find((c) => isUnavailable(c.code)) ?? failed[0];
    const liars = r.hosts?.liars.length ? `; caught lying: ${r.hosts.liars.map((l) => l.host).join(', ')}` : '';
    return { ...base, status: 'unavailable', code: shown?.code ?? 'FETCH_FAILED', message: `${shown?.message ?? r.unavailableReason ?? 'the data could not be obtained'}${liars}` };
  }
  const shown = failed[0]!;
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more failed check(s))` : '';
  return { ...base, status: 'rejected', code: shown.code, message: `${shown.message}${more}` };
}

export async function monthVerdict(settings: WidgetSettings, client: EsploraClient, deps: MonthVerdictDeps, now: () => number): Promise<WidgetVerdict> {
  const t0 = now();
  const verify = async (month: number) => (await verifyMonth({
    client, network: settings.network, genesisId: settings.genesis, month, depth: settings.depth,
    ...(settings.user ? { user: settings.user } : {}),
    ...(deps.runProgram ? { runProgram: deps.runProgram } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  })).report;
  const outcome = await outcomeOf(async () => {
    if (settings.month !== null) return verify(settings.month);
    const { months } = await monthsAtTip(client, settings.genesis);
    if (months === 0) return null;
    const latest = await verify(months);
    // The month at the tip is usually still running: the badge then speaks for the month before it.
    return latest.verdict === 'pending' && months > 1 ? verify(months - 1) : latest;
  });
  const ms = now() - t0;
  if (!outcome.ok) {
    const { code, message } = outcome.error;
    return { status: isUnavailable(code) ? 'unavailable' : 'rejected', subject: settings.month ? `Month ${settings.month}` : 'Latest month', month: settings.month, code, message, ms };
  }
  if (outcome.value === null) return { status: 'pending', subject: 'Month 1', month: 1, code: 'OK', message: 'no month has started at the tip yet', ms };
  return verdictFromReport(outcome.value, ms);
}
