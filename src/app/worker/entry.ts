/**
 * The verifier Worker: a thin comlink adapter over src/core. Every method returns an Outcome value, never throws.
 * Months are verified here (the program in its own Worker); progress streams to the page through a comlink proxy;
 * a run is cancelled through its AbortController. Verified tables stay here, so the page only asks for what it shows.
 * When the deployment publishes month packs, each month's pack is taken before its check and put under the cache
 * (src/core/esplora/pack.ts): it only saves requests, and a missing or refused one changes nothing but the count.
 */
import { expose } from 'comlink';
import { createEsploraClient, type EsploraClient } from '../../core/esplora/client';
import { packedCache } from '../../core/esplora/pack';
import { checkWithPack, fetchMonthPack, type PackOutcome } from '../../core/esplora/pack-fetch';
import { outcomeOf } from '../../core/outcome';
import { verifyChainTip } from '../../core/tip';
import { countingFetch } from '../../core/month/counting-fetch';
import { verifyMonth, type VerifiedTable } from '../../core/pipeline';
import { runProgramInWorker } from '../../../workers/program-client';
import { browserProofWorker, browserThreads } from '../../../workers/proof-pool';
import type { ChainSettings, MonthQuery, VerifierApi, VerifySettings } from './api';
import { immutableCache, offlineFetch, type OfflineStats } from './esplora-cache';
import { idbClear, idbCount } from './idb-store';
import { listMonths } from './month-listing';
import { pathSteps } from './path-steps';

const stats: OfflineStats = { replayed: 0 };
/** The months' packs sit under the immutable cache: a key it lacks is looked up in them, and re-checked when read. */
const cache = packedCache(immutableCache());
const plainFetch = globalThis.fetch.bind(globalThis);
const net = offlineFetch(plainFetch, stats);
const runs = new Map<number, AbortController>();
const watches = new Map<number, { close(): void }>();
/** Tables a full run verified here, by network, genesis and month. */
const tables = new Map<string, VerifiedTable>();

/**
 * The chain tip and the months timeline are glances at the hosts, shown before anything is verified: a host that cannot
 * answer them within this long is reported (with its coded error, and a Refresh or Try again button) instead of being
 * retried for a month's full budget.
 */
const GLANCE_RETRY_BUDGET_MS = 15_000;

function clientFor(s: ChainSettings, o: { signal?: AbortSignal; fetch?: typeof fetch; retryBudgetMs?: number } = {}): EsploraClient {
  const rate = s.rps ? { requestsPerSecond: s.rps, burst: Math.max(2, Math.ceil(s.rps / 2)) } : {};
  return createEsploraClient({ hosts: s.esplora, network: s.network, fetch: o.fetch ?? net, cache, ...rate, ...(o.signal ? { signal: o.signal } : {}), ...(o.retryBudgetMs ? { retryBudgetMs: o.retryBudgetMs } : {}) });
}

const glance = { retryBudgetMs: GLANCE_RETRY_BUDGET_MS };

const tableKey = (s: VerifySettings, month: number) => `${s.network}|${s.genesis}|${month}`;

/**
 * The month's pack, when packs are published, to go under the cache before the check (a pack is not recorded for
 * offline use: the answers it saved are, once read). Its address names only the month and the depth.
 */
async function takeMonthPack(s: VerifySettings, q: MonthQuery, signal: AbortSignal): Promise<PackOutcome | undefined> {
  if (!s.packs) return undefined;
  return fetchMonthPack({ fetch: plainFetch, base: s.packs, network: s.network, genesis: s.genesis, month: q.month, depth: q.depth, signal });
}

const api: VerifierApi = {
  chainTip: (s) => outcomeOf(() => verifyChainTip(clientFor(s, glance))),

  months: (s) => outcomeOf(() => listMonths(clientFor(s, glance), s.genesis)),

  async verifyMonth(runId, s, q, onProgress) {
    const abort = new AbortController();
    runs.set(runId, abort);
    const t0 = performance.now();
    const replayedBefore = stats.replayed;
    try {
      return await outcomeOf(async () => {
        const outcome = await takeMonthPack(s, q, abort.signal);
        const counted = countingFetch(net);
        const client = clientFor(s, { signal: abort.signal, fetch: counted.fetch });
        const { result: { report, table }, pack } = await checkWithPack(cache, outcome, () => verifyMonth({
          client, network: s.network, genesisId: s.genesis, month: q.month, depth: q.depth,
          ...(q.user ? { user: q.user } : {}),
          signal: abort.signal,
          requestCount: counted.count,
          runProgram: (wasm, input) => runProgramInWorker(wasm, input, { signal: abort.signal }),
          proofWorkers: { spawn: browserProofWorker, threads: browserThreads() },
          onProgress: (p) => { void Promise.resolve(onProgress(p)).catch(() => undefined); },
        }));
        if (table) tables.set(tableKey(s, q.month), table);
        return {
          ...report, ms: Math.round(performance.now() - t0), replayed: stats.replayed - replayedBefore, finishedAt: Date.now(),
          ...(table ? { tableRows: table.rows } : {}),
          ...(pack ? { pack } : {}),
        };
      });
    } finally {
      runs.delete(runId);
    }
  },

  cancel(runId) {
    runs.get(runId)?.abort();
  },

  table(s, month) {
    const t = tables.get(tableKey(s, month));
    if (!t) return null;
    return { rows: t.rows, userIds: t.userIds, allocations: Float64Array.from(t.allocations, Number), total: t.total.toString() };
  },

  async tableCsv(s, month) {
    const t = tables.get(tableKey(s, month));
    if (!t) return null;
    const { allocationTableToCsv } = await import('../../core/table/csv');
    return allocationTableToCsv(t);
  },

  tableParquet: (s, month) => tables.get(tableKey(s, month))?.parts ?? null,

  pathSteps: (month, user, allocation, path) => outcomeOf(() => pathSteps(month, user, allocation, path)),

  async profiles(relays, keys) {
    if (relays.length === 0 || keys.length === 0) return {};
    try {
      const { fetchProfiles } = await import('../../core/nostr/profiles');
      const found = await fetchProfiles(relays, keys, { maxWait: 3000 });
      return Object.fromEntries([...found].filter(([, p]) => p.name).map(([k, p]) => [k, p.name]));
    } catch {
      return {};
    }
  },

  async watchRound(id, q, onStatus) {
    if (q.relays.length === 0 || q.actuaries.length === 0) return false;
    try {
      const { subscribeRoundStatus } = await import('../../core/nostr/round-status');
      watches.get(id)?.close();
      watches.set(id, subscribeRoundStatus(q.relays, q.genesis, q.month, (st) => { void Promise.resolve(onStatus(st)).catch(() => undefined); }, { network: q.network, actuaries: q.actuaries, maxWait: 5000 }));
      return true;
    } catch {
      return false;
    }
  },

  unwatchRound(id) {
    watches.get(id)?.close();
    watches.delete(id);
  },

  cacheEntries: () => idbCount().catch(() => 0),
  clearCache: () => idbClear(),
};

expose(api);
