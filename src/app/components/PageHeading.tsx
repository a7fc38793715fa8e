/** A page's h2: after a navigation, focus moves here so keyboard and screen-reader users land on the new page. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useRouteStore } from '../app/route-store';

export function PageHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const navigations = useRouteStore((s) => s.navigations);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
  }, [navigations]);
  return <h2 id={id} ref={ref} tabIndex={-1} className="page-heading">{children}</h2>;
}
