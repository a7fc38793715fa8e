/**
 * The Worker's seam to the month pipeline (src/core/pipeline): a month's verification with the verified allocation
 * table (for the table screen and its downloads).
 */
import type { MonthReport } from '../../core/month/report';
import type { VerifyMonthOptions } from '../../core/month/state';
import type { MonthSources } from '../../core/month/records';
import type { AllocationTable } from '../../core/table/allocation';
import { verifyMonth } from '../../core/pipeline';
import type { MonthState } from '../../core/month/state';
import { stageFetch, stageHeaders, stageInscriptions, stageSignatures } from '../../core/month/stages-chain';
import { objectBody, tableFromRef } from '../../core/month/tables';
import { ALLOCATION } from '../../core/table/allocation';

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
