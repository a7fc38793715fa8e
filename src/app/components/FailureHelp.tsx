/** A failure code explained in plain language, with what to do next (the table lives in i18n.ts). */
import { explainCode, t } from '../i18n';

export function FailureHelp({ code }: { code: string }) {
  const help = explainCode(code);
  return (
    <dl className="failure-help">
      <dt>{t('error.what')}</dt>
      <dd>{help.what}</dd>
      <dt>{t('error.todo')}</dt>
      <dd>{help.todo}</dd>
    </dl>
  );
}
