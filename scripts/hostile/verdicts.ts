/**
 * npm run hostile:verdicts: months of the ready-made chain verified by drey-verify through every hostile proxy, one
 * process per month (its peak memory measured), as a table: the verdict, the exit code, the wall time, the peak RSS,
 * retries and the hosts named as liars. Flaky proxies stand alone; each lying proxy comes first before an honest host
 * (`liar,honest`); the hostile ones (endless body, slowloris, garbage with 200) stand alone under a short deadline.
 *   --cases a,b   only these presets     --months 1,2   only these months (default 1–6)
 *   --depth D     quick|full (default full)   --deadline S   seconds for the hostile cases (default 60)
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { spawnScenarioDevnet } from '../devnet-process';
import { FLAKY_PRESETS, HOSTILE_PRESETS, LIAR_PRESETS } from './faults';
import { startHostileProxy } from './proxy';

const { values } = parseArgs({ options: { cases: { type: 'string' }, months: { type: 'string' }, depth: { type: 'string' }, deadline: { type: 'string' } } });
const only = values.cases?.split(',');
const months = (values.months ?? '1,2,3,4,5,6').split(',').map(Number);
const depth = values.depth ?? 'full';
const deadline = values.deadline ?? '60';

interface Case { name: string; kind: 'flaky' | 'liar' | 'hostile' }
const cases: Case[] = [
  ...Object.keys(FLAKY_PRESETS).map((name) => ({ name, kind: 'flaky' as const })),
  ...Object.keys(LIAR_PRESETS).map((name) => ({ name, kind: 'liar' as const })),
  ...Object.keys(HOSTILE_PRESETS).map((name) => ({ name, kind: 'hostile' as const })),
].filter((c) => !only || only.includes(c.name));

interface Row { month: number; verdict: string; exit: number; seconds: number; rssMiB: number; retries: number | string; liars: string; failures: string }

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  const t0 = performance.now();
  return new Promise((ok) => {
    const child = spawn(process.execPath, ['scripts/hostile/measured-cli.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('exit', (code) => ok({ code: code ?? -1, stdout, stderr, seconds: (performance.now() - t0) / 1000 }));
  });
}

const { devnet, genesis, close } = await spawnScenarioDevnet();
console.log(`# Verdicts through hostile hosts (${depth}, months ${months.join(', ')})`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}\n`);
try {
  for (const c of cases) {
    const proxy = await startHostileProxy({ upstream: devnet.url, faults: [c.name] });
    const hosts = c.kind === 'liar' ? `${proxy.url},${devnet.url}` : proxy.url;
    const rows: Row[] = [];
    for (const month of months) {
      const args = ['month', String(month), '--esplora', hosts, '--genesis', genesis, '--network', 'regtest', '--rps', '1000', '--json', '--no-cache', '--depth', depth,
        ...(depth === 'quick' ? ['--user', 'drey:reserve'] : []), ...(c.kind === 'hostile' ? ['--deadline', deadline] : [])];
      const r = await runCli(args);
      const rss = Number(/maxrss_kib=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
      let report: { verdict?: string; code?: string; checks?: { ok: boolean; code: string }[]; hosts?: { retries: number; liars?: { host: string; code: string }[] } } = {};
      try { report = JSON.parse(r.stdout) as typeof report; } catch { /* usage errors print no JSON */ }
      const failures = [...new Set((report.checks ?? []).filter((x) => !x.ok).map((x) => x.code))];
      rows.push({
        month, verdict: report.verdict ?? report.code ?? r.stderr.trim().split('\n')[0]!.slice(0, 60), exit: r.code, seconds: r.seconds, rssMiB: rss,
        retries: report.hosts?.retries ?? '—', liars: (report.hosts?.liars ?? []).map((l) => `${l.host === proxy.url ? 'proxy' : l.host} (${l.code})`).join(' ') || '—',
        failures: failures.slice(0, 4).join(' ') || '—',
      });
    }
    console.log(`## ${c.name} (${c.kind === 'liar' ? 'liar,honest' : 'alone'}) — proxy injected ${JSON.stringify(proxy.stats.injected)}`);
    console.log('| month | verdict | exit | s | peak RSS MiB | retries | liars named | failed checks |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.month} | ${r.verdict} | ${r.exit} | ${r.seconds.toFixed(1)} | ${r.rssMiB.toFixed(0)} | ${r.retries} | ${r.liars} | ${r.failures} |`);
    console.log();
    await proxy.close();
  }
} finally {
  await close();
}
