/** A page's h2. After a navigation the shell moves focus here, so keyboard and screen-reader users land on the new page. */
import type { ReactNode } from 'react';

export function PageHeading({ id, children }: { id: string; children: ReactNode }) {
  return <h2 id={id} tabIndex={-1} className="page-heading">{children}</h2>;
}
