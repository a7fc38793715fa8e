/**
 * Golden month reports: `drey-verify all --json` and `drey-verify month M --depth quick --user U --json` run in-process
 * against the devnet serving one chain (the ready-made chain of fixtures/devnet, or an adversarial vector), their JSON
 * normalised so that only what the verification decided remains (timings, request counts and the devnet's port
 * removed). `npm run golden` writes them to vectors/golden-reports/; src/cli/golden-{0,1}.test.ts compare them byte for byte.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DIR, installFixture } from '../../src/devnet/scenario/fixture';
import { runCli } from '../../src/cli/memory-io.test-util';
import { spawnDevnet, type DevnetProcess } from '../devnet-process';

export const GOLDEN_DIR = 'vectors/golden-reports';
export const READY_MADE = 'ready-made';
export const ADVERSARIAL_DIR = 'vectors/adversarial';
/** Stands for the devnet's URL (a new port on every start) in the golden files. */
export const DEVNET_URL = 'http://devnet.invalid/api';

/** Every chain the golden set covers. */
export function goldenChains(): string[] {
  // A vector that verifies another case's chain (`expected.chain`) has no chain of its own to take reports from.
  const cases = existsSync(ADVERSARIAL_DIR)
    ? readdirSync(ADVERSARIAL_DIR).filter((c) => existsSync(join(ADVERSARIAL_DIR, c, 'expected.json')) && existsSync(join(ADVERSARIAL_DIR, c, 'blocks.dat.gz'))).sort()
    : [];
  return [READY_MADE, ...cases];
}

export function chainDir(chain: string): string {
  return chain === READY_MADE ? FIXTURE_DIR : join(ADVERSARIAL_DIR, chain);
}

/** SHA-256 of the chain's data files: the golden reports hold for exactly this chain. */
export function chainSource(chain: string): Record<string, string> {
  const dir = chainDir(chain);
  return Object.fromEntries(['blocks.dat.gz', 'mempool.txt.gz'].map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/** One chain served by its own devnet: the ready-made chain, or an adversarial vector's folder. */
export interface ChainServer {
  name: string;
  url: string;
  genesis: string;
  close: () => Promise<void>;
}

export async function serveChain(name: string): Promise<ChainServer> {
  const dir = mkdtempSync(join(tmpdir(), `drey-golden-${name}-`));
  if (name !== READY_MADE) installFixture(dir, join(ADVERSARIAL_DIR, name));
  let devnet: DevnetProcess | undefined;
  try {
    devnet = await spawnDevnet({ port: 0, dataDir: dir, quiet: true });
    const genesis = (await devnet.info()).genesis;
    if (!genesis) throw new Error(`the devnet serves no genesis for ${name}`);
    const d = devnet;
    return { name, url: d.url, genesis, close: async () => { await d.close(); rmSync(dir, { recursive: true, force: true }); } };
  } catch (e) {
    await devnet?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** A CLI run: exit code and its parsed `--json` output. */
export interface JsonRun {
  exit: number;
  output: Record<string, unknown>;
}

async function cliJson(server: ChainServer, argv: string[]): Promise<JsonRun> {
  const r = await runCli([...argv, '--esplora', server.url, '--genesis', server.genesis, '--network', 'regtest', '--rps', '1000', '--json'], { fetch: globalThis.fetch.bind(globalThis) });
  if (r.stdout.trim() === '') throw new Error(`drey-verify ${argv.join(' ')} printed nothing (exit ${r.code}): ${r.stderr}`);
  return { exit: r.code, output: JSON.parse(r.stdout) as Record<string, unknown> };
}

export const verifyAll = (server: ChainServer): Promise<JsonRun> => cliJson(server, ['all']);
export const verifyQuick = (server: ChainServer, month: number, user: string): Promise<JsonRun> => cliJson(server, ['month', String(month), '--depth', 'quick', '--user', user]);

type Json = Record<string, unknown>;

/**
 * A report without what varies between runs of the same verification: timings, request counts, retries (the hosts'
 * weather; the liars named stay), program run time.
 */
function stableReport(report: Json): Json {
  const { timings: _t, requests: _r, hosts, ...rest } = report;
  void _t;
  void _r;
  if (hosts && typeof hosts === 'object') rest.hosts = { liars: (hosts as Json).liars };
  const checks = (rest.checks as Json[] | undefined)?.map((c) => {
    if (c.step !== 'program' || typeof (c.evidence as Json | undefined)?.ms !== 'number') return c;
    const { ms: _ms, ...evidence } = c.evidence as Json;
    void _ms;
    return { ...c, message: String(c.message).replace(/ \(\d+ ms\)$/, ''), evidence };
  });
  return checks ? { ...rest, checks } : rest;
}

/** Canonical text of a golden file: the devnet URL replaced, one-space indentation, a final newline. */
export function goldenText(value: unknown, devnetUrl: string): string {
  return JSON.stringify(value, null, 1).split(devnetUrl).join(DEVNET_URL) + '\n';
}

/** The golden files of one `all` run: the run's summary and all-time ranking, and one file per month report. */
export function allFiles(run: JsonRun, devnetUrl: string): Record<string, string> {
  const out = run.output as { summary?: Json; ranking?: unknown; reports?: Json[] };
  if (!out.reports || !out.summary) return { 'all.json': goldenText({ exit: run.exit, output: run.output }, devnetUrl) };
  const { requests: _r, ...summary } = out.summary;
  void _r;
  const files: Record<string, string> = { 'all.json': goldenText({ exit: run.exit, summary, ranking: out.ranking }, devnetUrl) };
  for (const r of out.reports) files[`month-${r.month as number}.full.json`] = goldenText(stableReport(r), devnetUrl);
  return files;
}

export function quickFileName(month: number, user: string): string {
  return `month-${month}.quick.${user.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

/** A quick run's golden file: the exit code and the stable report (or the run-level error). */
export function quickFile(run: JsonRun, devnetUrl: string): string {
  return goldenText({ exit: run.exit, report: stableReport(run.output) }, devnetUrl);
}

/** The quick runs a chain's golden set holds: `runs.json` in its folder. */
export interface GoldenIndex {
  chain: string;
  /** SHA-256 of the chain's data files (see chainSource). */
  source: Record<string, string>;
  quick: { month: number; user: string }[];
}
