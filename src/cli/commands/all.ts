/**
 * drey-verify all: every month from 1 to the one in progress at the tip, then the all-time actuary ranking. Exit 0
 * when every finished month is verified; the month in progress at the tip is reported as pending and does not fail
 * the run (it is not finished); 1 when a month is rejected; else 3 when one is unavailable; else 4 when an earlier
 * month is still pending; 2 usage.
 */
import { createDeadline } from '../../core/esplora/deadline';
import { monthsAtTip } from '../../core/month/fetch/months-at-tip';
import { allTimeRanking, type MonthRanking } from '../../core/month/ranking';
import type { MonthReport } from '../../core/month/report';
import type { MonthSources } from '../../core/month/records';
import { commandArgs, usage } from '../args';
import { EXIT, printJson, type CliIO } from '../io';
import { MONTH_HELP, MONTH_OPTIONS, errorExit, humanReport, monthSetup } from './month';

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(io, args, MONTH_OPTIONS, MONTH_HELP);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length) throw usage('all takes no month number', MONTH_HELP);
  const setup = monthSetup(parsed.values, io);
  const reports: MonthReport[] = [];
  try {
    // Counting the months asks the hosts too: under the same deadline as a month.
    const counting = createDeadline(setup.base.deadlineMs);
    const { months } = await monthsAtTip(setup.base.client.withSignal(counting.signal), setup.base.genesisId).finally(counting.dispose);
    // Within one run, what was fetched for a month is reused by the next: transactions, blocks six deep, stakes.
    const reuse: Pick<MonthSources, 'reveals' | 'blocks' | 'stakes'> = { reveals: {}, blocks: {}, stakes: {} };
    const keep = (src: MonthSources) => {
      Object.assign(reuse.reveals, src.reveals);
      Object.assign(reuse.stakes, src.stakes);
      for (const [h, b] of Object.entries(src.blocks)) if (!b.error && Number(h) <= src.tipHeight - 5) reuse.blocks[Number(h)] = b;
    };
    for (let m = 1; m <= months; m++) {
      const { report: r } = await setup.verify({ month: m, reuse, onSources: keep });
      reports.push(r);
      if (!setup.json) io.stdout(humanReport(r));
    }
  } catch (e) {
    return errorExit(e, io, setup.json);
  }
  const ranking = allTimeRanking(reports.map((r) => r.ranking).filter((r): r is MonthRanking => r !== null));
  const last = reports.at(-1);
  const pendingAtTip = last?.verdict === 'pending' ? last.month : null;
  const months = (v: string) => reports.filter((r) => r.verdict === v && !(v === 'pending' && r === last)).map((r) => r.month);
  const liars = [...new Map(reports.flatMap((r) => r.hosts?.liars ?? []).map((l) => [l.host, l])).values()];
  const summary = {
    months: reports.length, verified: months('verified'), rejected: months('rejected'), unavailable: months('unavailable'), pending: months('pending'), pendingAtTip,
    requests: setup.requests(), liars,
  };
  if (setup.json) printJson(io, { summary, ranking, reports });
  else {
    const named = (what: string, list: number[]) => (list.length ? `; ${what}: ${list.join(', ')}` : '');
    io.stdout(`${summary.verified.length} of ${reports.length} month(s) verified${named('rejected', summary.rejected)}${named('unavailable', summary.unavailable)}${named('pending', summary.pending)}${pendingAtTip ? `; month ${pendingAtTip} is in progress at the tip (pending, not counted as a failure)` : ''}; ${summary.requests} Esplora requests\n`);
    for (const l of liars) io.stdout(`  host caught lying and dropped: ${l.host} (${l.code})\n`);
    for (const a of ranking) io.stdout(`  ${a.key.slice(0, 16)}…  seniority ${a.seniority}  leads ${a.leads}  rewards ${a.rewards}  penalties ${a.penalties}  agreement ${a.agreementRate === null ? '—' : `${Math.round(a.agreementRate * 100)}%`}${a.keys.length > 1 ? `  (${a.keys.length} linked keys)` : ''}\n`);
  }
  if (summary.rejected.length) return EXIT.REJECTED;
  if (summary.unavailable.length) return EXIT.UNAVAILABLE;
  return summary.pending.length ? EXIT.PENDING : EXIT.VERIFIED;
}
