/** Actuary ranking: per month (roles in race order, stake, lottery odds, agreement, proofs, reward, penalties) and all time. */
import { useEffect, useMemo } from 'react';
import { allTimeRanking, type MonthActuary } from '../../../core/month/ranking';
import { t } from '../../i18n';
import { PageHeading } from '../../components/PageHeading';
import { MonthPicker } from '../../components/MonthPicker';
import { TableScroll } from '../../components/ui/TableScroll';
import { formatAmount, percent, shortHex } from '../../lib/format';
import { navigate } from '../../app/route-store';
import { useSettingsStore } from '../settings/settings-store';
import { queuePlace, runKey, useMonthsStore, verifiedReports, verifyMonth } from '../months/months-store';
import { defaultMonth } from '../months/latest-month';
import { listedMonths, useTimeline } from '../months/use-timeline';
import { loadProfiles, useRankingStore } from './ranking-store';
import { LiveRound } from './LiveRound';

const ROLE_ORDER: Record<MonthActuary['role'], number> = { lead: 0, secondary: 1, 'missed-lead': 2, eligible: 3 };

function Actuary({ k }: { k: string }) {
  const name = useRankingStore((s) => s.names[k]);
  return (
    <span>
      <code title={k}>{shortHex(k)}</code>
      {name && <> <span className="profile">“{name}”</span> <span className="muted small">({t('ranking.profile')}, {t('common.unconfirmed')})</span></>}
    </span>
  );
}

function roleText(a: MonthActuary): string {
  if (a.role === 'lead') return t('ranking.lead');
  if (a.role === 'secondary') return t('ranking.secondary', { rank: a.rank ?? '?' });
  return a.role === 'missed-lead' ? t('ranking.missedLead') : t('ranking.eligible');
}

export function RankingPage({ month }: { month: number | undefined }) {
  const settings = useSettingsStore((s) => s.settings);
  const runs = useMonthsStore((s) => s.runs);
  const timeline = useTimeline();
  const m = month ?? defaultMonth(timeline, runs);
  const run = m === undefined ? undefined : runs[runKey(m, 'full')];
  const place = useMonthsStore((s) => (m === undefined ? undefined : queuePlace(s, runKey(m, 'full'))));
  const ranking = run?.report?.ranking ?? null;
  const reports = useMemo(() => verifiedReports(runs), [runs]);
  const allTime = useMemo(() => allTimeRanking(reports.filter((r) => r.verdict === 'verified' && r.ranking).map((r) => r.ranking!)), [reports]);
  const keys = useMemo(() => [...new Set([...allTime.flatMap((a) => a.keys), ...(ranking?.actuaries.map((a) => a.key) ?? [])])], [allTime, ranking]);

  useEffect(() => {
    void loadProfiles(settings.relays, keys);
  }, [settings.relays, keys]);

  // The round in progress is the timeline's last month; its actuaries are the last verified month's eligible ones.
  const liveMonth = timeline.status === 'ok' ? timeline.months[timeline.months.length - 1]?.month : undefined;
  const lastRanking = reports.filter((r) => r.ranking).at(-1)?.ranking;
  const liveActuaries = useMemo(() => lastRanking?.actuaries.map((a) => a.key).sort() ?? [], [lastRanking]);
  const rows = ranking ? [...ranking.actuaries].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.rank ?? 0) - (b.rank ?? 0) || (a.key < b.key ? -1 : 1)) : [];
  return (
    <>
      <section aria-labelledby="ranking-heading" className="panel">
        <PageHeading id="ranking-heading">{t('ranking.heading')}</PageHeading>
        <div className="toolbar">
          <MonthPicker id="ranking-month" months={listedMonths(timeline)} value={m} onChange={(x) => navigate({ page: 'ranking', month: x })} />
        </div>
        <h3>{m !== undefined ? t('ranking.month', { month: m }) : ''}</h3>
        {m !== undefined && !run && place !== undefined && <p role="status">{t('table.waiting', { month: m, place })}</p>}
        {m !== undefined && !run && (
          <p>{t('common.verifyFirst', { month: m })} <button type="button" onClick={() => void verifyMonth(settings, m, 'full')}>{t('common.verifyNow', { month: m })}</button></p>
        )}
        {run?.status === 'running' && <p role="status">{t('months.running')}</p>}
        {run?.report && !ranking && <p>{t('ranking.none')}</p>}
        {ranking && (
          <TableScroll label={t('ranking.month', { month: ranking.month })}>
            <table className="data" aria-label={t('ranking.month', { month: ranking.month })}>
              <thead>
                <tr>
                  <th scope="col">{t('ranking.role')}</th>
                  <th scope="col">{t('ranking.actuary')}</th>
                  <th scope="col" className="num">{t('ranking.stake')}</th>
                  <th scope="col" className="num">{t('ranking.lottery')}</th>
                  <th scope="col">{t('ranking.agreement')}</th>
                  <th scope="col">{t('ranking.proofs')}</th>
                  <th scope="col" className="num">{t('ranking.reward')}</th>
                  <th scope="col">{t('ranking.penalty')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.key} data-role={a.role}>
                    <th scope="row">{roleText(a)}</th>
                    <td><Actuary k={a.key} /></td>
                    <td className="num">{formatAmount(a.stake)}</td>
                    <td className="num">{percent(a.lotteryPpm / 1_000_000)}</td>
                    <td>{a.agreed === null ? '—' : a.agreed ? t('common.yes') : t('common.no')}</td>
                    <td>{a.packageStatus ?? '—'}</td>
                    <td className="num">{formatAmount(a.reward)}</td>
                    <td>{a.penalties.length ? a.penalties.map((p) => `${p.reason} (${formatAmount(p.sats)})`).join(', ') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="alltime-heading" className="panel">
        <h2 id="alltime-heading">{t('ranking.allTime')}</h2>
        {allTime.length === 0 ? <p>{t('report.none')}</p> : (
          <TableScroll label={t('ranking.allTime')}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('ranking.actuary')}</th>
                  <th scope="col">{t('ranking.keys')}</th>
                  <th scope="col" className="num">{t('ranking.seniority')}</th>
                  <th scope="col" className="num">{t('ranking.rewards')}</th>
                  <th scope="col" className="num">{t('ranking.penalties')}</th>
                  <th scope="col" className="num">{t('ranking.agreementRate')}</th>
                </tr>
              </thead>
              <tbody>
                {allTime.map((a) => (
                  <tr key={a.key}>
                    <th scope="row"><Actuary k={a.key} /></th>
                    <td>{a.keys.length > 1 ? a.keys.map((k) => <code key={k} title={k}>{shortHex(k, 4)} </code>) : '—'}</td>
                    <td className="num">{a.seniority}</td>
                    <td className="num">{formatAmount(a.rewards)}</td>
                    <td className="num">{formatAmount(a.penalties)}</td>
                    <td className="num">{percent(a.agreementRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <LiveRound settings={settings} month={liveMonth} actuaries={liveActuaries} />
    </>
  );
}
