/**
 * drey-verify against the ready-made chain through hostile hosts (the CI share of `npm run hostile:verdicts`, which
 * runs every month through every proxy): a flaky host only slows a verdict down, and never turns it into "rejected".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnScenarioDevnet, type DevnetProcess } from '../devnet-process';
import { runCli } from '../../src/cli/memory-io.test-util';
import { startHostileProxy, type HostileProxy } from './proxy';

interface Report { verdict: string; checks: { ok: boolean; code: string }[] }

let devnet: DevnetProcess;
let genesis = '';
let stop = async (): Promise<void> => {};
beforeAll(async () => {
  ({ devnet, genesis, close: stop } = await spawnScenarioDevnet());
}, 600_000);
afterAll(() => stop());

async function month(hosts: string, m: number, depth: 'quick' | 'full', extra: string[] = []): Promise<{ code: number; report: Report }> {
  const r = await runCli(['month', String(m), '--esplora', hosts, '--genesis', genesis, '--network', 'regtest', '--rps', '1000', '--json', '--no-cache',
    '--depth', depth, ...(depth === 'quick' ? ['--user', 'drey:reserve'] : []), ...extra], { fetch: globalThis.fetch.bind(globalThis) });
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

describe('through a flaky host', { timeout: 900_000 }, () => {
  it.each(['429-30', '503-30', 'reset-10', 'reset-50'])('(%s) a depositor\'s quick checks of months 1 and 4 come out verified', async (preset) => {
    await through(preset, async (p) => {
      for (const m of [1, 4]) {
        const { code, report } = await month(p.url, m, 'quick');
        expect(report.verdict, `month ${m}: ${JSON.stringify(report.checks.filter((c) => !c.ok))}`).toBe('verified');
        expect(code).toBe(0);
      }
      expect(Object.values(p.stats.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });
  });
  it('(429-30) a full month comes out verified', async () => {
    await through('429-30', async (p) => {
      const { code, report } = await month(p.url, 3, 'full');
      expect(report.verdict).toBe('verified');
      expect(code).toBe(0);
      expect(p.stats.injected['429']).toBeGreaterThan(5);
    });
  });
});
