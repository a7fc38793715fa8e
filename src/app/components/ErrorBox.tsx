/** A coded error as a person reads it: what failed, its code, and the evidence. */
import type { OutcomeError } from '../../core/outcome';
import { t } from '../i18n';

export function ErrorBox({ title, error }: { title: string; error: OutcomeError }) {
  return (
    <div role="alert" className="error-box">
      <p><strong>{title}:</strong> {error.message}</p>
      <p>{t('error.code')}: <code>{error.code}</code></p>
      {Object.keys(error.evidence).length > 0 && (
        <details>
          <summary>Evidence</summary>
          <pre className="mono">{JSON.stringify(error.evidence, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
