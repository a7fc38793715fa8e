/** Choose a month among the listed months (the route keeps the choice). */
import { t } from '../i18n';

export interface MonthOption {
  month: number;
  label?: string;
}

export function MonthPicker({ id, months, value, onChange }: { id: string; months: readonly MonthOption[]; value: number | undefined; onChange: (m: number) => void }) {
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
