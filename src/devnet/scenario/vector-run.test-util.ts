/**
 * Verifying adversarial vectors (vectors/adversarial/<case>/) in this process: each chain installed once into a fresh
 * devnet, each vector's month verified with the core pipeline and the options its expected.json names, and the outcome
 * read the way expected.json states it: the code of the month's first failing check (a run-level error counts as the
 * first), or a verified month with its penalty, the information codes it lists and the failed month before it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Check } from '../../core/check';
import { createEsploraClient } from '../../core/esplora/client';
import { VerifyError } from '../../core/errors';
import type { MonthReport } from '../../core/month/report';
import { verifyMonth } from '../../core/pipeline';
import { REPO_ROOT } from '../prover/setup';
import { startDevnet } from '../devnet';
import type { ExpectedVector } from './adversarial-vectors';
import { installFixture } from './fixture';

export const VECTORS_DIR = join(REPO_ROOT, 'vectors', 'adversarial');

export interface Vector {
  name: string;
  expected: ExpectedVector;
  /** The case whose chain it verifies (its own, or `expected.chain`). */
  chain: string;
}

export function readVectors(dir = VECTORS_DIR): Vector[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => existsSync(join(dir, d, 'expected.json'))).sort().map((name) => {
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as ExpectedVector;
    return { name, expected, chain: expected.chain ?? name };
  });
}

/** What a month's verification ended with. */
export interface Outcome {
  verdict: MonthReport['verdict'] | 'error';
  /** The first failing check's code, or the run-level error's. */
  first?: string;
  /** Every failing code, in report order. */
  failures: string[];
  /** Codes named as information by passing checks (`ignored`, `invalid`, `reason` evidence). */
  info: Set<string>;
  /** Penalty reasons the rewards step recomputed. */
  penalties: string[];
  checks: Check[];
}

export function outcomeOf(report: MonthReport): Outcome {
  const failures = report.checks.filter((c) => !c.ok).map((c) => c.code);
  const info = new Set<string>();
  for (const c of report.checks) {
    if (!c.ok) continue;
    for (const k of ['ignored', 'invalid', 'reason'] as const) {
      const v = c.evidence[k];
      if (typeof v === 'string' && /^[A-Z][A-Z0-9_]+$/.test(v)) info.add(v);
    }
  }
  const penalties = report.checks.flatMap((c) => (c.step === 'rewards' && Array.isArray(c.evidence.penalties) ? (c.evidence.penalties as { reason: string }[]).map((p) => p.reason) : []));
  return { verdict: report.verdict, ...(failures[0] ? { first: failures[0] } : {}), failures, info, penalties, checks: report.checks };
}

/** One chain on an in-process devnet; `verify` runs one month of it as a vector says. */
export async function openChain(dir: string, chain: string): Promise<{ verify: (e: ExpectedVector, month?: number) => Promise<Outcome>; close: () => Promise<void> }> {
  const data = mkdtempSync(join(tmpdir(), `drey-vector-${chain}-`));
  installFixture(data, join(dir, chain));
  const devnet = await startDevnet({ port: 0, dataDir: data, fixture: false, relayPort: false, noDemo: true });
  const verify = async (e: ExpectedVector, month = e.month): Promise<Outcome> => {
    const client = createEsploraClient({ hosts: [devnet.url], network: e.clientNetwork ?? e.network, fetch: globalThis.fetch.bind(globalThis), requestsPerSecond: 1000, burst: 100 });
    try {
      const { report } = await verifyMonth({
        client, network: e.network, genesisId: e.genesis, month, depth: e.depth, ...(e.user ? { user: e.user } : {}), ...(e.checkpoint ? { checkpoint: e.checkpoint } : {}),
      });
      return outcomeOf(report);
    } catch (err) {
      if (!(err instanceof VerifyError)) throw err;
      return { verdict: 'error', first: err.code, failures: [err.code], info: new Set(), penalties: [], checks: [] };
    }
  };
  return { verify, close: async () => { await devnet.close(); rmSync(data, { recursive: true, force: true }); } };
}

/** How the outcome differs from what expected.json says (empty: it ends as stated). */
export function mismatches(e: ExpectedVector, o: Outcome, before?: Outcome): string[] {
  const out: string[] = [];
  if (e.verdict === 'rejected' || e.verdict === 'unavailable') {
    if (o.verdict !== e.verdict && o.verdict !== 'error') out.push(`verdict ${o.verdict}, expected ${e.verdict}`);
    if (o.first !== e.code) out.push(`first failing check ${o.first ?? 'none'} (all: ${o.failures.join(', ') || 'none'}), expected ${e.code}`);
    return out;
  }
  if (o.verdict !== 'verified') out.push(`verdict ${o.verdict} (failing: ${o.failures.join(', ') || 'none'}), expected verified`);
  for (const code of e.info ?? []) if (!o.info.has(code)) out.push(`information ${code} not listed (listed: ${[...o.info].join(', ') || 'none'})`);
  if (e.penalty && !o.penalties.includes(e.penalty)) out.push(`penalty ${e.penalty} not recomputed (penalties: ${o.penalties.join(', ') || 'none'})`);
  if (e.failed) {
    if (before?.verdict !== 'rejected' || before.first !== e.failed.code) out.push(`month ${e.failed.month}: ${before?.verdict} first ${before?.first}, expected rejected with ${e.failed.code}`);
    const starts = o.checks.find((c) => c.evidence.previousMonth !== undefined)?.evidence;
    if (starts?.previousMonth !== e.failed.month - 1) out.push(`month ${e.month} does not start from month ${e.failed.month - 1}`);
  }
  return out;
}

/** Vector test files: the chains are split over this many files, so that vitest verifies them on every core. */
export const SHARDS = 2;

/** The vectors of every SHARDS-th chain (from `shard`): one devnet per chain, one test per vector. */
export function describeVectorShard(shard: number, dir = VECTORS_DIR): void {
  const vectors = readVectors(dir);
  const chains = [...new Set(vectors.map((v) => v.chain))].filter((_, i) => i % SHARDS === shard);
  describe.each(chains)('the %s chain', { timeout: 300_000 }, (chain) => {
    let opened: ReturnType<typeof openChain> | undefined;
    const chainOf = () => (opened ??= openChain(dir, chain));
    afterAll(async () => { if (opened) await (await opened).close(); });
    it.each(vectors.filter((v) => v.chain === chain).map((v) => [v.name, v] as const))('%s ends as its expected.json says', async (_name, v) => {
      const c = await chainOf();
      const before = v.expected.failed ? await c.verify(v.expected, v.expected.failed.month) : undefined;
      expect(mismatches(v.expected, await c.verify(v.expected), before)).toEqual([]);
    });
  });
}
