/** The table store: the verified allocation table of the month on screen (held in the Worker, copied here to show). */
import { create } from 'zustand';
import type { TableView } from '../../worker/api';
import { verifier } from '../../worker/client';
import { download } from '../../lib/download';
import type { Settings } from '../settings/settings';
import { verifySettings } from '../months/months-store';

type TableState =
  | { status: 'idle' }
  | { status: 'loading'; month: number }
  | { status: 'missing'; month: number }
  | { status: 'ok'; month: number; view: TableView };

export const useTableStore = create<TableState>(() => ({ status: 'idle' }));

export async function loadTable(settings: Settings, month: number): Promise<void> {
  useTableStore.setState({ status: 'loading', month }, true);
  const view = await verifier().table(verifySettings(settings), month);
  useTableStore.setState(view ? { status: 'ok', month, view } : { status: 'missing', month }, true);
}

export async function downloadCsv(settings: Settings, month: number): Promise<void> {
  const csv = await verifier().tableCsv(verifySettings(settings), month);
  if (csv !== null) download(`drey-month-${month}-allocation.csv`, [csv], 'text/csv');
}

/** The inscribed Parquet bytes; a table in several parts downloads as one file per part. */
export async function downloadParquet(settings: Settings, month: number): Promise<void> {
  const parts = await verifier().tableParquet(verifySettings(settings), month);
  if (!parts) return;
  parts.forEach((p, i) => download(parts.length === 1 ? `drey-month-${month}-allocation.parquet` : `drey-month-${month}-allocation.part${i}.parquet`, [p as BlobPart], 'application/vnd.apache.parquet'));
}

export function resetTableStore(): void {
  useTableStore.setState({ status: 'idle' }, true);
}
