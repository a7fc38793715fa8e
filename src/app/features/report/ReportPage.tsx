/** Report: export every verified month's full report (JSON), and the offline cache (IndexedDB) behind re-checks. */
import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { MonthRow, MonthTable } from '../../components/MonthTable';
import { PageHeading } from '../../components/PageHeading';
import { download, toJson } from '../../lib/download';
import { verifier } from '../../worker/client';
import { useSettingsStore } from '../settings/settings-store';
import { useMonthsStore } from '../months/months-store';
import { verdictView } from '../months/verdict-view';
import { exportDocument } from './export';

export function ReportPage() {
  const settings = useSettingsStore((s) => s.settings);
  const runs = useMonthsStore((s) => s.runs);
  const finished = Object.values(runs).filter((r) => r.report).sort((a, b) => a.month - b.month || a.depth.localeCompare(b.depth));
  const [entries, setEntries] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void verifier().cacheEntries().then(setEntries);
  }, [runs]);

  return (
    <>
      <section aria-labelledby="report-heading" className="panel">
        <PageHeading id="report-heading">{t('report.heading')}</PageHeading>
        <p className="help">{t('report.intro')}</p>
        {finished.length === 0 ? <p>{t('report.none')}</p> : (
          <>
            <button type="button" onClick={() => download('drey-report.json', [toJson(exportDocument(settings, finished.map((r) => r.report!)))], 'application/json')}>
              {t('report.exportAll')}
            </button>
            <MonthTable caption={t('report.heading')} showDepth>
              {finished.map((r) => (
                <MonthRow key={r.key} month={r.month} depth={r.user === undefined ? r.depth : t(r.report?.notInTable ? 'report.oneUserAbsent' : 'report.oneUser', { depth: r.depth })}
                  verdict={verdictView(r)} ms={r.report!.ms} fromCache={r.report!.replayed > 0}
                  actions={
                    <button type="button" className="secondary" aria-label={t('report.exportLabel', { month: r.month, depth: r.depth })}
                      onClick={() => download(`drey-month-${r.month}-${r.depth}.json`, [toJson(exportDocument(settings, [r.report!]))], 'application/json')}>
                      {t('report.export')}
                    </button>
                  } />
              ))}
            </MonthTable>
          </>
        )}
      </section>
      <section aria-labelledby="cache-heading" className="panel">
        <h2 id="cache-heading">{t('report.cache')}</h2>
        <p className="help">{t('report.cache.help')}</p>
        <p data-testid="cache-entries">{entries === null ? t('common.loading') : t('report.cache.entries', { count: entries })}</p>
        <button type="button" className="secondary" onClick={() => void verifier().clearCache().then(() => { setEntries(0); setStatus(t('report.cache.cleared')); })}>{t('report.cache.clear')}</button>
        <p role="status" className="help">{status}</p>
      </section>
    </>
  );
}
