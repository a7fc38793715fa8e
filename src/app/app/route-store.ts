/** The route store: the page the URL fragment names; navigating moves focus to the new page's heading. */
import { create } from 'zustand';
import { hashFromRoute, routeFromHash, type Route } from './route';

interface RouteState {
  route: Route;
  /** Bumped on every navigation so the page can move focus to its heading. */
  navigations: number;
}

export const useRouteStore = create<RouteState>(() => ({ route: { page: 'months' }, navigations: 0 }));

function fromLocation(): void {
  useRouteStore.setState((s) => ({ route: routeFromHash(location.hash), navigations: s.navigations + 1 }));
}

/** Follows the fragment (back/forward buttons and links included). */
export function startRouting(): void {
  useRouteStore.setState({ route: routeFromHash(location.hash), navigations: 0 });
  window.addEventListener('hashchange', fromLocation);
}

export function navigate(route: Route): void {
  const hash = hashFromRoute(route);
  if (location.hash === hash) fromLocation();
  else location.hash = hash;
}

/** Replaces the fragment without a new history entry or a focus move (e.g. while typing a user id). */
export function replaceRoute(route: Route): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hashFromRoute(route)}`);
  useRouteStore.setState({ route });
}

export function resetRouteStore(): void {
  useRouteStore.setState({ route: { page: 'months' }, navigations: 0 });
}
