/** What a month's verification proves, and what it does not (the assumptions that remain), said plainly. */
import { t, type MessageKey } from '../i18n';

const YES: MessageKey[] = ['proves.yes.1', 'proves.yes.2', 'proves.yes.3', 'proves.yes.4', 'proves.yes.5'];
const NO: MessageKey[] = ['proves.no.1', 'proves.no.2', 'proves.no.3', 'proves.no.4', 'proves.no.5'];

export function ProvesBox() {
  return (
    <section className="panel proves" aria-labelledby="proves-heading">
      <h2 id="proves-heading">{t('proves.heading')}</h2>
      <div className="proves-cols">
        <div>
          <h3>{t('proves.yes')}</h3>
          <ul>{YES.map((k) => <li key={k}>{t(k)}</li>)}</ul>
        </div>
        <div>
          <h3>{t('proves.no')}</h3>
          <ul>{NO.map((k) => <li key={k}>{t(k)}</li>)}</ul>
        </div>
      </div>
    </section>
  );
}
