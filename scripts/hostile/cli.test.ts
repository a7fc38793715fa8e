/**
 * drey-verify against the ready-made chain through hostile hosts — the CI share of `npm run hostile:verdicts`, which
 * runs full months 1–6 through every proxy (DREY_HOSTILE_ALL=1 adds a host resetting half its connections here, about
 * four minutes on two cores): a flaky host only slows a verdict down and never makes it "rejected"; a lying
 * host before an honest one is caught, named, and the month verifies; a host streaming an endless body, stalling an
 * endpoint or answering garbage with 200 ends in "unavailable" (exit 3) within the deadline and under 1 GB.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnScenarioDevnet, type DevnetProcess } from '../devnet-process';
import { runCli } from '../../src/cli/memory-io.test-util';
import { LIE_NAMES } from './lies';
import { startHostileProxy, type HostileProxy } from './proxy';

interface Report { verdict: string; unavailableReason?: string; checks: { ok: boolean; code: string }[]; hosts?: { retries: number; liars: { host: string; code: string }[] } }

let devnet: DevnetProcess;
let genesis = '';
let stop = async (): Promise<void> => {};
beforeAll(async () => {
  ({ devnet, genesis, close: stop } = await spawnScenarioDevnet());
}, 600_000);
afterAll(() => stop());

const monthArgs = (hosts: string, m: number, depth: 'quick' | 'full', extra: string[]) => ['month', String(m), '--esplora', hosts, '--genesis', genesis, '--network', 'regtest',
  '--rps', '1000', '--json', '--no-cache', '--depth', depth, ...(depth === 'quick' ? ['--user', 'drey:reserve'] : []), ...extra];

async function month(hosts: string, m: number, depth: 'quick' | 'full', extra: string[] = []): Promise<{ code: number; report: Report }> {
  const r = await runCli(monthArgs(hosts, m, depth, extra), { fetch: globalThis.fetch.bind(globalThis) });
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

async function through<T>(preset: string, fn: (p: HostileProxy) => Promise<T>): Promise<T> {
  const p = await startHostileProxy({ upstream: devnet.url, faults: [preset] });
  try {
    return await fn(p);
  } finally {
    await p.close();
  }
}

const failures = (r: Report) => JSON.stringify(r.checks.filter((c) => !c.ok).map((c) => c.code));

const FLAKY = ['429-30', '503-30', 'reset-10', ...(process.env.DREY_HOSTILE_ALL === '1' ? ['reset-50'] : [])];

describe('through a flaky host', { timeout: 900_000 }, () => {
  it.each(FLAKY)('(%s) a depositor\'s quick checks of months 1–6 are never rejected; through 429s they verify', async (preset) => {
    await through(preset, async (p) => {
      const seen: string[] = [];
      for (const m of [1, 2, 3, 4, 5, 6]) {
        const t0 = performance.now();
        const { code, report } = await month(p.url, m, 'quick');
        seen.push(`month ${m} ${report.verdict} (${report.hosts?.retries ?? '?'} retries, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        expect(preset === '429-30' ? ['verified'] : ['verified', 'unavailable'], `month ${m}: ${failures(report)}`).toContain(report.verdict);
        expect(code).toBe(report.verdict === 'verified' ? 0 : 3);
      }
      console.log(`[hostile cli] ${preset}: ${seen.join('; ')} — proxy injected ${JSON.stringify(p.stats.injected)}`);
      expect(Object.values(p.stats.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });
  });
  it('(429-30) a full month comes out verified, the report counting the retries', async () => {
    await through('429-30', async (p) => {
      const t0 = performance.now();
      const { code, report } = await month(p.url, 3, 'full');
      console.log(`[hostile cli] 429-30 full month 3: ${report.verdict}, ${report.hosts?.retries} retries, ${((performance.now() - t0) / 1000).toFixed(1)} s — proxy injected ${JSON.stringify(p.stats.injected)}`);
      expect(report.verdict, failures(report)).toBe('verified');
      expect(code).toBe(0);
      expect(p.stats.injected['429']).toBeGreaterThan(5);
      expect(report.hosts!.retries).toBeGreaterThanOrEqual(p.stats.injected['429']!);
    });
  });
});

/**
 * Lies month 2's quick check reads; the outspend lies touch stakes, which only a full month reads, and a month asks no
 * reveal's `/merkle-proof`: each branch comes from its block's txid list, which the block's height proof (BIP34)
 * needs anyway. A stake's spender is still proven by its `/merkle-proof` (full month 4).
 */
const MERKLE_LIES = ['flip-merkle-pos', 'flip-merkle-branch'] as const;
const QUICK_LIES = LIE_NAMES.filter((l) => !l.startsWith('outspend-') && !(MERKLE_LIES as readonly string[]).includes(l));

describe('through a lying host listed before an honest one', { timeout: 900_000 }, () => {
  it.each(QUICK_LIES)('(%s) month 2 verifies and the report names the liar', async (lie) => {
    await through(lie, async (p) => {
      const { code, report } = await month(`${p.url},${devnet.url}`, 2, 'quick');
      expect(report.verdict, failures(report)).toBe('verified');
      expect(code).toBe(0);
      expect(report.hosts!.liars.map((l) => l.host)).toEqual([p.url]);
    });
  });
  it.each([['outspend-spent', 2], ['outspend-unspent', 4], ...MERKLE_LIES.map((l) => [l, 4] as const)] as const)('(%s) full month %i verifies and the report names the liar', async (lie, m) => {
    await through(lie, async (p) => {
      const { report } = await month(`${p.url},${devnet.url}`, m, 'full');
      expect(report.verdict, failures(report)).toBe('verified');
      // Which host answers a given request depends on how busy each is at that moment: a lie is named once it was told.
      expect(report.hosts!.liars.map((l) => l.host)).toEqual(p.stats.injected[lie] ? [p.url] : []);
    });
  });
});

describe('through a hostile host alone', { timeout: 900_000 }, () => {
  it.each(['slowloris-header', 'html-200', 'json-200'])('(%s) the month is unavailable (exit 3) once the deadline or the retries run out', async (preset) => {
    await through(preset, async (p) => {
      const { code, report } = await month(p.url, 2, 'full', ['--deadline', '20']);
      expect(report.verdict, failures(report)).toBe('unavailable');
      expect(code).toBe(3);
      expect(report.checks.filter((c) => !c.ok && c.code !== 'PIPELINE_NOT_CHECKED').every((c) => /^(FETCH|CHAIN)_/.test(c.code))).toBe(true);
    });
  });

  it('(endless) the month is unavailable, and the CLI process stays under 1 GB', async () => {
    await through('endless', async (p) => {
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((ok) => {
        const child = spawn(process.execPath, ['scripts/hostile/measured-cli.mjs', ...monthArgs(p.url, 2, 'full', ['--deadline', '60'])], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
        child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
        child.on('exit', (code) => ok({ code: code ?? -1, stdout, stderr }));
      });
      const report = JSON.parse(run.stdout) as Report;
      expect(report.verdict).toBe('unavailable');
      expect(report.unavailableReason).toMatch(/FETCH_TOO_LARGE/);
      expect(run.code).toBe(3);
      const rssKiB = Number(/maxrss_kib=(\d+)/.exec(run.stderr)?.[1]);
      console.log(`[hostile cli] endless body: peak RSS ${(rssKiB / 1024).toFixed(0)} MiB`);
      expect(rssKiB).toBeGreaterThan(0);
      expect(rssKiB).toBeLessThan(1024 * 1024);
    });
  });
});
