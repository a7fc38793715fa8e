/** A check's evidence as a definition list; txids, block hashes and heights link to the chosen explorer. */
import { explorerLink } from '../lib/explorer';

const MAX_ITEMS = 50;

function Value({ k, v, explorer }: { k: string; v: unknown; explorer: string | undefined }) {
  const link = explorerLink(explorer, k, v);
  if (link) return <a href={link.href} target="_blank" rel="noopener noreferrer" className="mono">{String(v)}</a>;
  if (v === null || v === undefined) return <span className="muted">—</span>;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span className="muted">[]</span>;
    return (
      <ol className="evidence-list" start={0}>
        {v.slice(0, MAX_ITEMS).map((x, i) => <li key={i}><Value k={k} v={x} explorer={explorer} /></li>)}
        {v.length > MAX_ITEMS && <li className="muted">… {v.length - MAX_ITEMS} more</li>}
      </ol>
    );
  }
  if (typeof v === 'object') return <Evidence evidence={v as Record<string, unknown>} explorer={explorer} />;
  return <span className="mono">{String(v)}</span>;
}

/** `explorer`: the block explorer's base URL for links ('' or absent: no links). */
export function Evidence({ evidence, explorer }: { evidence: Record<string, unknown>; explorer?: string | undefined }) {
  const entries = Object.entries(evidence);
  if (entries.length === 0) return null;
  return (
    <dl className="facts evidence">
      {entries.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{k}</dt>
          <dd><Value k={k} v={v} explorer={explorer || undefined} /></dd>
        </div>
      ))}
    </dl>
  );
}
