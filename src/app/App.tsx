/** The app shell: header, navigation and the active feature. */
import { t } from './i18n';
import { ChainStatus } from './features/chain/ChainStatus';
import { SettingsPanel } from './features/settings/SettingsPanel';
import { useSettingsStore } from './features/settings/settings-store';

export function App() {
  const loaded = useSettingsStore((s) => s.loaded);
  const settings = useSettingsStore((s) => s.settings);
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <span className="badge" aria-label={`${t('settings.network')}: ${settings.network}`}>{settings.network}</span>
      </header>
      <main id="main" tabIndex={-1}>
        {loaded && (
          <>
            <ChainStatus />
            {/* Remount the form when settings change so it shows what is active. */}
            <SettingsPanel key={JSON.stringify(settings)} />
          </>
        )}
      </main>
    </>
  );
}
