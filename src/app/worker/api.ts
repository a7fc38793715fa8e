/**
 * The verifier Worker's API as the page sees it: settings, queries and the values that come back. The page imports
 * only these types; `entry.ts` implements them in the Worker and `client.ts` owns the Worker.
 */
import type { NetworkName } from '../../core/chain/network';
import type { Depth, MonthReport, Progress } from '../../core/month/report';
import type { UnconfirmedRoundStatus } from '../../core/nostr/unconfirmed';
import type { Outcome } from '../../core/outcome';
import type { TipReport } from '../../core/tip';
import type { PathSteps } from './path-steps';

export type { PathSteps } from './path-steps';

export interface ChainSettings {
  network: NetworkName;
  esplora: string[];
  /** Requests per second per host (default 4). */
  rps?: number;
}

export interface VerifySettings extends ChainSettings {
  genesis: string;
  /** Where month packs are published (an absolute http(s) URL), when the deployment publishes them. */
  packs?: string;
}

export interface MonthQuery {
  month: number;
  depth: Depth;
  /** Quick mode: the depositor's user id; used inside the Worker only. */
  user?: string;
}

/** A month the genesis defines, with the heights that say whether it can still change. */
export interface MonthListing {
  month: number;
  anchorHeight: number;
  /** The last height at which the month can still be finished (protocol §6); absent when the genesis lacks a window. */
  endHeight?: number;
  /** Calendar label yyyy-mm (from the genesis' start month), when the genesis names one. */
  label?: string;
}

export interface MonthsListing {
  tipHeight: number;
  months: MonthListing[];
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

/** What a round watch is about (live status from relays, never a verdict input). */
export interface RoundQuery {
  relays: string[];
  network: string;
  genesis: string;
  month: number;
  actuaries: string[];
}

export interface VerifierApi {
  /** The verified chain tip. */
  chainTip(s: ChainSettings): Promise<Outcome<TipReport>>;
  /** The months the genesis defines up to the tip (no verdicts: those come from verifyMonth). */
  months(s: VerifySettings): Promise<Outcome<MonthsListing>>;
  /** Verifies a month, streaming progress; cancelled through `cancel(runId)`. */
  verifyMonth(runId: number, s: VerifySettings, q: MonthQuery, onProgress: (p: Progress) => void): Promise<Outcome<AppMonthReport>>;
  cancel(runId: number): void;
  /** The verified table of a month (after a full run in this Worker), or null. */
  table(s: VerifySettings, month: number): TableView | null;
  tableCsv(s: VerifySettings, month: number): Promise<string | null>;
  /** The table's Parquet parts exactly as inscribed (their sha256 matched the final message). */
  tableParquet(s: VerifySettings, month: number): Uint8Array[] | null;
  /** The depositor's path as drawable steps (recomputed; the pipeline has already verified it). */
  pathSteps(month: number, user: string, allocation: string, path: unknown): Promise<Outcome<PathSteps>>;
  /** nostr profile names of actuary keys (unconfirmed display data, never a verdict input). */
  profiles(relays: string[], keys: string[]): Promise<Record<string, string>>;
  /** Live round status from relays for one month (unconfirmed: shown beside verdicts, never an input to one). */
  watchRound(id: number, q: RoundQuery, onStatus: (s: UnconfirmedRoundStatus) => void): Promise<boolean>;
  unwatchRound(id: number): void;
  cacheEntries(): Promise<number>;
  clearCache(): Promise<void>;
}
