/** The chain tip as verified in this browser: height, hash, proof of work, and which hosts agree. */
import { useEffect } from 'react';
import { t } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { useSettingsStore } from '../settings/settings-store';
import { refreshTip, useChainStore } from './chain-store';

export function ChainStatus() {
  const settings = useSettingsStore((s) => s.settings);
  const state = useChainStore();
  useEffect(() => {
    void refreshTip(settings);
  }, [settings]);

  return (
    <section aria-labelledby="chain-heading" className="panel" aria-busy={state.status === 'loading'}>
      <h2 id="chain-heading">{t('chain.heading')}</h2>
      {settings.esplora.length === 0 && <p>{t('settings.none')}</p>}
      {state.status === 'loading' && <p role="status">{t('chain.loading')}</p>}
      {state.status === 'error' && <ErrorBox title={t('chain.error')} error={state.error} />}
      {state.status === 'ok' && (
        <dl className="facts">
          <dt>{t('chain.height')}</dt>
          <dd data-testid="tip-height">{state.tip.height}</dd>
          <dt>{t('chain.hash')}</dt>
          <dd className="mono">{state.tip.hash}</dd>
          <dt>{t('chain.time')}</dt>
          <dd>{new Date(state.tip.time * 1000).toISOString().replace('.000Z', ' UTC')}</dd>
          <dt>{t('chain.pow')}</dt>
          <dd className="ok">✓ {t('chain.pow.ok', { network: state.tip.network })} ({state.tip.bits})</dd>
          <dt>{t('chain.hosts')}</dt>
          <dd>{state.tip.agreeingHosts.join(', ')}</dd>
        </dl>
      )}
      <p className="assumptions">{t('chain.proves')} {t('chain.notProves')}</p>
      <button type="button" onClick={() => void refreshTip(settings)} disabled={settings.esplora.length === 0}>{t('chain.refresh')}</button>
    </section>
  );
}
