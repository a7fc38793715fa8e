/**
 * The chains the verifier is judged on, verified once each through the CLI: the ready-made chain (fixtures/devnet) and
 * every adversarial vector (vectors/adversarial/<case>/). Each run's reports must be byte-identical to the golden
 * copies in vectors/golden-reports/ (timings and request counts aside), and must say what the chain is known to hold.
 * A change meant to change reports regenerates the golden copies with `npm run golden` (see its README).
 * The chains are split over GOLDEN_SHARDS test files (golden-N.test.ts), so that vitest verifies them on every core.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADVERSARIAL_DIR, GOLDEN_DIR, READY_MADE, allFiles, chainSource, goldenChains, quickFile, quickFileName, serveChain, verifyAll, verifyQuick,
  type ChainServer, type GoldenIndex, type JsonRun,
} from '../../scripts/golden/collect';
import { createEsploraClient } from '../core/esplora/client';
import { listingFromEveryHost } from '../core/esplora/listing';
import { parseInscriptionId } from '../core/protocol/ids';
import { markerAddress } from '../core/protocol/marker';

/** Transactions per page of an Esplora address listing (`/address/:addr/txs/chain`). */
const ESPLORA_PAGE = 25;

interface Check { step: string; ok: boolean; code: string; evidence: Record<string, unknown> }
interface Report { month: number; verdict: string; checks: Check[]; requests: number; ranking?: { attempt?: number } }
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

/** Golden test files: golden-0.test.ts … golden-(GOLDEN_SHARDS − 1).test.ts. */
export const GOLDEN_SHARDS = 2;

/** Every GOLDEN_SHARDS-th chain of the golden set (from `shard`; the ready-made chain is the first). */
export function describeGoldenShard(shard: number): void {
  describeChains(goldenChains().filter((_, i) => i % GOLDEN_SHARDS === shard));
}

function describeChains(chains: string[]): void {
  describe.each(chains)('when the %s chain is verified', { timeout: 900_000 }, (chain) => {
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
      // objects (genesis, program, tables, registrations, stakes); every later finished month needs at most 60 requests,
      // plus one per listing page after the first of markers 0, m − 1 and m (the chain's outsider lengthens them), plus
      // 20 per attempt before the one that decided the month (its commits, their commit transactions and blocks), plus
      // one per block no earlier month used (its coinbase, which proves its height: BIP34).
      it('stays within the fetch budget: every finished month after the first at most 60 Esplora requests, plus its extra listing pages, failed attempts and new blocks', async ({ annotate }) => {
        const { server: s, output } = run();
        const client = createEsploraClient({ hosts: [s.url], network: 'regtest', fetch: globalThis.fetch.bind(globalThis), requestsPerSecond: 1000, burst: 100 });
        const genesis = parseInscriptionId(s.genesis, 'ANCHOR_GENESIS_ID', 'genesis');
        const pages = new Map<number, number>();
        const extraPages = async (m: number): Promise<number> => {
          if (!pages.has(m)) pages.set(m, Math.ceil((await listingFromEveryHost(client, markerAddress('regtest', genesis, m))).txs.length / ESPLORA_PAGE));
          return Math.max(0, pages.get(m)! - 1);
        };
        const finished = output.reports.filter((r) => r.verdict !== 'pending');
        const over: string[] = [];
        const lines: string[] = [];
        const blocksSeen = new Set<unknown>();
        for (const r of finished) {
          const heights = r.checks.filter((c) => c.step === 'headers').map((c) => c.evidence.height);
          const newBlocks = heights.filter((h) => !blocksSeen.has(h)).length;
          for (const h of heights) blocksSeen.add(h);
          const budget = 60 + (await extraPages(0)) + (await extraPages(r.month - 1)) + (await extraPages(r.month)) + 20 * (r.ranking?.attempt ?? 0) + newBlocks;
          lines.push(`month ${r.month}: ${r.requests} of ${budget}`);
          if (r.month > 1 && r.requests > budget) over.push(`month ${r.month}: ${r.requests} > ${budget}`);
        }
        void annotate(`requests per month (full depth, month 1 with the setup objects), and the budget: ${lines.join(', ')}`);
        expect(finished.length).toBeGreaterThanOrEqual(2);
        expect([...pages.values()].some((p) => p > 1), 'the outsider lengthens some listing beyond one page').toBe(true);
        expect(over).toEqual([]);
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
}
