/**
 * A windowed list: only the rows in view (plus a margin) are in the DOM, so 100k rows scroll smoothly.
 * Fixed row height; keyboard users scroll the focusable viewport with the arrow and page keys.
 */
import { useState, type ReactNode, type UIEvent } from 'react';

interface Props {
  count: number;
  rowHeight: number;
  height: number;
  renderRow: (index: number) => ReactNode;
  label: string;
  /** The header row(s), kept outside the scrolled area. */
  header?: ReactNode;
  overscan?: number;
}

export function VirtualList({ count, rowHeight, height, renderRow, label, header, overscan = 8 }: Props) {
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i));
  return (
    <div role="table" aria-label={label} aria-rowcount={count + 1} className="vlist">
      {header}
      <div
        className="vlist-viewport"
        tabIndex={0}
        role="rowgroup"
        aria-label={label}
        onScroll={(e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop)}
        style={{ height }}
      >
        {/* Styles set through the DOM (CSSOM), which the strict CSP allows. */}
        <div className="vlist-spacer" style={{ height: count * rowHeight }}>
          <div className="vlist-window" style={{ transform: `translateY(${first * rowHeight}px)` }}>
            {rows}
          </div>
        </div>
      </div>
    </div>
  );
}
