/**
 * The Worker's seam to the month pipeline (src/core/pipeline): the month listing the timeline shows, and a month's
 * verification with the verified allocation table (for the table screen and its downloads).
 */
import type { EsploraClient } from '../../core/esplora/client';
import { VerifyError } from '../../core/errors';
import { looseMessages, looseParams } from '../../core/month/fetch-refs';
import type { MonthReport } from '../../core/month/report';
import type { VerifyMonthOptions } from '../../core/month/state';
import type { MonthSources } from '../../core/month/records';
import { anchorHeight } from '../../core/month/timeline';
import { parseInscriptionId } from '../../core/protocol/ids';
import type { AllocationTable } from '../../core/table/allocation';
import { verifyMonth } from '../../core/pipeline';
import type { MonthState } from '../../core/month/state';
import { stageFetch, stageHeaders, stageInscriptions, stageSignatures } from '../../core/month/stages-chain';
import { objectBody, tableFromRef } from '../../core/month/tables';
import { ALLOCATION } from '../../core/table/allocation';

export interface MonthListing {
  month: number;
  anchorHeight: number;
  /** Calendar label yyyy-mm (from the genesis' start month), when the genesis names one. */
  label?: string;
}

function calendarLabel(startMonth: unknown, month: number): string | undefined {
  if (typeof startMonth !== 'number' || !Number.isInteger(startMonth)) return undefined;
  const y0 = Math.floor(startMonth / 100);
  const m0 = (startMonth % 100) - 1;
  const index = y0 * 12 + m0 + month - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Months 1…n whose anchor block is at or below the tip, from the genesis parameters. This only steers what the
 * timeline lists: each month's verification parses and checks the genesis strictly.
 */
export async function listMonths(client: EsploraClient, _network: string, genesisId: string): Promise<{ tipHeight: number; months: MonthListing[] }> {
  const id = parseInscriptionId(genesisId, 'ANCHOR_GENESIS_ID', 'genesis id');
  const [tipHeight, tx] = await Promise.all([client.fetchTipHeight(), client.fetchTx(id.txid)]);
  const genesis = looseMessages({ tx, proof: { block_height: 0, merkle: [], pos: 0 }, spent: {}, found: 'ref' })
    .find((m) => m.type === 'genesis' && m.id === genesisId);
  const params = genesis ? looseParams(genesis.payload) : undefined;
  if (!genesis || !params) throw new VerifyError('ANCHOR_GENESIS_MISSING', `inscription ${genesisId} is not a genesis message`, { genesis: genesisId });
  const startMonth = (genesis.payload.params as Record<string, unknown> | undefined)?.start_month;
  const months: MonthListing[] = [];
  const p = { start_height: params.startHeight, blocks_per_month: params.blocksPerMonth };
  for (let m = 1; m <= 100_000 && anchorHeight(p as never, m) <= tipHeight; m++) {
    const label = calendarLabel(startMonth, m);
    months.push({ month: m, anchorHeight: anchorHeight(p as never, m), ...(label ? { label } : {}) });
  }
  return { tipHeight, months };
}

export interface VerifiedMonth {
  report: MonthReport;
  table?: AllocationTable;
  parts: Uint8Array[];
}

/**
 * The verified table of a month whose full report is `verified`: the final's table parts re-read (from the cache)
 * through the chain stages, and accepted only if their joined SHA-256 equals the report's `table:final` hash.
 */
async function verifiedTable(opts: VerifyMonthOptions, report: MonthReport): Promise<{ table: AllocationTable; parts: Uint8Array[] } | undefined> {
  const want = report.inputsHashes['table:final'];
  if (!want) return undefined;
  const s: MonthState = {
    opts: { ...opts, depth: 'quick' }, checks: [], blocks: new Map(), records: new Map(), invalid: new Set(), tables: {},
    ranking: null, pending: false, inputsHashes: {},
  };
  await stageFetch(s);
  stageHeaders(s);
  stageInscriptions(s);
  stageSignatures(s);
  const ref = s.final?.payload.table;
  if (!ref) return undefined;
  const { table, sha256 } = await tableFromRef(ALLOCATION, ref, s.records);
  if (sha256 !== want) return undefined;
  return { table, parts: ref.parts.map((p, i) => objectBody(s.records, p, `table part ${i}`)) };
}

export async function verifyMonthWithTable(opts: VerifyMonthOptions): Promise<VerifiedMonth> {
  let sources: MonthSources | undefined;
  const report = await verifyMonth({ ...opts, onSources: (src) => { sources = src; opts.onSources?.(src); } });
  // The table is re-read from the sources the verification fetched (nothing is fetched again for it).
  const again = sources ? { ...opts, reuse: sources } : opts;
  const t = opts.depth === 'full' && report.verdict === 'verified' ? await verifiedTable(again, report).catch(() => undefined) : undefined;
  return { report, ...(t ? { table: t.table } : {}), parts: t?.parts ?? [] };
}
