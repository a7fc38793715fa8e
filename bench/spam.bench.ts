/**
 * npm run bench -- spam: what an outsider's writes cost a verifier. The `honest` and `outsider-spam` adversarial vectors
 * are the same chain (same seed, actuaries and months) without and with an outsider writing to every marker, most of
 * it after the months end (docs/protocol.md §2.4.1, §2.5). Each finished month is verified cold (a fresh client per
 * run, one host, devnet on loopback) at full and quick depth, and the Esplora requests are counted side by side.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devnetClient, monthUserIds } from '../e2e/pages/devnet-facts';
import { spawnDevnet } from '../scripts/devnet-process';
import { createEsploraClient } from '../src/core/esplora/client';
import { countingFetch } from '../src/core/month/counting-fetch';
import { verifyMonth } from '../src/core/pipeline';
import { installFixture, readInfo } from '../src/devnet/scenario/fixture';

const VECTORS = new URL('../vectors/adversarial/', import.meta.url).pathname;
const MONTHS = [1, 2];

interface Row { requests: number; verdict: string; table?: string }

async function measure(name: string): Promise<Map<string, Row>> {
  const dir = mkdtempSync(join(tmpdir(), `drey-spam-${name}-`));
  installFixture(dir, join(VECTORS, name));
  const genesis = readInfo(dir)?.genesis;
  if (!genesis) throw new Error(`vector ${name} names no genesis`);
  const devnet = await spawnDevnet({ port: 0, dataDir: dir, extraArgs: ['--no-relay'], quiet: true, timeoutMs: 120_000 });
  const out = new Map<string, Row>();
  try {
    for (const month of MONTHS) {
      const user = (await monthUserIds(devnetClient(devnet.url), genesis, month)).find((u) => u.startsWith('u'));
      for (const depth of ['full', 'quick'] as const) {
        const counter = countingFetch(fetch);
        const client = createEsploraClient({ hosts: [devnet.url], fetch: counter.fetch, network: 'regtest', requestsPerSecond: 1e6, burst: 1e6 });
        const r = await verifyMonth({ client, network: 'regtest', genesisId: genesis, month, depth, ...(depth === 'quick' && user ? { user } : {}), requestCount: counter.count });
        out.set(`${month}/${depth}`, { requests: r.report.requests, verdict: r.report.verdict, ...(r.report.inputsHashes['table:final'] ? { table: r.report.inputsHashes['table:final'] } : {}) });
      }
    }
  } finally {
    await devnet.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export default async function main(): Promise<void> {
  const without = await measure('honest');
  const spam = await measure('outsider-spam');
  console.log('| month | depth | requests without spam | with spam | increase | verdicts |');
  console.log('|---|---|---|---|---|---|');
  for (const [key, a] of without) {
    const b = spam.get(key)!;
    const [month, depth] = key.split('/');
    const pct = ((100 * (b.requests - a.requests)) / a.requests).toFixed(1);
    console.log(`| ${month} | ${depth} | ${a.requests} | ${b.requests} | ${pct} % | ${a.verdict} / ${b.verdict}${a.table === b.table ? '' : ' (tables differ)'} |`);
  }
}
