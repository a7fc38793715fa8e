/** Network settings: parsed from the page URL (shareable) over the embedded defaults in ./drey-config.json. */
export interface Settings {
  network: string;
  esplora: string[];
  genesis: string;
  relays: string[];
}

export const NETWORKS = ['regtest', 'mainnet', 'testnet', 'testnet4', 'signet'] as const;

export const EMPTY_SETTINGS: Settings = { network: 'regtest', esplora: [], genesis: '', relays: [] };

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
  };
}

export function settingsFromSearch(search: string): Partial<Settings> {
  const q = new URLSearchParams(search);
  return {
    ...(q.has('network') ? { network: q.get('network')! } : {}),
    ...(q.has('esplora') ? { esplora: list(q.get('esplora')) } : {}),
    ...(q.has('genesis') ? { genesis: q.get('genesis')! } : {}),
    ...(q.has('relays') ? { relays: list(q.get('relays')) } : {}),
  };
}

export function searchFromSettings(s: Settings): string {
  const q = new URLSearchParams();
  q.set('network', s.network);
  if (s.esplora.length) q.set('esplora', s.esplora.join(','));
  if (s.genesis) q.set('genesis', s.genesis);
  if (s.relays.length) q.set('relays', s.relays.join(','));
  return `?${q.toString()}`;
}

export function mergeSettings(...layers: Partial<Settings>[]): Settings {
  return Object.assign({}, EMPTY_SETTINGS, ...layers) as Settings;
}
