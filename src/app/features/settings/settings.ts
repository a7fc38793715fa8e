/** Network settings: parsed from the page URL (shareable) over the embedded defaults in ./drey-config.json. */
import { packsLocation } from '../../../core/esplora/pack-location';

export interface Settings {
  network: string;
  esplora: string[];
  genesis: string;
  relays: string[];
  /** Block explorer base URL for evidence links ('' for none). */
  explorer: string;
  /** Requests per second per Esplora host (public hosts allow about 5; a local devnet many more). */
  rps: number;
  /**
   * Where the deployment publishes month packs ('' for none): an http(s) URL, or one relative to this page. A pack only
   * saves requests; every entry of it is checked as a host's answer is.
   */
  packs: string;
}

export const DEFAULT_RPS = 4;

/** An integer rate from 1 to 1000, or undefined. */
function rateFrom(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d{1,4}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined;
}

export const NETWORKS = ['regtest', 'mainnet', 'testnet', 'testnet4', 'signet'] as const;

export const EMPTY_SETTINGS: Settings = { network: 'regtest', esplora: [], genesis: '', relays: [], explorer: '', rps: DEFAULT_RPS, packs: '' };

function list(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

/** Accepts only http(s) URLs; returns the ones that are not. */
export function invalidUrls(urls: string[], schemes = ['http:', 'https:']): string[] {
  return urls.filter((u) => {
    try {
      return !schemes.includes(new URL(u).protocol);
    } catch {
      return true;
    }
  });
}

/** Whether a month-pack address can be used: empty (none), or an http(s) URL once resolved against the page. */
export function packsUsable(packs: string): boolean {
  return !packs || packsLocation(packs, 'http://page.invalid/') !== undefined;
}

/** The month-pack address resolved against the page (`base`), or undefined for none. */
export function packsUrl(packs: string, base: string): string | undefined {
  return packs && packsUsable(packs) ? packsLocation(packs, base) : undefined;
}

/** Embedded defaults: the file the server ships next to index.html (npm start points it at the devnet). */
export function settingsFromConfig(raw: unknown): Partial<Settings> {
  if (!raw || typeof raw !== 'object') return {};
  const c = raw as Record<string, unknown>;
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    ...(typeof c.network === 'string' ? { network: c.network } : {}),
    ...(Array.isArray(c.esplora) ? { esplora: strings(c.esplora) } : {}),
    ...(typeof c.genesis === 'string' ? { genesis: c.genesis } : {}),
    ...(Array.isArray(c.relays) ? { relays: strings(c.relays) } : {}),
    ...(typeof c.explorer === 'string' ? { explorer: c.explorer } : {}),
    ...(rateFrom(c.rps) ? { rps: rateFrom(c.rps)! } : {}),
    ...(typeof c.packs === 'string' ? { packs: c.packs } : c.packs === null ? { packs: '' } : {}),
  };
}

export function settingsFromSearch(search: string): Partial<Settings> {
  const q = new URLSearchParams(search);
  return {
    ...(q.has('network') ? { network: q.get('network')! } : {}),
    ...(q.has('esplora') ? { esplora: list(q.get('esplora')) } : {}),
    ...(q.has('genesis') ? { genesis: q.get('genesis')! } : {}),
    ...(q.has('relays') ? { relays: list(q.get('relays')) } : {}),
    ...(q.has('explorer') ? { explorer: q.get('explorer')! } : {}),
    ...(rateFrom(q.get('rps')) ? { rps: rateFrom(q.get('rps'))! } : {}),
    ...(q.has('packs') ? { packs: q.get('packs')!.trim() } : {}),
  };
}

export function searchFromSettings(s: Settings): string {
  const q = new URLSearchParams();
  q.set('network', s.network);
  if (s.esplora.length) q.set('esplora', s.esplora.join(','));
  if (s.genesis) q.set('genesis', s.genesis);
  if (s.relays.length) q.set('relays', s.relays.join(','));
  if (s.explorer) q.set('explorer', s.explorer);
  if (s.rps !== DEFAULT_RPS) q.set('rps', String(s.rps));
  if (s.packs) q.set('packs', s.packs);
  return `?${q.toString()}`;
}

export function mergeSettings(...layers: Partial<Settings>[]): Settings {
  const s = Object.assign({}, EMPTY_SETTINGS, ...layers) as Settings;
  // Only an http(s) explorer becomes a link target; only http(s) packs are read.
  return {
    ...s,
    ...(invalidUrls(s.explorer ? [s.explorer] : []).length ? { explorer: '' } : {}),
    ...(packsUsable(s.packs) ? {} : { packs: '' }),
  };
}
