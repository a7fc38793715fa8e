/** One line on whether a month pack saved requests for a check (never part of the verdict: src/core/esplora/pack.ts). */
import type { PackReport } from '../../core/esplora/pack';
import { t } from '../i18n';

export function PackLine({ pack }: { pack: PackReport | undefined }) {
  if (!pack) return null;
  const text = pack.outcome === 'used'
    ? t('month.pack.used', { read: pack.read ?? 0, entries: pack.entries ?? 0 })
    : t(pack.outcome === 'refused' ? 'month.pack.refused' : 'month.pack.none', { reason: pack.reason ?? '' });
  return <p className="muted" data-testid="month-pack" title={pack.url}>{text}</p>;
}
