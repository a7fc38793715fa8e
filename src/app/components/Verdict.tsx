/**
 * A month's status as words and a symbol (never colour alone). The states: the report's verdicts, and where a run
 * stands before it has one. A new verdict is one line in LOOK (the type names every state that needs one).
 */
import type { Verdict as ReportVerdict } from '../../core/month/report';

export type RunState = 'none' | 'queued' | 'running' | 'cancelled' | 'error' | 'not-in-table';
export type VerdictKind = ReportVerdict | RunState;

export interface VerdictView {
  kind: VerdictKind;
  text: string;
  /** The coded reason (or what the run waits for), shown after the text. */
  reason?: string;
}

const LOOK: Record<VerdictKind, { symbol: string; cls: string }> = {
  verified: { symbol: '✓', cls: 'ok' },
  rejected: { symbol: '✗', cls: 'bad' },
  pending: { symbol: '…', cls: 'pending' },
  unavailable: { symbol: '⊘', cls: 'unavailable' },
  error: { symbol: '!', cls: 'bad' },
  'not-in-table': { symbol: '?', cls: 'pending' },
  running: { symbol: '⟳', cls: 'running' },
  queued: { symbol: '◷', cls: 'muted' },
  cancelled: { symbol: '○', cls: 'muted' },
  none: { symbol: '○', cls: 'muted' },
};

export function Verdict({ view }: { view: VerdictView }) {
  const look = LOOK[view.kind];
  return (
    <span className={`verdict verdict-${look.cls}`} data-verdict={view.kind}>
      <span aria-hidden="true">{look.symbol} </span>
      <strong>{view.text}</strong>
      {view.reason && <span className="verdict-reason">: {view.reason}</span>}
    </span>
  );
}
