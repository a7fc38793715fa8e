/**
 * Taking a month's pack from where a deployment publishes them (docs/protocol.md §2.4.2): `<base>/month-<m>.<depth>.json`.
 * A pack only saves requests, so nothing about it can fail a check: a pack that is missing, slow, too large or not
 * for this chain and month is left out (with the reason) and the month is checked against the hosts alone.
 */
import { VerifyError } from '../errors';
import type { NetworkName } from '../chain/network';
import { readCapped } from './body';
import { packFileName } from './pack-location';
import { anySignal } from './transport';
import { MAX_PACK_BYTES, parsePack, type MonthPack, type PackDepth, type PackFor, type PackReport, type PackUse, type PackedCache } from './pack';

export interface PackRequest {
  fetch: typeof fetch;
  /** Where the packs are published (an absolute URL: `packsLocation`, pack-location.ts). */
  base: string;
  network: NetworkName;
  genesis: string;
  month: number;
  depth: PackDepth;
  signal?: AbortSignal;
  /** How long to wait for the pack before going on without it (default 5 s). */
  timeoutMs?: number;
}

/** Whether a pack was used, and why not when it was not (a FETCH_PACK_REFUSED reason, or what the request met). */
export type PackOutcome =
  | { outcome: 'used'; url: string; pack: MonthPack; dropped: number }
  | { outcome: 'none'; url: string; reason: string }
  | { outcome: 'refused'; url: string; code: 'FETCH_PACK_REFUSED'; reason: string };

export function packUrl(base: string, month: number, depth: PackDepth): string {
  return new URL(packFileName(month, depth), base.endsWith('/') ? base : `${base}/`).href;
}

/** A pack's body read: used, or refused with FETCH_PACK_REFUSED's reason (anything else propagates). */
export function packOutcome(url: string, body: Uint8Array, want: PackFor): PackOutcome {
  try {
    const { dropped, ...pack } = parsePack(body, want);
    return { outcome: 'used', url, pack, dropped };
  } catch (e) {
    if (e instanceof VerifyError && e.code === 'FETCH_PACK_REFUSED') return { outcome: 'refused', url, code: e.code, reason: String(e.evidence.reason) };
    throw e;
  }
}

export async function fetchMonthPack(r: PackRequest): Promise<PackOutcome> {
  let url: string;
  try {
    url = packUrl(r.base, r.month, r.depth);
  } catch {
    return { outcome: 'none', url: r.base, reason: 'not a URL' };
  }
  const timeout = AbortSignal.timeout(r.timeoutMs ?? 5000);
  const signal = anySignal([r.signal, timeout]);
  let body: Uint8Array;
  try {
    const res = await r.fetch(url, { signal });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { outcome: 'none', url, reason: `HTTP ${res.status}` };
    }
    body = await readCapped(res, MAX_PACK_BYTES, { url }, signal);
  } catch (e) {
    if (r.signal?.aborted) throw new VerifyError('FETCH_ABORTED', 'the check was cancelled', {});
    if (e instanceof VerifyError && e.code === 'FETCH_TOO_LARGE') return { outcome: 'refused', url, code: 'FETCH_PACK_REFUSED', reason: 'too large' };
    return { outcome: 'none', url, reason: timeout.aborted ? 'timed out' : e instanceof VerifyError ? e.code : 'unreachable' };
  }
  return packOutcome(url, body, r);
}

/** The report's account of a pack: where it was looked for, whether it was used, and how much of it was read. */
export function packReport(o: PackOutcome, use?: PackUse): PackReport {
  if (o.outcome === 'used') return { url: o.url, outcome: 'used', ...(use ? { entries: use.entries, read: use.read } : {}) };
  return { url: o.url, outcome: o.outcome, reason: o.reason };
}

/**
 * A month's check with its pack (or the outcome of looking for one) added under the cache first: the result, and the
 * report's account of the pack (its entries, and how many of them this check read).
 */
export async function checkWithPack<R>(cache: PackedCache, outcome: PackOutcome | undefined, check: () => Promise<R>): Promise<{ result: R; pack?: PackReport }> {
  if (outcome?.outcome === 'used') cache.add(outcome.pack);
  const readBefore = cache.use().read;
  const result = await check();
  if (!outcome) return { result };
  const use = outcome.outcome === 'used' ? { packs: 1, entries: outcome.pack.entries.size, read: cache.use().read - readBefore } : undefined;
  return { result, pack: packReport(outcome, use) };
}
