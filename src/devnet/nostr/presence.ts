/** Actuary presence for the simulator: NIP-01 kind-0 profiles and NIP-78 round-status events, published with nostr-tools. */
import { AbstractSimplePool } from 'nostr-tools/abstract-pool';
import { finalizeEvent, getPublicKey, type Event } from 'nostr-tools/pure';
import { KIND_PROFILE, KIND_ROUND_STATUS, roundStatusD } from '../../core/nostr/kinds';
import { NodeWebSocket } from './ws-client';

export interface PublishTarget {
  relays: readonly string[];
  /** The actuary's nostr secret key (32 bytes). */
  nostrKey: Uint8Array;
  /** Reuse a pool across many publications (the caller destroys it); default: one pool per call. */
  pool?: AbstractSimplePool;
  /** Unix seconds; default now, kept strictly increasing per (key, kind, d) so a later status always replaces. */
  createdAt?: number;
}

export interface RoundStatus {
  /** e.g. `lottery`, `commit`, `race`, `reveal`, `final`, `done`. */
  phase: string;
  height: number;
  [field: string]: unknown;
}

const lastCreated = new Map<string, number>();

function createdAtFor(key: string, explicit?: number): number {
  const t = explicit ?? Math.max(Math.floor(Date.now() / 1000), (lastCreated.get(key) ?? 0) + 1);
  lastCreated.set(key, Math.max(t, lastCreated.get(key) ?? 0));
  return t;
}

/** A pool for Node with the `ws` WebSocket. */
export function nodePool(): AbstractSimplePool {
  return new AbstractSimplePool({
    verifyEvent: () => true, websocketImplementation: NodeWebSocket, maxWaitForConnection: 3000, enablePing: false, enableReconnect: false,
  });
}

/** Publish to every relay; resolves with the event once at least one relay accepted it (else rejects with the reasons). */
async function publishEvent(target: PublishTarget, ev: Event): Promise<Event> {
  const pool = target.pool ?? nodePool();
  try {
    const results = await Promise.allSettled(pool.publish([...target.relays], ev, { maxWait: 3000 }));
    if (!results.some((r) => r.status === 'fulfilled')) {
      throw new Error(`no relay accepted event ${ev.id}: ${results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')).join('; ')}`);
    }
    return ev;
  } finally {
    if (!target.pool) pool.destroy();
  }
}

export function publishProfile(target: PublishTarget & { name: string; about: string }): Promise<Event> {
  const pubkey = getPublicKey(target.nostrKey);
  const ev = finalizeEvent({
    kind: KIND_PROFILE, tags: [], content: JSON.stringify({ name: target.name, about: target.about }),
    created_at: createdAtFor(`${pubkey}:0`, target.createdAt),
  }, target.nostrKey);
  return publishEvent(target, ev);
}

export function publishRoundStatus(target: PublishTarget & { network: string; genesis: string; month: number; status: RoundStatus }): Promise<Event> {
  const d = roundStatusD(target.network, target.genesis, target.month);
  const pubkey = getPublicKey(target.nostrKey);
  const ev = finalizeEvent({
    kind: KIND_ROUND_STATUS, tags: [['d', d], ['alt', `Drey round status, month ${target.month}`]], content: JSON.stringify(target.status),
    created_at: createdAtFor(`${pubkey}:${KIND_ROUND_STATUS}:${d}`, target.createdAt),
  }, target.nostrKey);
  return publishEvent(target, ev);
}
