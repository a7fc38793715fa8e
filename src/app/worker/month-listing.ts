/**
 * The months the timeline lists: months 1…n whose anchor block is at or below the tip, with each month's end height
 * and calendar label, read loosely from the genesis. This only steers what the pages show and which month they open
 * first: each month's verification parses and checks the genesis strictly.
 */
import type { EsploraClient } from '../../core/esplora/client';
import { looseGenesis } from '../../core/month/fetch/months-at-tip';
import { anchorHeight, monthEnd } from '../../core/month/timeline';
import type { GenesisParams } from '../../core/protocol/payloads';
import type { MonthListing, MonthsListing } from './api';

/** Most months a listing shows (a genesis with a tiny month length must not make the page list millions). */
const MAX_MONTHS = 100_000;

const WINDOW_FIELDS = ['lead_window', 'max_attempts', 'race_delay', 'race_window', 'reveal_confirmations', 'reveal_window'] as const;

function calendarLabel(startMonth: unknown, month: number): string | undefined {
  if (typeof startMonth !== 'number' || !Number.isInteger(startMonth)) return undefined;
  const y0 = Math.floor(startMonth / 100);
  const m0 = (startMonth % 100) - 1;
  const index = y0 * 12 + m0 + month - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The genesis parameters a month's heights need, when every one is a non-negative safe integer. */
function windowParams(params: unknown): GenesisParams | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const p = params as Record<string, unknown>;
  const ok = ['start_height', 'blocks_per_month', ...WINDOW_FIELDS].every((k) => Number.isSafeInteger(p[k]) && (p[k] as number) >= 0);
  return ok && (p.max_attempts as number) >= 1 ? (p as unknown as GenesisParams) : undefined;
}

export function monthListing(params: unknown, tipHeight: number): MonthListing[] {
  const p = params as Record<string, unknown>;
  const windows = windowParams(params);
  const heights = { start_height: p.start_height as number, blocks_per_month: p.blocks_per_month as number } as GenesisParams;
  const months: MonthListing[] = [];
  for (let m = 1; m <= MAX_MONTHS && anchorHeight(heights, m) <= tipHeight; m++) {
    const label = calendarLabel(p.start_month, m);
    months.push({
      month: m, anchorHeight: anchorHeight(heights, m),
      ...(windows ? { endHeight: monthEnd(windows, m) } : {}),
      ...(label ? { label } : {}),
    });
  }
  return months;
}

export async function listMonths(client: EsploraClient, genesisId: string): Promise<MonthsListing> {
  const [tipHeight, genesis] = await Promise.all([client.fetchTipHeight(), looseGenesis(client, genesisId)]);
  return { tipHeight, months: monthListing(genesis.payload.params, tipHeight) };
}
