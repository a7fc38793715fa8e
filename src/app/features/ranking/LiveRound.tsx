/** Live round status from the nostr relays for the month in progress, clearly marked unconfirmed. */
import { useEffect, useState } from 'react';
import { proxy } from 'comlink';
import type { UnconfirmedRoundStatus } from '../../../core/nostr/unconfirmed';
import { t } from '../../i18n';
import { shortHex } from '../../lib/format';
import { TableScroll } from '../../components/ui/TableScroll';
import { verifier } from '../../worker/client';
import type { Settings } from '../settings/settings';

let nextWatch = 1;

export function LiveRound({ settings, month, actuaries }: { settings: Settings; month: number | undefined; actuaries: string[] }) {
  const [statuses, setStatuses] = useState<Record<string, UnconfirmedRoundStatus>>({});
  const [listening, setListening] = useState(false);
  const key = actuaries.join(',');
  useEffect(() => {
    if (month === undefined || !settings.relays.length || !key) return;
    const id = nextWatch++;
    setStatuses({});
    const onStatus = proxy((s: UnconfirmedRoundStatus) => setStatuses((prev) => ({ ...prev, [s.pubkey]: s })));
    void verifier().watchRound(id, { relays: settings.relays, network: settings.network, genesis: settings.genesis, month, actuaries: key.split(',') }, onStatus).then(setListening);
    return () => { void verifier().unwatchRound(id).catch(() => undefined); };
  }, [settings.relays, settings.network, settings.genesis, month, key]);

  const rows = Object.values(statuses).sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section aria-labelledby="live-heading" className="panel">
      <h2 id="live-heading">{t('ranking.live')} <span className="badge warn">{t('common.unconfirmed')}</span></h2>
      <p className="help">{t('ranking.live.note')}</p>
      {month !== undefined && <p>{t('ranking.live.month', { month })} {listening ? t('ranking.live.listening', { count: settings.relays.length }) : t('ranking.live.off')}</p>}
      {rows.length > 0 && (
        <TableScroll label={t('ranking.live')}>
          <table className="data" aria-label={t('ranking.live')}>
            <thead><tr><th scope="col">{t('ranking.actuary')}</th><th scope="col">{t('ranking.live.phase')}</th><th scope="col" className="num">{t('ranking.live.height')}</th><th scope="col">{t('ranking.live.claimed')}</th></tr></thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.pubkey}>
                  <th scope="row"><code title={s.pubkey}>{shortHex(s.pubkey)}</code></th>
                  <td>{s.phase} <span className="muted small">({t('common.unconfirmed')})</span></td>
                  <td className="num">{s.height}</td>
                  <td>{new Date(s.createdAt * 1000).toISOString().replace('.000Z', ' UTC')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
