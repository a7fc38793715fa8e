/** Defensive NIP-01 event check for events received from relays: exact shape, then id and BIP340 signature. */
import { verifyEvent, type Event } from 'nostr-tools/pure';

export type { Event as NostrEvent } from 'nostr-tools/pure';

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;
/** Generous caps: a Drey status or profile is a few hundred bytes. */
const MAX_CONTENT = 64 * 1024;
const MAX_TAGS = 256;

/**
 * A fresh, verified copy of an untrusted event, or the reason it was refused. The copy is rebuilt field by field so no
 * cached verification flag (nostr-tools keeps one on the object) and no extra property survives from the input.
 */
export function verifiedEventFromUnknown(raw: unknown): { event: Event } | { reason: string } {
  if (typeof raw !== 'object' || raw === null) return { reason: 'not an object' };
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !HEX64.test(r.id)) return { reason: 'id is not 64 lowercase hex' };
  if (typeof r.pubkey !== 'string' || !HEX64.test(r.pubkey)) return { reason: 'pubkey is not 64 lowercase hex' };
  if (typeof r.sig !== 'string' || !HEX128.test(r.sig)) return { reason: 'sig is not 128 lowercase hex' };
  if (!Number.isSafeInteger(r.created_at) || (r.created_at as number) < 0) return { reason: 'created_at is not a timestamp' };
  if (!Number.isInteger(r.kind) || (r.kind as number) < 0 || (r.kind as number) > 65535) return { reason: 'kind out of range' };
  if (typeof r.content !== 'string' || r.content.length > MAX_CONTENT) return { reason: 'content is not a string or too long' };
  if (!Array.isArray(r.tags) || r.tags.length > MAX_TAGS) return { reason: 'tags is not an array or too long' };
  const tags: string[][] = [];
  for (const t of r.tags as unknown[]) {
    if (!Array.isArray(t) || !t.every((x) => typeof x === 'string')) return { reason: 'a tag is not an array of strings' };
    tags.push([...(t as string[])]);
  }
  const event: Event = {
    id: r.id, pubkey: r.pubkey, sig: r.sig, created_at: r.created_at as number, kind: r.kind as number, tags, content: r.content,
  };
  if (!verifyEvent(event)) return { reason: 'id or signature does not verify' };
  return { event };
}

/** A pool/relay `verifyEvent` hook that checks a fresh copy (relays may send anything). */
export function isVerifiedEvent(raw: unknown): boolean {
  return 'event' in verifiedEventFromUnknown(raw);
}

/** The first value of a tag, e.g. `tagValue(ev, 'd')`. */
export function tagValue(event: Event, name: string): string | undefined {
  return event.tags.find((t) => t[0] === name)?.[1];
}

/** NIP-01 order for replaceable events: newer `created_at` wins; on a tie the lowest id wins. */
export function supersedes(a: Event, b: Event): boolean {
  return a.created_at > b.created_at || (a.created_at === b.created_at && a.id < b.id);
}
