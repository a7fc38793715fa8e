/**
 * The exported report document: the verifier's version, the settings used, and each month's full report (with, when
 * packs are published, whether the month's pack was used: it saves requests and is no part of the verdict).
 */
import type { AppMonthReport } from '../../worker/api';
import type { Settings } from '../settings/settings';

export const APP_VERSION = '0.1.0';

export function exportDocument(settings: Settings, reports: AppMonthReport[]) {
  return {
    kind: 'drey-verifier-report',
    versions: { app: APP_VERSION, report: reports[0]?.version ?? null, userAgent: typeof navigator === 'undefined' ? null : navigator.userAgent },
    exportedAt: new Date().toISOString(),
    settings: { network: settings.network, esplora: settings.esplora, genesis: settings.genesis, packs: settings.packs || null },
    months: reports,
  };
}
