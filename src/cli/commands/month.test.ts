import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnScenarioDevnet, type DevnetProcess } from '../../../scripts/devnet-process';
import { cacheNamespace, decodeEntry, encodeEntry } from '../disk-cache';
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
    [['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--cache', '/tmp/x', '--no-cache'], 'exclude each other'],
    [['all', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--cache', ''], '--cache needs a directory'],
    ...['0', '0.01', '1e-300', '1e3', '1001', 'fast', ''].map((v) => [['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--rps', v], '--rps must be an integer from 1 to 1000'] as [string[], string]),
    ...['0', '1.5', '86401', 'soon'].map((v) => [['all', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--deadline', v], '--deadline must be an integer from 1 to 86400'] as [string[], string]),
  ])('%j exits 2 with a usage message', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('when no Esplora host can be reached', () => {
  it('the month is unavailable (exit 3), not rejected: no step after the fetch is checked', async () => {
    const refused = (async () => { throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }); }) as typeof fetch;
    const r = await cli(['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--network', 'regtest', '--json'], refused);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { verdict: string; unavailableReason: string; checks: { step: string; ok: boolean; code: string }[] };
    expect(report.verdict).toBe('unavailable');
    expect(report.unavailableReason).toMatch(/^FETCH_NETWORK/);
    expect(report.checks[0]).toMatchObject({ step: 'fetch', ok: false, code: 'FETCH_NETWORK' });
    expect(new Set(report.checks.slice(1).map((c) => c.code))).toEqual(new Set(['PIPELINE_NOT_CHECKED']));
    const human = await cli(['month', '1', '--esplora', 'http://127.0.0.1:9/api', '--genesis', G, '--network', 'regtest'], refused);
    expect(human.stdout).toMatch(/^month 1 \(full\): UNAVAILABLE — FETCH_NETWORK/);
    expect(human.stdout).toContain('not checked: data unavailable');
  });
});

/**
 * Against the devnet's scenario chain (fixtures/devnet, served on an empty data directory): quick mode and the disk
 * cache. What every month of this chain and of the adversarial vectors verifies to is src/cli/golden.test-util.ts.
 */
describe('when the devnet serves the scenario', { timeout: 600_000 }, () => {
  let devnet: DevnetProcess | undefined;
  let genesis = '';
  let close = async (): Promise<void> => {};

  beforeAll(async () => {
    ({ devnet, genesis, close } = await spawnScenarioDevnet());
  }, 600_000);
  afterAll(() => close());

  it('quick mode verifies one depositor and returns the path', async () => {
    const r = await cli(['month', '1', '--depth', 'quick', '--user', 'drey:reserve', '--esplora', devnet!.url, '--genesis', genesis, '--network', 'regtest', '--rps', '1000', '--json']);
    const report = JSON.parse(r.stdout) as { verdict: string; allocation?: { row: number } };
    expect(report.verdict).toBe('verified');
    expect(report.allocation?.row).toBe(0);
    expect(r.code).toBe(0);
  });

  it('keeps immutable data in the default cache directory, per network and hosts, and nothing with --no-cache', async () => {
    const home = mkdtempSync(join(tmpdir(), 'drey-cli-default-cache-'));
    try {
      const argv = ['month', '1', '--depth', 'quick', '--user', 'drey:reserve', '--esplora', devnet!.url, '--genesis', genesis, '--network', 'regtest', '--rps', '1000', '--json'];
      const off = await runCli([...argv, '--no-cache'], { fetch: globalThis.fetch.bind(globalThis), cacheDir: home });
      expect(JSON.parse(off.stdout).verdict).toBe('verified');
      expect(readdirSync(home)).toEqual([]);
      const on = await runCli(argv, { fetch: globalThis.fetch.bind(globalThis), cacheDir: home });
      expect(JSON.parse(on.stdout).verdict).toBe('verified');
      expect(readdirSync(home)).toEqual([cacheNamespace('regtest', [devnet!.url])]);
      const kinds = new Set(readdirSync(join(home, readdirSync(home)[0]!)).map((f) => f.split('-')[0]));
      expect([...kinds]).toEqual(expect.arrayContaining(['header', 'tx']));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  describe('and a month is verified again with the same cache directory', () => {
    type Report = { verdict: string; requests: number; checks: { step: string; ok: boolean; code: string }[] };
    const cacheDir = mkdtempSync(join(tmpdir(), 'drey-cli-cache-'));
    const month3 = async (): Promise<CliRun & { report: Report }> => {
      const r = await cli(['month', '3', '--esplora', devnet!.url, '--genesis', genesis, '--network', 'regtest', '--rps', '1000', '--json', '--cache', cacheDir]);
      return { ...r, report: JSON.parse(r.stdout) as Report };
    };
    const outcome = (r: Report) => ({ verdict: r.verdict, checks: r.checks.map((c) => `${c.step} ${c.ok} ${c.code}`) });
    let cold: Report | undefined;
    let warm: Report | undefined;
    /** The namespace directory's entries by kind (`tx`, `header`, `txids`, `merkle`) as [key, path]. */
    const entries = (kind: string): [string, string][] => {
      const [ns] = readdirSync(cacheDir);
      const dir = join(cacheDir, ns!);
      return readdirSync(dir).filter((f) => f.startsWith(`${kind}-`)).map((f) => [`${kind}:${f.slice(kind.length + 1)}`, join(dir, f)]);
    };
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

    it('the second run asks strictly fewer requests and reaches the same verdict', async () => {
      const first = await month3();
      const second = await month3();
      cold = first.report;
      warm = second.report;
      expect(first.report.verdict).toBe('verified');
      expect(outcome(second.report)).toEqual(outcome(first.report));
      expect(second.report.requests).toBeLessThan(first.report.requests);
      expect(second.code).toBe(first.code);
      expect(first.stderr + second.stderr).not.toContain('warning');
      for (const kind of ['tx', 'header', 'txids', 'merkle']) expect(entries(kind).length).toBeGreaterThan(0);
    });

    it('tampered or corrupt cache files are fetched again and do not change the verdict', async () => {
      if (!cold || !warm) throw new Error('needs the cache filled by the previous test');
      const [tx, otherTx] = entries('tx');
      const [header, otherHeader] = entries('header');
      const [txids] = entries('txids');
      const merkles = entries('merkle');
      const originalHeader = decodeEntry(header![0], readFileSync(header![1]));
      const originalProof = decodeEntry(merkles[0]![0], readFileSync(merkles[0]![1]));
      const originalProofs = merkles.map(([key, path]) => decodeEntry(key, readFileSync(path)));
      // Well-formed entries holding another object's value: caught by the client's re-verification.
      writeFileSync(tx![1], encodeEntry(tx![0], decodeEntry(otherTx![0], readFileSync(otherTx![1])))!);
      writeFileSync(header![1], encodeEntry(header![0], decodeEntry(otherHeader![0], readFileSync(otherHeader![1])))!);
      const list = decodeEntry(txids![0], readFileSync(txids![1])) as string[];
      writeFileSync(txids![1], encodeEntry(txids![0], [...list, list[0]])!);
      // Damaged files (caught by the entry's checksum), and forged Merkle branches with a valid checksum (another
      // position: caught against the verified header, then asked again).
      merkles.forEach(([key, path], i) => {
        if (i % 2 === 0) {
          const bytes = readFileSync(path);
          bytes[bytes.length - 2]! ^= 1;
          writeFileSync(path, bytes);
        } else {
          const proof = decodeEntry(key, readFileSync(path)) as { pos: number; merkle: string[] };
          writeFileSync(path, encodeEntry(key, { ...proof, pos: proof.pos ^ 1 })!);
        }
      });
      const again = await month3();
      expect(outcome(again.report)).toEqual(outcome(cold));
      // Every Merkle proof and the header are read again, so each costs one request, and is written back intact.
      expect(again.report.requests).toBeGreaterThanOrEqual(warm.requests + 1 + merkles.length);
      expect(again.report.requests).toBeLessThan(cold.requests);
      expect(decodeEntry(header![0], readFileSync(header![1]))).toEqual(originalHeader);
      expect(decodeEntry(merkles[0]![0], readFileSync(merkles[0]![1]))).toEqual(originalProof);
      expect(merkles.map(([key, path]) => decodeEntry(key, readFileSync(path)))).toEqual(originalProofs);
    });
  });
});
