/**
 * The fetch budget (docs/protocol.md §2.4) against the devnet's scenario chain: every finished month verified with one
 * client and the sources of earlier months reused, as `drey-verify all` does, counting every Esplora request. Month 1
 * also pays for the setup objects (genesis, program, tables, registrations, stakes); every later month needs ≤ 60.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnScenarioDevnet, type DevnetProcess } from '../../../scripts/devnet-process';
import { createEsploraClient } from '../esplora/client';
import { verifyMonth } from '../pipeline';
import { countingFetch } from './counting-fetch';
import { monthsAtTip } from './months-at-tip';
import type { MonthSources } from './records';
import type { Depth, MonthReport } from './report';

const BUDGET = 60;
/** Full depth: every check (WASM re-execution and every proof included) makes exactly the requests a real run makes. */
const DEPTH: Depth = 'full';

describe('when every finished month of the devnet scenario is verified in one run', { timeout: 600_000 }, () => {
  let devnet: DevnetProcess | undefined;
  let genesis = '';
  let close = async (): Promise<void> => {};

  beforeAll(async () => {
    ({ devnet, genesis, close } = await spawnScenarioDevnet());
  }, 600_000);
  afterAll(() => close());

  it(`month 1 is counted with the setup objects, and every later month needs at most ${BUDGET} requests (${DEPTH} depth)`, async ({ annotate }) => {
    const counter = countingFetch(globalThis.fetch.bind(globalThis));
    // Local devnet: the per-host rate limit (4/s for public hosts) is raised out of the way; the count is what matters.
    const client = createEsploraClient({ hosts: [devnet!.url], fetch: counter.fetch, network: 'regtest', requestsPerSecond: 1e6, burst: 1e6 });
    const { months } = await monthsAtTip(client, genesis);
    const discovery = counter.count();
    const reuse: Pick<MonthSources, 'reveals' | 'blocks' | 'stakes'> = { reveals: {}, blocks: {}, stakes: {} };
    const keep = (src: MonthSources): void => {
      Object.assign(reuse.reveals, src.reveals);
      Object.assign(reuse.stakes, src.stakes);
      for (const [h, b] of Object.entries(src.blocks)) if (!b.error && Number(h) <= src.tipHeight - 5) reuse.blocks[Number(h)] = b;
    };
    const reports: MonthReport[] = [];
    for (let m = 1; m <= months; m++) {
      reports.push(await verifyMonth({ client, network: 'regtest', genesisId: genesis, month: m, depth: DEPTH, reuse, onSources: keep, requestCount: counter.count }));
    }
    const finished = reports.filter((r) => r.verdict !== 'pending');
    const line = `${discovery} to find the months; ${finished.map((r) => `month ${r.month}: ${r.requests}`).join(', ')} requests (${DEPTH} depth; month 1 includes the setup objects)`;
    await annotate(line);
    console.log(`fetch budget: ${line}`);

    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.map((r) => [r.month, r.verdict])).toEqual(finished.map((r) => [r.month, 'verified']));
    const over = finished.filter((r) => r.month > 1 && r.requests > BUDGET).map((r) => ({ month: r.month, requests: r.requests }));
    expect(over).toEqual([]);
  });
});
