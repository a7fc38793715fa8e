/**
 * The whole pipeline over recorded sources (vectors/month-sources: month 2 of the kem-disputed chain, fetched from the
 * devnet): no devnet and no network, yet the same report, byte for byte, as the golden `drey-verify` run on that chain.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVNET_URL, allFiles, quickFile } from '../../scripts/golden/collect';
import { recordedMonth } from '../../vectors/month-sources/codec';
import { networkFromName } from './chain/network';
import type { Progress } from './month/report';
import { verifyMonthSources } from './pipeline';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const client = { network: networkFromName('regtest'), hosts: [DEVNET_URL] };
/** What the hosts did (verifyMonth adds it from its client): the recording was made from the one honest devnet. */
const HOSTS = { totals: { requests: 0, retries: 0, rateLimited: 0, failures: 0 }, byHost: {}, liars: [] };

describe('when a month is verified from recorded sources', { timeout: 120_000 }, () => {
  it('at full depth, the report is the golden one and the verified table is returned', async () => {
    const { sources } = recordedMonth(read('vectors/month-sources/kem-disputed-month-2.full.json'));
    const progress: Progress[] = [];
    const { report, table } = await verifyMonthSources(sources, { client, network: 'regtest', genesisId: sources.genesisId, month: 2, depth: 'full', onProgress: (p) => progress.push(p) });
    const files = allFiles({ exit: 0, output: { summary: {}, reports: [{ ...report, hosts: HOSTS }] } }, DEVNET_URL);
    expect(files['month-2.full.json']).toBe(read('vectors/golden-reports/kem-disputed/month-2.full.json'));
    expect(table?.sha256).toBe(report.inputsHashes['table:final']);
    expect(table?.parts.length).toBeGreaterThan(0);
    expect(progress.filter((p) => p.status !== 'running').map((p) => `${p.step}:${p.status}`)).toEqual([
      // The month's numbers first (tables, then the pinned program), the key, then the attempts the lottery walks.
      'anchors:done', 'headers:done', 'inscriptions:done', 'signatures:done', 'program:skipped', 'program:done', 'proofs:skipped',
      'eligibility:done', 'lottery:done', 'race:done', 'reveal:done', 'proofs:done', 'agreement:done', 'roots:done', 'rewards:done', 'ranking:done',
    ]);
  });

  it('at quick depth for a depositor, the report is the golden one and no table is returned', async () => {
    const { sources, user } = recordedMonth(read('vectors/month-sources/kem-disputed-month-2.quick.json'));
    if (!user) throw new Error('the recording names no depositor');
    const { report, table } = await verifyMonthSources(sources, { client, network: 'regtest', genesisId: sources.genesisId, month: 2, depth: 'quick', user });
    expect(quickFile({ exit: 0, output: { ...report, hosts: HOSTS } }, DEVNET_URL)).toBe(read(`vectors/golden-reports/kem-disputed/month-2.quick.${user}.json`));
    expect(table).toBeUndefined();
  });
});

describe('docs/architecture.md\'s pipeline diagram', () => {
  const doc = read('docs/architecture.md');
  const diagram = doc.slice(doc.indexOf('verifyMonth(opts)'), doc.indexOf('{ report: MonthReport'));
  const code = read('src/core/pipeline.ts');
  const body = code.slice(code.indexOf('export async function verifyMonthSources'), code.indexOf('/** The steps after "signatures"'));

  it('calls the steps the pipeline calls, in the pipeline\'s order', () => {
    const imported = [...code.matchAll(/import \{ ([^}]+) \} from '\.\/month\/steps\/[a-z-]+'/g)].flatMap((m) => m[1]!.split(',').map((x) => x.trim()).filter((x) => !x.startsWith('type ')));
    const calls = (text: string) => [...text.matchAll(/\b(verify[A-Za-z]+|read[A-Za-z]+|judge[A-Za-z]+)\(/g)].map((m) => m[1]!).filter((f) => imported.includes(f));
    expect(calls(body).length).toBeGreaterThan(15);
    expect(calls(diagram)).toEqual(calls(body).filter((f) => f !== 'revealContext'));
  });

  it('names every module of the fetch layer the pipeline fetches through', () => {
    const fetchModules = [...read('src/core/month/fetch/month-sources.ts').matchAll(/from '\.\/([a-z-]+)'/g)].map((m) => m[1]!).filter((m) => m !== 'month-client');
    for (const m of fetchModules) expect(diagram, m).toContain(m);
  });
});
