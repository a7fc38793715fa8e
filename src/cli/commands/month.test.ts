import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnDevnet, spawnScenarioDevnet, type DevnetProcess } from '../../../scripts/devnet-process';
import { installFixture } from '../../devnet/scenario/fixture';
import { runCli, type CliRun } from '../memory-io.test-util';

const cli = (argv: string[], fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<CliRun> => runCli(argv, { fetch: fetchImpl });

const G = `${'ab'.repeat(32)}i0`;

describe('when month or all is called with bad options', () => {
  it.each([
    [['month'], 'M is a month number'],
    [['month', '0', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G], 'M is a month number'],
    [['month', '1', '--genesis', G], '--esplora is required'],
    [['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', 'nope'], '--genesis must be'],
    [['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--depth', 'deep'], '--depth must be'],
    [['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--depth', 'quick'], 'needs --user'],
    [['all', '3', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G], 'no month number'],
    [['month', '1', '--esplora', 'ftp://x', '--genesis', G], 'http(s)'],
  ])('%j exits 2 with a usage message', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('when no Esplora host can be reached', () => {
  it('exits 2 (I/O), not 1', async () => {
    const refused = (async () => { throw new TypeError('fetch failed'); }) as typeof fetch;
    const r = await cli(['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--network', 'regtest', '--json'], refused);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).code).toMatch(/^FETCH_/);
  });
});

/**
 * Against the devnet's scenario chain (fixtures/devnet, served on an empty data directory): every finished month is
 * verified, the month at the tip is pending, the scenario's events appear as the protocol says. Skipped while the
 * devnet serves no scenario (no genesis in /api/devnet/info).
 */
describe('when the devnet serves the scenario', { timeout: 600_000 }, () => {
  let devnet: DevnetProcess | undefined;
  let genesis = '';
  let close = async (): Promise<void> => {};

  beforeAll(async () => {
    ({ devnet, genesis, close } = await spawnScenarioDevnet());
  }, 600_000);
  afterAll(() => close());

  it('verifies every finished month and reports the month at the tip as pending', async () => {
    const r = await cli(['all', '--esplora', devnet!.url, '--genesis', genesis, '--network', 'regtest', '--rps', '1000', '--json']);
    const out = JSON.parse(r.stdout) as { summary: { rejected: number[]; pendingAtTip: number | null; verified: number[] }; reports: { month: number; verdict: string; checks: { ok: boolean; code: string; evidence: Record<string, unknown> }[] }[] };
    expect(out.summary.rejected).toEqual([]);
    expect(out.summary.verified.length).toBeGreaterThanOrEqual(1);
    expect(r.code).toBe(0);
    const statuses = out.reports.flatMap((m) => m.checks.map((c) => c.evidence.status)).filter(Boolean);
    expect(statuses).toContain('void');
    const missed = out.reports.flatMap((m) => m.checks.filter((c) => c.evidence.missed === true));
    expect(missed.length).toBeGreaterThanOrEqual(1);
  });

  it('quick mode verifies one depositor and returns the path', async () => {
    const r = await cli(['month', '1', '--depth', 'quick', '--user', 'drey:reserve', '--esplora', devnet!.url, '--genesis', genesis, '--network', 'regtest', '--rps', '1000', '--json']);
    const report = JSON.parse(r.stdout) as { verdict: string; allocation?: { row: number } };
    expect(report.verdict).toBe('verified');
    expect(report.allocation?.row).toBe(0);
    expect(r.code).toBe(0);
  });
});

/** Adversarial vectors (vectors/adversarial/<case>/: a chain and expected.json with the code it must fail with). */
const ADVERSARIAL = 'vectors/adversarial';
const cases = existsSync(ADVERSARIAL) ? readdirSync(ADVERSARIAL).filter((c) => existsSync(join(ADVERSARIAL, c, 'expected.json'))) : [];
describe.skipIf(cases.length === 0)('when a month is adversarial', { timeout: 600_000 }, () => {
  it.each(cases)('%s is rejected with its code', async (name) => {
    const expected = JSON.parse(readFileSync(join(ADVERSARIAL, name, 'expected.json'), 'utf8')) as { code: string; month: number; genesis?: string };
    const dir = mkdtempSync(join(tmpdir(), `drey-adv-${name}-`));
    installFixture(dir, join(ADVERSARIAL, name));
    const dn = await spawnDevnet({ port: 0, dataDir: dir, quiet: true });
    try {
      const g = expected.genesis ?? (await dn.info()).genesis!;
      const r = await cli(['month', String(expected.month), '--esplora', dn.url, '--genesis', g, '--network', 'regtest', '--rps', '1000', '--json']);
      const report = JSON.parse(r.stdout) as { verdict: string; checks: { ok: boolean; code: string }[] };
      expect(report.verdict).toBe('rejected');
      expect(report.checks.filter((c) => !c.ok).map((c) => c.code)).toContain(expected.code);
      expect(r.code).toBe(1);
    } finally {
      await dn.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
