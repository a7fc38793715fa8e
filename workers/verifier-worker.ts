/**
 * The verifier Worker: a thin comlink adapter over src/core. Every method returns an Outcome value, never throws.
 * Months are verified here (the program in its own Worker); progress streams to the page through a comlink proxy;
 * a run is cancelled through its AbortController. Verified tables stay here, so the page only asks for what it shows.
 */
import { expose } from 'comlink';
import { createEsploraClient, type EsploraClient } from '../src/core/esplora/client';
import type { NetworkName } from '../src/core/chain/network';
import { outcomeOf, type Outcome } from '../src/core/outcome';
import { verifyChainTip, type TipReport } from '../src/core/tip';
import type { Depth, MonthReport, Progress } from '../src/core/month/report';
import type { AllocationTable } from '../src/core/table/allocation';
import { immutableCache, offlineFetch, type OfflineStats } from '../src/app/workers/esplora-cache';
import { idbClear, idbCount } from '../src/app/workers/idb-store';
import { pathSteps, type PathSteps } from '../src/app/workers/path-steps';
import type { UnconfirmedRoundStatus } from '../src/core/nostr/unconfirmed';
import { countingFetch } from '../src/core/month/counting-fetch';
import { runProgramInWorker } from './program-client';
import { browserProofWorker, browserThreads } from './proof-pool';
import { listMonths, verifyMonthWithTable, type MonthListing } from '../src/app/workers/pipeline-adapter';

export interface ChainSettings {
  network: NetworkName;
  esplora: string[];
  /** Requests per second per host (default 4). */
  rps?: number;
}

export interface VerifySettings extends ChainSettings {
  genesis: string;
}

export interface MonthQuery {
  month: number;
  depth: Depth;
  /** Quick mode: the depositor's user id; used inside this Worker only. */
  user?: string;
}

/** A report as the page gets it: the core report plus how it was obtained here. */
export interface AppMonthReport extends MonthReport {
  /** Wall-clock milliseconds of the whole verification. */
  ms: number;
  /** Answers replayed from the offline cache because the network failed (0 when fully online). */
  replayed: number;
  /** When the verification finished (ms since epoch). */
  finishedAt: number;
  /** The verified table's row count, when a full run accepted one. */
  tableRows?: number;
}

/** The page's view of a verified table: row order kept; allocations as float64 (exact: every amount is < 2^53). */
export interface TableView {
  rows: number;
  userIds: string[];
  allocations: Float64Array;
  total: string;
}

const stats: OfflineStats = { replayed: 0 };
const cache = immutableCache();
const net = offlineFetch(globalThis.fetch.bind(globalThis), stats);
const runs = new Map<number, AbortController>();
const watches = new Map<number, { close(): void }>();
const tables = new Map<string, { table: AllocationTable; parts: Uint8Array[] }>();

function clientFor(s: ChainSettings, signal?: AbortSignal, f: typeof fetch = net): EsploraClient {
  const rate = s.rps ? { requestsPerSecond: s.rps, burst: Math.max(2, Math.ceil(s.rps / 2)) } : {};
  return createEsploraClient({ hosts: s.esplora, network: s.network, fetch: f, cache, ...rate, ...(signal ? { signal } : {}) });
}

const tableKey = (s: VerifySettings, month: number) => `${s.network}|${s.genesis}|${month}`;

const api = {
  chainTip: (s: ChainSettings): Promise<Outcome<TipReport>> => outcomeOf(() => verifyChainTip(clientFor(s))),

  /** The months the genesis defines up to the tip (no verdicts: those come from verifyMonth). */
  months: (s: VerifySettings): Promise<Outcome<{ tipHeight: number; months: MonthListing[] }>> =>
    outcomeOf(() => listMonths(clientFor(s), s.network, s.genesis)),

  async verifyMonth(runId: number, s: VerifySettings, q: MonthQuery, onProgress: (p: Progress) => void): Promise<Outcome<AppMonthReport>> {
    const abort = new AbortController();
    runs.set(runId, abort);
    const t0 = performance.now();
    const replayedBefore = stats.replayed;
    try {
      return await outcomeOf(async () => {
        const counted = countingFetch(net);
        const client = clientFor(s, abort.signal, counted.fetch);
        const { report, table, parts } = await verifyMonthWithTable({
          client, network: s.network, genesisId: s.genesis, month: q.month, depth: q.depth,
          ...(q.user ? { user: q.user } : {}),
          signal: abort.signal,
          requestCount: counted.count,
          runProgram: (wasm, input) => runProgramInWorker(wasm, input, { signal: abort.signal }),
          proofWorkers: { spawn: browserProofWorker, threads: browserThreads() },
          onProgress: (p) => { void Promise.resolve(onProgress(p as Progress)).catch(() => undefined); },
        });
        if (table && report.verdict === 'verified') tables.set(tableKey(s, q.month), { table, parts });
        return {
          ...report, ms: Math.round(performance.now() - t0), replayed: stats.replayed - replayedBefore, finishedAt: Date.now(),
          ...(table ? { tableRows: table.rows } : {}),
        };
      });
    } finally {
      runs.delete(runId);
    }
  },

  cancel(runId: number): void {
    runs.get(runId)?.abort();
  },

  /** The verified table of a month (after a full run in this Worker), or null. */
  table(s: VerifySettings, month: number): TableView | null {
    const t = tables.get(tableKey(s, month))?.table;
    if (!t) return null;
    return { rows: t.rows, userIds: t.userIds, allocations: Float64Array.from(t.allocations, Number), total: t.total.toString() };
  },

  async tableCsv(s: VerifySettings, month: number): Promise<string | null> {
    const t = tables.get(tableKey(s, month))?.table;
    if (!t) return null;
    const { allocationTableToCsv } = await import('../src/core/table/csv');
    return allocationTableToCsv(t);
  },

  /** The table's Parquet parts exactly as inscribed (their sha256 matched the final message). */
  tableParquet(s: VerifySettings, month: number): Uint8Array[] | null {
    return tables.get(tableKey(s, month))?.parts ?? null;
  },

  /** The depositor's path as drawable steps (recomputed here; the pipeline has already verified it). */
  pathSteps: (month: number, user: string, allocation: string, path: unknown): Promise<Outcome<PathSteps>> =>
    outcomeOf(() => pathSteps(month, user, allocation, path)),

  /** nostr profile names of actuary keys (UNCONFIRMED display data, never a verdict input). */
  async profiles(relays: string[], keys: string[]): Promise<Record<string, string>> {
    if (relays.length === 0 || keys.length === 0) return {};
    try {
      const { fetchProfiles } = await import('../src/core/nostr/profiles');
      const found = await fetchProfiles(relays, keys, { maxWait: 3000 });
      return Object.fromEntries([...found].filter(([, p]) => p.name).map(([k, p]) => [k, p.name]));
    } catch {
      return {};
    }
  },

  /** Live round status from relays for one month (UNCONFIRMED: shown beside verdicts, never an input to one). */
  async watchRound(id: number, q: { relays: string[]; network: string; genesis: string; month: number; actuaries: string[] }, onStatus: (s: UnconfirmedRoundStatus) => void): Promise<boolean> {
    if (q.relays.length === 0 || q.actuaries.length === 0) return false;
    try {
      const { subscribeRoundStatus } = await import('../src/core/nostr/round-status');
      watches.get(id)?.close();
      watches.set(id, subscribeRoundStatus(q.relays, q.genesis, q.month, (st) => { void Promise.resolve(onStatus(st)).catch(() => undefined); }, { network: q.network, actuaries: q.actuaries, maxWait: 5000 }));
      return true;
    } catch {
      return false;
    }
  },

  unwatchRound(id: number): void {
    watches.get(id)?.close();
    watches.delete(id);
  },

  cacheEntries: (): Promise<number> => idbCount().catch(() => 0),
  clearCache: (): Promise<void> => idbClear(),
};

export type VerifierApi = typeof api;
expose(api);
