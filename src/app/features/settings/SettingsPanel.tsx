/** Settings form: Esplora hosts (failover + cross-check), network, genesis id, relays and month packs; applied into the URL. */
import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import { PageHeading } from '../../components/PageHeading';
import { NETWORKS, invalidUrls, packsUsable, type Settings } from './settings';
import { applySettings, useSettingsStore } from './settings-store';

const lines = (s: string): string[] => s.split(/\s+/).map((x) => x.trim()).filter(Boolean);

export function SettingsPanel() {
  const settings = useSettingsStore((s) => s.settings);
  const [hosts, setHosts] = useState(settings.esplora.join('\n'));
  const [network, setNetwork] = useState(settings.network);
  const [genesis, setGenesis] = useState(settings.genesis);
  const [relays, setRelays] = useState(settings.relays.join('\n'));
  const [explorer, setExplorer] = useState(settings.explorer);
  const [rps, setRps] = useState(String(settings.rps));
  const [packs, setPacks] = useState(settings.packs);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  function submit(e: FormEvent): void {
    e.preventDefault();
    const next: Settings = { network, esplora: lines(hosts), genesis: genesis.trim(), relays: lines(relays), explorer: explorer.trim(), rps: Number(rps), packs: packs.trim() };
    if (!/^\d{1,4}$/.test(rps) || next.rps < 1 || next.rps > 1000) {
      setStatus({ kind: 'error', text: t('settings.rps.invalid') });
      return;
    }
    const bad = [...invalidUrls(next.esplora), ...invalidUrls(next.relays, ['ws:', 'wss:']), ...invalidUrls(next.explorer ? [next.explorer] : [])];
    if (bad.length) {
      setStatus({ kind: 'error', text: t('settings.invalidUrl', { url: bad[0]! }) });
      return;
    }
    if (!packsUsable(next.packs)) {
      setStatus({ kind: 'error', text: t('settings.packs.invalid', { url: next.packs }) });
      return;
    }
    applySettings(next);
    setStatus({ kind: 'ok', text: t('settings.applied') });
  }

  return (
    <section aria-labelledby="settings-heading" className="panel">
      <PageHeading id="settings-heading">{t('settings.heading')}</PageHeading>
      <form onSubmit={submit} className="settings-form">
        <label htmlFor="settings-esplora">{t('settings.esplora')}</label>
        <textarea id="settings-esplora" rows={3} value={hosts} onChange={(e) => setHosts(e.target.value)} aria-describedby="settings-esplora-help" spellCheck={false} />
        <p id="settings-esplora-help" className="help">{t('settings.esplora.help')}</p>

        <label htmlFor="settings-network">{t('settings.network')}</label>
        <select id="settings-network" value={network} onChange={(e) => setNetwork(e.target.value)}>
          {NETWORKS.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>

        <label htmlFor="settings-genesis">{t('settings.genesis')}</label>
        <input id="settings-genesis" value={genesis} onChange={(e) => setGenesis(e.target.value)} spellCheck={false} autoComplete="off" />

        <label htmlFor="settings-relays">{t('settings.relays')}</label>
        <textarea id="settings-relays" rows={2} value={relays} onChange={(e) => setRelays(e.target.value)} spellCheck={false} />

        <label htmlFor="settings-explorer">{t('settings.explorer')}</label>
        <input id="settings-explorer" value={explorer} onChange={(e) => setExplorer(e.target.value)} spellCheck={false} autoComplete="off" aria-describedby="settings-explorer-help" />
        <p id="settings-explorer-help" className="help">{t('settings.explorer.help')}</p>

        <label htmlFor="settings-rps">{t('settings.rps')}</label>
        <input id="settings-rps" type="number" min={1} max={1000} step={1} value={rps} onChange={(e) => setRps(e.target.value)} aria-describedby="settings-rps-help" />
        <p id="settings-rps-help" className="help">{t('settings.rps.help')}</p>

        <label htmlFor="settings-packs">{t('settings.packs')}</label>
        <input id="settings-packs" value={packs} onChange={(e) => setPacks(e.target.value)} spellCheck={false} autoComplete="off" aria-describedby="settings-packs-help" />
        <p id="settings-packs-help" className="help">{t('settings.packs.help')}</p>

        <button type="submit">{t('settings.apply')}</button>
        <p role="status" className={status?.kind === 'error' ? 'error' : 'help'}>{status?.text ?? ''}</p>
      </form>
    </section>
  );
}
