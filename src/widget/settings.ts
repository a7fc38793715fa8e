/** The `<drey-verify>` element's attributes, parsed into what one verification needs, and the link to the full report. */
import type { NetworkName } from '../core/chain/network';
import { packsLocation } from '../core/esplora/pack-location';
import type { WidgetCode } from './codes';

export const NETWORK_NAMES: readonly NetworkName[] = ['mainnet', 'testnet', 'testnet4', 'signet', 'regtest'];
export type Depth = 'quick' | 'full';

/** The attributes the element observes; a change to any of them starts a new verification. */
export const OBSERVED_ATTRIBUTES = ['esplora', 'genesis', 'network', 'user', 'month', 'depth', 'rps', 'packs', 'report-href', 'app', 'config'] as const;

/** Requests per second per Esplora host: the core's polite default for public hosts; raise it for your own. */
export const DEFAULT_RPS = 4;

export interface WidgetSettings {
  network: NetworkName;
  esplora: string[];
  genesis: string;
  /** The depositor's user id; checked in quick mode and never sent to any server. */
  user: string;
  /** Month number (1, 2, …) or null for the latest. */
  month: number | null;
  depth: Depth;
  rps: number;
  /** Where the deployment publishes month packs (an absolute http(s) URL), or null: they only save requests. */
  packs: string | null;
}

/** Why the attributes cannot be used, as a code and a sentence for the page author. */
export interface SettingsProblem {
  code: WidgetCode;
  message: string;
}

const GENESIS_RE = /^[0-9a-f]{64}i\d{1,10}$/;

function httpUrls(value: string): string[] | null {
  const hosts = value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  for (const h of hosts) {
    try {
      const url = new URL(h);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    } catch {
      return null;
    }
  }
  return hosts;
}

/** An http(s) URL resolved against `base`, or null when `value` is none. */
function packsFrom(value: string, base: string | undefined): string | null | undefined {
  return value === '' ? null : packsLocation(value, base);
}

/**
 * Reads and checks the attributes: the page author's mistakes become a `WIDGET_*` problem, never an exception. `base`
 * (the page's address) resolves a relative `packs`.
 */
export function settingsFromAttributes(attr: (name: string) => string | null, base?: string): WidgetSettings | SettingsProblem {
  const esplora = httpUrls(attr('esplora') ?? '');
  if (esplora === null) return { code: 'WIDGET_BAD_ESPLORA', message: 'esplora must be a comma-separated list of http(s) URLs' };
  if (esplora.length === 0) return { code: 'WIDGET_NO_ESPLORA', message: 'the esplora attribute names no host' };
  const network = (attr('network') ?? 'mainnet').trim() as NetworkName;
  if (!NETWORK_NAMES.includes(network)) return { code: 'WIDGET_BAD_NETWORK', message: `network must be one of ${NETWORK_NAMES.join(', ')}` };
  const genesis = (attr('genesis') ?? '').trim().toLowerCase();
  if (genesis !== '' && !GENESIS_RE.test(genesis)) return { code: 'WIDGET_BAD_GENESIS', message: 'genesis must be an inscription id (64 hex characters, "i", index)' };
  const monthText = (attr('month') ?? '').trim();
  let month: number | null = null;
  if (monthText !== '') {
    month = Number(monthText);
    if (!/^\d{1,6}$/.test(monthText) || month < 1) return { code: 'WIDGET_BAD_MONTH', message: 'month must be a month number (1, 2, …)' };
  }
  const depthText = (attr('depth') ?? '').trim();
  const user = (attr('user') ?? '').trim();
  if (user.length > 200) return { code: 'WIDGET_BAD_USER', message: 'user id is longer than 200 characters' };
  if (depthText !== '' && depthText !== 'quick' && depthText !== 'full') return { code: 'WIDGET_BAD_DEPTH', message: 'depth must be quick or full' };
  const depth: Depth = depthText === 'full' || depthText === 'quick' ? depthText : user ? 'quick' : 'full';
  if (depth === 'quick' && !user) return { code: 'WIDGET_NO_USER', message: 'quick mode checks one depositor: set the user attribute' };
  const rpsText = (attr('rps') ?? '').trim();
  const rps = rpsText === '' ? DEFAULT_RPS : Number(rpsText);
  if (!/^\d{1,4}$/.test(rpsText || '0') || rps < 1 || rps > 1000) return { code: 'WIDGET_BAD_RPS', message: 'rps must be an integer from 1 to 1000' };
  const packs = packsFrom((attr('packs') ?? '').trim(), base);
  if (packs === undefined) return { code: 'WIDGET_BAD_PACKS', message: 'packs must be an http(s) URL or a path on this site' };
  return { network, esplora, genesis, user, month, depth, rps, packs };
}

export function isProblem(s: WidgetSettings | SettingsProblem): s is SettingsProblem {
  return 'code' in s;
}

/**
 * The link to the full report: `report-href` when it is an http(s) link, else the app at `appUrl` with the network
 * settings in the query (shareable) and the page in the fragment: `#/allocation/<month>&user=…` for a depositor (a
 * fragment is never sent to a server), `#/month/<month>` for a month, `#/months` otherwise.
 */
export function reportHref(settings: WidgetSettings, appUrl: string, explicit?: string | null, month: number | null = settings.month): string {
  if (explicit) {
    // Only http(s) links: a `javascript:` href would run in the host page when the link is followed.
    const url = new URL(explicit, appUrl);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  }
  const url = new URL(appUrl);
  url.search = '';
  url.searchParams.set('network', settings.network);
  url.searchParams.set('esplora', settings.esplora.join(','));
  if (settings.genesis) url.searchParams.set('genesis', settings.genesis);
  if (settings.packs) url.searchParams.set('packs', settings.packs);
  const at = month !== null ? `/${month}` : '';
  url.hash = settings.user ? `/allocation${at}&${new URLSearchParams({ user: settings.user }).toString()}` : month !== null ? `/month${at}` : '/months';
  return url.href;
}
