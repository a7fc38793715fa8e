/**
 * The chains the verifier is judged on, verified once each through the CLI: the ready-made chain (fixtures/devnet) and
 * every adversarial vector (vectors/adversarial/<case>/). Each run's reports must be byte-identical to the golden
 * copies in vectors/golden-reports/ (timings and request counts aside), and must say what the chain is known to hold.
 * A change meant to change reports regenerates the golden copies with `npm run golden` (see its README).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADVERSARIAL_DIR, GOLDEN_DIR, READY_MADE, allFiles, chainSource, goldenChains, quickFile, quickFileName, serveChain, verifyAll, verifyQuick,
  type ChainServer, type GoldenIndex, type JsonRun,
} from '../../scripts/golden/collect';

interface Check { step: string; ok: boolean; code: string; evidence: Record<string, unknown> }
interface Report { month: number; verdict: string; checks: Check[]; requests: number }
interface AllOutput { summary: { rejected: number[]; verified: number[]; pendingAtTip: number | null }; reports: Report[] }

const golden = (chain: string, file: string): string | undefined => {
  const path = join(GOLDEN_DIR, chain, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};
const indexOf = (chain: string): GoldenIndex | undefined => {
  const text = golden(chain, 'runs.json');
  return text === undefined ? undefined : (JSON.parse(text) as GoldenIndex);
};
const REGENERATE = (chain: string) => `regenerate with \`npm run golden -- ${chain}\` if the change is meant to change reports`;

describe.each(goldenChains())('when the %s chain is verified', { timeout: 900_000 }, (chain) => {
  const index = indexOf(chain);
  let server: ChainServer | undefined;
  let all: JsonRun | undefined;

  beforeAll(async () => {
    server = await serveChain(chain);
    all = await verifyAll(server);
  }, 900_000);
  afterAll(() => server?.close());

  const run = (): { server: ChainServer; all: JsonRun; output: AllOutput } => {
    if (!server || !all) throw new Error('the chain was not verified');
    return { server, all, output: all.output as unknown as AllOutput };
  };

  it('has golden reports made from this very chain', () => {
    expect(index, `no golden reports for ${chain}: ${REGENERATE(chain)}`).toBeDefined();
    expect(index!.source, `the chain's data changed: ${REGENERATE(chain)}`).toEqual(chainSource(chain));
  });

  it('gives every month the golden full report (drey-verify all)', () => {
    const { server: s, all: a } = run();
    const files = allFiles(a, s.url);
    const stored = readdirSync(join(GOLDEN_DIR, chain)).filter((f) => f === 'all.json' || f.endsWith('.full.json'));
    expect(Object.keys(files).sort(), REGENERATE(chain)).toEqual(stored.sort());
    for (const [name, text] of Object.entries(files)) expect(text, `${chain}/${name}: ${REGENERATE(chain)}`).toBe(golden(chain, name));
  });

  it.each(index?.quick ?? [])('gives a depositor\'s quick check of month $month the golden report ($user)', async ({ month, user }) => {
    const { server: s } = run();
    const name = quickFileName(month, user);
    expect(quickFile(await verifyQuick(s, month, user), s.url), `${chain}/${name}: ${REGENERATE(chain)}`).toBe(golden(chain, name));
  });

  if (chain === READY_MADE) {
    it('verifies every finished month, reports the month at the tip as pending, and shows the scenario\'s events', () => {
      const { all: a, output } = run();
      expect(output.summary.rejected).toEqual([]);
      expect(output.summary.verified.length).toBeGreaterThanOrEqual(1);
      expect(output.summary.pendingAtTip).toBe(output.reports.length);
      expect(a.exit).toBe(0);
      const statuses = output.reports.flatMap((m) => m.checks.map((c) => c.evidence.status)).filter(Boolean);
      expect(statuses).toContain('void');
      // The disputed KEM: the group's decryption shares prove the key, and the package is its committer's fault.
      expect(statuses).toContain('unopenable');
      const penalties = output.reports.flatMap((m) => m.checks.flatMap((c) => (c.evidence.penalties as { reason: string }[] | undefined) ?? []));
      expect(new Set(penalties.map((p) => p.reason))).toEqual(new Set(['missed_deadline', 'disagreed', 'void_commit', 'copied_package', 'unopenable']));
      expect(output.reports.flatMap((m) => m.checks.filter((c) => c.evidence.missed === true)).length).toBeGreaterThanOrEqual(1);
    });

    // docs/protocol.md §2.4: with the sources of earlier months reused (as `all` does), month 1 also pays for the setup
    // objects (genesis, program, tables, registrations, stakes); every later finished month needs at most 60 requests.
    it('stays within the fetch budget: every finished month after the first at most 60 Esplora requests', ({ annotate }) => {
      const { output } = run();
      const finished = output.reports.filter((r) => r.verdict !== 'pending');
      const line = finished.map((r) => `month ${r.month}: ${r.requests}`).join(', ');
      void annotate(`requests per month (full depth, month 1 with the setup objects): ${line}`);
      expect(finished.length).toBeGreaterThanOrEqual(2);
      expect(finished.filter((r) => r.month > 1 && r.requests > 60).map((r) => `month ${r.month}: ${r.requests}`)).toEqual([]);
    });
  } else {
    it('ends as its expected.json says', () => {
      const expected = JSON.parse(readFileSync(join(ADVERSARIAL_DIR, chain, 'expected.json'), 'utf8')) as {
        month: number; verdict: 'rejected' | 'verified'; code?: string; penalty?: string; failed?: { month: number; code: string };
      };
      const { all: a, output } = run();
      const report = output.reports.find((r) => r.month === expected.month);
      const failures = (r: Report | undefined) => r?.checks.filter((c) => !c.ok).map((c) => c.code) ?? [];
      if (expected.verdict === 'rejected') {
        expect(report?.verdict).toBe('rejected');
        expect(failures(report)).toContain(expected.code);
        expect(a.exit).toBe(1);
        return;
      }
      // Misbehaviour the protocol absorbs: the month verifies and carries the penalty; a failed month before it stays failed.
      expect(failures(report)).toEqual([]);
      expect(report?.verdict).toBe('verified');
      if (expected.penalty) {
        const penalties = report?.checks.find((c) => c.step === 'rewards' && Array.isArray(c.evidence.penalties))?.evidence.penalties as { reason: string }[];
        expect(penalties.map((p) => p.reason)).toContain(expected.penalty);
      }
      if (expected.failed) {
        const before = output.reports.find((r) => r.month === expected.failed!.month);
        expect(before?.verdict).toBe('rejected');
        expect(failures(before)).toContain(expected.failed.code);
        expect(report?.checks.find((c) => c.evidence.previousMonth !== undefined)?.evidence).toMatchObject({ previousMonth: expected.failed.month - 1, failed: [expected.failed.month] });
      } else {
        expect(a.exit).toBe(0);
      }
    });
  }
});
