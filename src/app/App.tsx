/** The app shell: header, navigation (hash routes, focus moved to each page's heading) and the active page. */
import { useEffect } from 'react';
import { t, type MessageKey } from './i18n';
import { ChainStatus } from './features/chain/ChainStatus';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { useSettingsStore } from './features/settings/settings-store';
import { useRouteStore } from './app/route-store';
import { hashFromRoute, type Page } from './app/route';
import { MonthsPage } from './features/months/MonthsPage';
import { MonthPage } from './features/months/MonthPage';
import { TablePage } from './features/table/TablePage';
import { AllocationPage } from './features/my-allocation/AllocationPage';
import { RankingPage } from './features/ranking/RankingPage';
import { ReportPage } from './features/report/ReportPage';

const NAV: { page: Page; label: MessageKey }[] = [
  { page: 'months', label: 'nav.months' },
  { page: 'table', label: 'nav.table' },
  { page: 'allocation', label: 'nav.allocation' },
  { page: 'ranking', label: 'nav.ranking' },
  { page: 'report', label: 'nav.report' },
  { page: 'settings', label: 'nav.settings' },
];

function Nav() {
  const route = useRouteStore((s) => s.route);
  const current = route.page === 'month' ? 'months' : route.page;
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul>
        {NAV.map((n) => (
          <li key={n.page}>
            <a href={hashFromRoute({ page: n.page, ...(route.month !== undefined && n.page !== 'months' && n.page !== 'settings' && n.page !== 'report' ? { month: route.month } : {}) })}
              aria-current={current === n.page ? 'page' : undefined}>{t(n.label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ActivePage() {
  const route = useRouteStore((s) => s.route);
  switch (route.page) {
    case 'months': return <><MonthsPage /><ChainStatus /></>;
    case 'month': return <MonthPage month={route.month} />;
    case 'table': return <TablePage month={route.month} />;
    case 'allocation': return <AllocationPage user={route.user} month={route.month} />;
    case 'ranking': return <RankingPage month={route.month} />;
    case 'report': return <ReportPage />;
    case 'settings': {
      const settings = useSettingsStore.getState().settings;
      // Remount the form when settings change so it shows what is active.
      return <><SettingsPanel key={JSON.stringify(settings)} /><ChainStatus /></>;
    }
  }
}

export function App() {
  const loaded = useSettingsStore((s) => s.loaded);
  const settings = useSettingsStore((s) => s.settings);
  const navigations = useRouteStore((s) => s.navigations);
  // After a navigation, focus the new page's heading (the pages have rendered when this runs).
  useEffect(() => {
    if (navigations > 0) document.querySelector<HTMLElement>('main .page-heading')?.focus();
  }, [navigations]);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('app.skip')}</a>
      <header className="app-header">
        <div className="brand">
          <p className="app-title">{t('app.title')}</p>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <span className="badge" aria-label={`${t('settings.network')}: ${settings.network}`}>{settings.network}</span>
        <Nav />
      </header>
      <main id="main" tabIndex={-1}>
        <h1 className="sr-only">{t('app.title')}</h1>
        {loaded && <ActivePage />}
      </main>
    </>
  );
}
