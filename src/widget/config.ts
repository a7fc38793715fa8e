/**
 * The `config` attribute: settings read from a JSON file in the app's `drey-config.json` format (network, esplora,
 * genesis, rps, packs), so a site that hosts the verifier app and its badges keeps one source for them. An attribute
 * set on the element wins over the file. A file that cannot be read or is not a JSON object is a `WIDGET_CONFIG_*`
 * problem. A relative `packs` in the file is relative to the file (as it is to the app beside it).
 */
import { packsLocation } from '../core/esplora/pack-location';
import type { WidgetCode } from './codes';
import type { SettingsProblem } from './settings';

/** The attributes a config file can supply. */
export const CONFIG_FIELDS = ['network', 'esplora', 'genesis', 'rps', 'packs'] as const;
export type ConfigAttributes = Partial<Record<(typeof CONFIG_FIELDS)[number], string>>;
export type ConfigResult = { ok: true; attributes: ConfigAttributes } | { ok: false; problem: SettingsProblem };

const problem = (code: WidgetCode, message: string): ConfigResult => ({ ok: false, problem: { code, message } });

const MAX_CONFIG_BYTES = 64 * 1024;

/**
 * A config file's values as attribute text (esplora as a comma-separated list; packs resolved against the file's
 * address `fileUrl`); fields of the wrong type are ignored.
 */
export function attributesFromConfig(json: unknown, fileUrl?: string): ConfigResult {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return problem('WIDGET_CONFIG_INVALID', 'the config file is not a JSON object');
  const c = json as Record<string, unknown>;
  const out: ConfigAttributes = {};
  if (typeof c.network === 'string') out.network = c.network;
  if (typeof c.esplora === 'string') out.esplora = c.esplora;
  else if (Array.isArray(c.esplora) && c.esplora.every((h) => typeof h === 'string')) out.esplora = c.esplora.join(',');
  if (typeof c.genesis === 'string') out.genesis = c.genesis;
  if (typeof c.rps === 'number' || typeof c.rps === 'string') out.rps = String(c.rps);
  if (typeof c.packs === 'string') out.packs = resolved(c.packs, fileUrl);
  return { ok: true, attributes: out };
}

/** `value` resolved against `base`; as it is when it is no http(s) location (the attribute check then says why). */
function resolved(value: string, base: string | undefined): string {
  return value.trim() === '' ? '' : packsLocation(value, base) ?? value;
}

/** Reads the config file at `href` (relative to the page): same-origin credentials only, no cache, at most 64 KiB. */
export async function readConfig(href: string, base: string, fetchFn: typeof fetch = globalThis.fetch, signal?: AbortSignal): Promise<ConfigResult> {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return problem('WIDGET_CONFIG_UNREADABLE', `the config attribute is not a URL: ${href}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return problem('WIDGET_CONFIG_UNREADABLE', 'the config file must be an http(s) URL');
  let text: string;
  try {
    const res = await fetchFn(url.href, { cache: 'no-store', credentials: 'same-origin', ...(signal ? { signal } : {}) });
    if (!res.ok) return problem('WIDGET_CONFIG_UNREADABLE', `the config file ${url.href} answered HTTP ${res.status}`);
    text = await res.text();
  } catch (e) {
    return problem('WIDGET_CONFIG_UNREADABLE', `the config file ${url.href} could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (text.length > MAX_CONFIG_BYTES) return problem('WIDGET_CONFIG_INVALID', 'the config file is larger than 64 KiB');
  try {
    return attributesFromConfig(JSON.parse(text), url.href);
  } catch {
    return problem('WIDGET_CONFIG_INVALID', `the config file ${url.href} is not JSON`);
  }
}
