/** Actuary profiles (NIP-01 kind 0) from relays, kept only for keys in the actuary set; UNCONFIRMED display data. */
import { KIND_PROFILE } from './kinds';
import { supersedes, verifiedEventFromUnknown, type NostrEvent } from './event';
import { actuarySet, DEFAULT_MAX_WAIT_MS, poolFrom, type PoolOptions } from './pool';
import type { UnconfirmedProfile } from './unconfirmed';

export interface FetchProfilesOptions extends PoolOptions {
  /** Called for every event that is dropped, with the reason (diagnostics only). */
  onRejected?: (reason: string, raw: unknown) => void;
}

const MAX_NAME = 64;
const MAX_ABOUT = 1024;

/** NIP-01 metadata content: a JSON object whose `name` and `about` are strings (both optional, capped). */
export function profileFromEvent(event: NostrEvent): UnconfirmedProfile | { reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(event.content);
  } catch {
    return { reason: 'profile content is not JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { reason: 'profile content is not an object' };
  const { name = '', about = '' } = json as Record<string, unknown>;
  if (typeof name !== 'string' || name.length > MAX_NAME) return { reason: 'profile name is not a short string' };
  if (typeof about !== 'string' || about.length > MAX_ABOUT) return { reason: 'profile about is not a short string' };
  return { trust: 'unconfirmed', pubkey: event.pubkey, eventId: event.id, createdAt: event.created_at, name, about };
}

/**
 * The newest valid profile of each given actuary key that the relays return within `maxWait`. Missing keys are simply
 * absent: relays may not have them, or may withhold them.
 */
export async function fetchProfiles(
  relays: readonly string[], pubkeys: readonly string[], opts: FetchProfilesOptions = {},
): Promise<Map<string, UnconfirmedProfile>> {
  const allowed = actuarySet(pubkeys);
  const out = new Map<string, UnconfirmedProfile>();
  if (allowed.size === 0 || relays.length === 0) return out;
  const { pool, owned } = poolFrom(opts);
  const newest = new Map<string, NostrEvent>();
  try {
    const raws = await pool.querySync([...relays], { kinds: [KIND_PROFILE], authors: [...allowed] }, { maxWait: opts.maxWait ?? DEFAULT_MAX_WAIT_MS });
    for (const raw of raws) {
      const checked = verifiedEventFromUnknown(raw);
      if ('reason' in checked) { opts.onRejected?.(checked.reason, raw); continue; }
      const ev = checked.event;
      if (ev.kind !== KIND_PROFILE) { opts.onRejected?.('not a profile event', raw); continue; }
      if (!allowed.has(ev.pubkey)) { opts.onRejected?.('author is not in the actuary set', raw); continue; }
      const prev = newest.get(ev.pubkey);
      if (prev && !supersedes(ev, prev)) continue;
      const profile = profileFromEvent(ev);
      if ('reason' in profile) { opts.onRejected?.(profile.reason, raw); continue; }
      newest.set(ev.pubkey, ev);
      out.set(ev.pubkey, profile);
    }
  } finally {
    if (owned) pool.destroy();
  }
  return out;
}
