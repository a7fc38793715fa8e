/** Choose a month among the timeline's months (the route keeps the choice). */
import { t } from '../i18n';
import { useMonthsStore } from '../features/months/months-store';

export function MonthPicker({ id, value, onChange }: { id: string; value: number | undefined; onChange: (m: number) => void }) {
  const tl = useMonthsStore((s) => s.timeline);
  const months = tl.status === 'ok' ? tl.months : [];
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('common.chooseMonth')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {value === undefined && <option value="">—</option>}
        {months.map((m) => <option key={m.month} value={m.month}>{t('common.month', { month: m.month })}{m.label ? ` (${m.label})` : ''}</option>)}
      </select>
    </div>
  );
}
