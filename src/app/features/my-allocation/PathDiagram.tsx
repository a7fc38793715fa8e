/** The inclusion path drawn step by step: leaf → batch tree levels → batch root → month tree levels → month root → log. */
import { t } from '../../i18n';
import { shortHex } from '../../lib/format';
import type { PathSteps } from '../../worker/api';

export function PathDiagram({ steps, root, log }: { steps: PathSteps; root?: string; log?: { size: number; root: string } }) {
  const matches = root !== undefined && root.toLowerCase() === steps.monthRoot;
  return (
    <ol className="path" aria-label={t('alloc.path')}>
      <li className="path-step path-leaf">
        <strong>{t('alloc.path.leaf')}</strong>{' '}
        <code title={steps.leaf}>{shortHex(steps.leaf)}</code>
      </li>
      {steps.levels.map((l) => (
        <li key={`${l.tree}-${l.level}`} className="path-step">
          <strong>{t(l.tree === 'batch' ? 'alloc.path.batchLevel' : 'alloc.path.monthLevel', { level: l.level })}</strong>{' '}
          <span className="muted">({t('alloc.path.position', { pos: l.position })})</span>
          <div className="path-children">
            {l.children.map((c, i) => (
              <code key={i} className={i === l.position ? 'own' : ''} title={c}>
                {i === l.position && <span className="sr-only">{t('alloc.path.position', { pos: i })}: </span>}
                {shortHex(c, 6)}
              </code>
            ))}
          </div>
          <div className="path-node">→ <code title={l.node}>{shortHex(l.node)}</code></div>
        </li>
      ))}
      <li className={`path-step path-root ${matches ? 'ok' : ''}`}>
        <strong>{t('alloc.path.root')}</strong> <code title={steps.monthRoot}>{shortHex(steps.monthRoot)}</code>
        {matches && <p className="ok"><span aria-hidden="true">✓ </span>{t('alloc.path.ok')}</p>}
      </li>
      {log && (
        <li className="path-step path-log">
          <strong>{t('alloc.path.log')}</strong> <code title={log.root}>{shortHex(log.root)}</code> <span className="muted">({t('alloc.path.logSize', { size: log.size })})</span>
        </li>
      )}
    </ol>
  );
}
