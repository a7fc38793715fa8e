/**
 * The widget's month verdict over the month pipeline (src/core/pipeline): quick mode for one depositor, full mode
 * otherwise; without a month attribute, the latest month that is not still in progress at the tip. With month packs,
 * the month's pack is taken before its check (it only saves requests: a missing or refused one changes nothing else).
 */
import type { EsploraClient } from '../core/esplora/client';
import type { packedCache } from '../core/esplora/pack';
import { checkWithPack, fetchMonthPack } from '../core/esplora/pack-fetch';
import { outcomeOf } from '../core/outcome';
import { monthsAtTip } from '../core/month/fetch/months-at-tip';
import type { MonthReport } from '../core/month/report';
import { verifyMonth, type ProgramRunner } from '../core/pipeline';
import { preparePoseidon } from '../core/crypto/poseidon-fast';
import { loadMcl } from '../core/proof/mcl';
import type { ProofWorkers } from '../core/proof/proof-system';
import type { WidgetSettings } from './settings';
import { failedVerdict } from './failed-verdict';
import { isUnavailable, type WidgetVerdict } from './widget-verdict';

export interface MonthVerdictDeps {
  /** Runs the pinned WASM program with a time limit (its own Worker in a browser). */
  runProgram?: ProgramRunner;
  /** Worker threads for the batch proofs (nested Workers of the widget's Worker). */
  proofWorkers?: ProofWorkers;
  signal?: AbortSignal;
  /** Where the month packs are (absolute), and the cache of this verification's client they go under. */
  packs?: { base: string; cache: ReturnType<typeof packedCache>; fetch: typeof fetch };
}

export function verdictFromReport(r: MonthReport, ms: number): WidgetVerdict {
  const v = verdictOf(r, ms);
  return r.pack ? { ...v, pack: r.pack } : v;
}

function verdictOf(r: MonthReport, ms: number): WidgetVerdict {
  const base = { subject: `Month ${r.month}`, month: r.month, ms };
  if (r.verdict === 'verified' && r.notInTable) {
    return {
      ...base, status: 'not-in-table', code: 'OK', message: `${r.checks.length} checks passed (quick mode); the user id is not among the ${r.notInTable.rows} rows`,
      explanation: `This user id is not among the ${r.notInTable.rows.toLocaleString('en-US')} rows of month ${r.month}’s table: check the id.`,
    };
  }
  if (r.verdict === 'verified') {
    const mine = r.allocation ? `; allocation of ${r.allocation.user}: ${r.allocation.allocation} Dreybits, on the month root` : '';
    return { ...base, status: 'verified', code: 'OK', explanation: '', message: `${r.checks.length} checks passed (${r.depth} mode)${mine}`, ...(r.allocation ? { allocation: r.allocation.allocation } : {}) };
  }
  if (r.verdict === 'pending') return { ...base, status: 'pending', code: 'OK', explanation: 'The month is still in progress: it has no final result yet.', message: r.pendingReason ?? 'the month is still in progress at the tip' };
  const failed = r.checks.filter((c) => !c.ok && c.code !== 'PIPELINE_NOT_CHECKED');
  if (r.verdict === 'unavailable') {
    const shown = failed.find((c) => isUnavailable(c.code)) ?? failed[0];
    const liars = r.hosts?.liars.length ? `; caught lying: ${r.hosts.liars.map((l) => l.host).join(', ')}` : '';
    return failedVerdict(shown?.code ?? 'FETCH_FAILED', `${shown?.message ?? r.unavailableReason ?? 'the data could not be obtained'}${liars}`, base.subject, base.month, ms, 'unavailable');
  }
  const shown = failed[0]!;
  const more = failed.length > 1 ? ` (and ${failed.length - 1} more failed check(s))` : '';
  return failedVerdict(shown.code, `${shown.message}${more}`, base.subject, base.month, ms, 'rejected');
}

/**
 * Every month's proofs need the proof engine and Poseidon: their WebAssembly compiles (off this thread) while the
 * month's data is fetched, instead of after it. Once per Worker; a failure here is the proofs' to report.
 */
function warmEngines(): void {
  void loadMcl().catch(() => undefined);
  void preparePoseidon().catch(() => undefined);
}

/** Runs a month's check with its pack (when one is there) under the cache; the report says how the pack served. */
async function withPack(packs: NonNullable<MonthVerdictDeps['packs']>, settings: WidgetSettings, month: number, signal: AbortSignal | undefined, run: () => Promise<MonthReport>): Promise<MonthReport> {
  const outcome = await fetchMonthPack({
    fetch: packs.fetch, base: packs.base, network: settings.network, genesis: settings.genesis, month, depth: settings.depth, ...(signal ? { signal } : {}),
  });
  const { result, pack } = await checkWithPack(packs.cache, outcome, run);
  return { ...result, ...(pack ? { pack } : {}) };
}

export async function monthVerdict(settings: WidgetSettings, client: EsploraClient, deps: MonthVerdictDeps, now: () => number): Promise<WidgetVerdict> {
  const t0 = now();
  warmEngines();
  const verify = async (month: number): Promise<MonthReport> => {
    const run = async () => (await verifyMonth({
      client, network: settings.network, genesisId: settings.genesis, month, depth: settings.depth,
      ...(settings.user ? { user: settings.user } : {}),
      ...(deps.runProgram ? { runProgram: deps.runProgram } : {}),
      ...(deps.proofWorkers ? { proofWorkers: deps.proofWorkers } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
    })).report;
    return deps.packs ? withPack(deps.packs, settings, month, deps.signal, run) : run();
  };
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
    return failedVerdict(code, message, settings.month ? `Month ${settings.month}` : 'Latest month', settings.month, ms);
  }
  if (outcome.value === null) return { status: 'pending', subject: 'Month 1', month: 1, code: 'OK', explanation: 'No month of this deployment has started yet.', message: 'no month has started at the tip yet', ms };
  return verdictFromReport(outcome.value, ms);
}
