/** A coded error as a person reads it: what failed, its code, what it means, what to do, and the evidence. */
import type { OutcomeError } from '../../core/outcome';
import { t } from '../i18n';
import { Evidence } from './EvidenceView';
import { FailureHelp } from './FailureHelp';

export function ErrorBox({ title, error, explorer }: { title: string; error: OutcomeError; explorer?: string | undefined }) {
  return (
    <div role="alert" className="error-box">
      <p><strong>{title}:</strong> {error.message}</p>
      <p>{t('error.code')}: <code>{error.code}</code></p>
      <FailureHelp code={error.code} />
      {Object.keys(error.evidence).length > 0 && (
        <details>
          <summary>{t('common.evidence')}</summary>
          <Evidence evidence={error.evidence} explorer={explorer} />
        </details>
      )}
    </div>
  );
}
