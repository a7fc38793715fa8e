/** A failure code explained in plain language, with what to do next (the sentences live in src/core/code-help.ts). */
import { explainCode } from '../../core/code-help';
import { t } from '../i18n';

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
