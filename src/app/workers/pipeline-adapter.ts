/**
 * The Worker's seam to the month pipeline (src/core/pipeline): the month listing the timeline shows, and a month's
 * verification with the verified allocation table (for the table screen and its downloads).
 */
import type { EsploraClient } from '../../core/esplora/client';
import { VerifyError } from '../../core/errors';
import { looseMessages, looseParams } from '../../core/month/fetch/loose';
import type { MonthReport } from '../../core/month/report';
import { anchorHeight } from '../../core/month/timeline';
import { parseInscriptionId } from '../../core/protocol/ids';
import type { AllocationTable } from '../../core/table/allocation';
import { verifyMonth, type VerifyMonthOptions } from '../../core/pipeline';

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
  const genesis = looseMessages(tx).find((m) => m.type === 'genesis' && m.id === genesisId);
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

/** A month's verification, with its verified table and the table's parts when a full run verified the month. */
export async function verifyMonthWithTable(opts: VerifyMonthOptions): Promise<VerifiedMonth> {
  const { report, table } = await verifyMonth(opts);
  return { report, ...(table ? { table } : {}), parts: table?.parts ?? [] };
}
