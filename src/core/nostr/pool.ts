/** The verifier's nostr-tools pool: WebSocket injected (browser global, `ws` in Node), events verified by the caller. */
import { AbstractSimplePool } from 'nostr-tools/abstract-pool';

export interface PoolOptions {
  /** A pool to reuse (the caller owns and closes it). */
  pool?: AbstractSimplePool;
  /** WebSocket constructor; defaults to `globalThis.WebSocket`. */
  WebSocket?: unknown;
  /** How long to wait for relays (connection and stored events), in ms. Default 3000. */
  maxWait?: number;
}

export const DEFAULT_MAX_WAIT_MS = 3000;

/**
 * The caller's pool, or a fresh one that the caller of this function must `destroy()` (`owned`). A fresh pool does not
 * verify on its own: every consumer here rebuilds and verifies each event itself (`verifiedEventFromUnknown`).
 */
export function poolFrom(opts: PoolOptions): { pool: AbstractSimplePool; owned: boolean } {
  if (opts.pool) return { pool: opts.pool, owned: false };
  const ws = opts.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
  if (typeof ws !== 'function') throw new TypeError('no WebSocket implementation: pass opts.WebSocket (e.g. `ws` in Node 20)');
  const pool = new AbstractSimplePool({
    verifyEvent: () => true,
    websocketImplementation: ws as typeof WebSocket,
    maxWaitForConnection: opts.maxWait ?? DEFAULT_MAX_WAIT_MS,
    enablePing: false,
    enableReconnect: false,
  });
  return { pool, owned: true };
}

/** Actuary keys are caller input from chain data: a malformed one is a caller bug. */
export function actuarySet(pubkeys: readonly string[]): Set<string> {
  for (const k of pubkeys) if (!/^[0-9a-f]{64}$/.test(k)) throw new RangeError(`actuary key is not 64 lowercase hex: ${k}`);
  return new Set(pubkeys);
}
