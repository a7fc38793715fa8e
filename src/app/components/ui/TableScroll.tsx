/** A wide table's frame: on a narrow screen the table scrolls sideways inside it (keyboard-focusable) instead of the page. */
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
