/**
 * Hash routes (`#/months/3`, `#/allocation&user=…`): the fragment never reaches a server, so a depositor's user id
 * can sit in a shared link without leaving the browser. `#user=…` alone opens "My allocation".
 */
export const PAGES = ['months', 'month', 'table', 'allocation', 'ranking', 'report', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  /** The month a page is about (month page, table, ranking), when one is named. */
  month?: number;
  /** The depositor's user id (My allocation), from the fragment only. */
  user?: string;
}

function isPage(s: string): s is Page {
  return (PAGES as readonly string[]).includes(s);
}

export function routeFromHash(hash: string): Route {
  const body = hash.replace(/^#/, '');
  const [path = '', ...rest] = body.split('&');
  const params = new URLSearchParams(path.startsWith('/') ? rest.join('&') : body);
  const [name = '', monthText] = path.startsWith('/') ? path.slice(1).split('/') : [];
  const user = params.get('user') ?? undefined;
  const month = monthText !== undefined && /^[1-9][0-9]{0,5}$/.test(monthText) ? Number(monthText) : undefined;
  const page: Page = isPage(name) ? name : user !== undefined ? 'allocation' : 'months';
  return { page, ...(month !== undefined ? { month } : {}), ...(user ? { user } : {}) };
}

export function hashFromRoute(r: Route): string {
  let h = `#/${r.page}`;
  if (r.month !== undefined) h += `/${r.month}`;
  if (r.user) h += `&${new URLSearchParams({ user: r.user }).toString()}`;
  return h;
}
