/** Live round-status events (NIP-78 kind 30078, `d = drey/v1/<network>/<genesis>/month/<m>/status`); UNCONFIRMED. */
import { KIND_ROUND_STATUS, roundStatusD } from './kinds';
import { supersedes, tagValue, verifiedEventFromUnknown, type NostrEvent } from './event';
import { actuarySet, poolFrom, type PoolOptions } from './pool';
import type { UnconfirmedRoundStatus } from './unconfirmed';

export interface RoundStatusOptions extends PoolOptions {
  network: string;
  /** x-only hex keys of the month's actuaries (from chain data); events of anyone else are dropped. */
  actuaries: readonly string[];
  onRejected?: (reason: string, raw: unknown) => void;
  /** Called once the relays have sent their stored events (or `maxWait` passed). */
  onStored?: () => void;
}

const PHASE_RE = /^[a-z][a-z0-9_-]{0,31}$/;

/** The status content: a JSON object with a short `phase` word and a `height`; other fields are kept as `extra`. */
export function roundStatusFromEvent(
  event: NostrEvent, network: string, genesis: string, month: number,
): UnconfirmedRoundStatus | { reason: string } {
  if (event.kind !== KIND_ROUND_STATUS) return { reason: 'not a round-status event' };
  if (tagValue(event, 'd') !== roundStatusD(network, genesis, month)) return { reason: 'd tag names another round' };
  let json: unknown;
  try {
    json = JSON.parse(event.content);
  } catch {
    return { reason: 'status content is not JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { reason: 'status content is not an object' };
  const { phase, height, ...extra } = json as Record<string, unknown>;
  if (typeof phase !== 'string' || !PHASE_RE.test(phase)) return { reason: 'status phase is not a short lowercase word' };
  if (!Number.isSafeInteger(height) || (height as number) < 0) return { reason: 'status height is not a block height' };
  return {
    trust: 'unconfirmed', pubkey: event.pubkey, eventId: event.id, createdAt: event.created_at,
    network, genesis, month, phase, height: height as number, extra,
  };
}

/**
 * Subscribe to the actuaries' status for one month. `onEvent` gets each actuary's status when it is newer than the
 * one already seen from that actuary (stored ones first, then live ones). `close()` ends the subscription.
 */
export function subscribeRoundStatus(
  relays: readonly string[], genesis: string, month: number,
  onEvent: (status: UnconfirmedRoundStatus) => void, opts: RoundStatusOptions,
): { close(): void } {
  const allowed = actuarySet(opts.actuaries);
  const d = roundStatusD(opts.network, genesis, month);
  const { pool, owned } = poolFrom(opts);
  const newest = new Map<string, NostrEvent>();
  const sub = pool.subscribe([...relays], { kinds: [KIND_ROUND_STATUS], authors: [...allowed], '#d': [d] }, {
    ...(opts.maxWait !== undefined ? { maxWait: opts.maxWait } : {}),
    onevent(raw) {
      const checked = verifiedEventFromUnknown(raw);
      if ('reason' in checked) return opts.onRejected?.(checked.reason, raw);
      const ev = checked.event;
      if (!allowed.has(ev.pubkey)) return opts.onRejected?.('author is not in the actuary set', raw);
      const prev = newest.get(ev.pubkey);
      if (prev && !supersedes(ev, prev)) return;
      const status = roundStatusFromEvent(ev, opts.network, genesis, month);
      if ('reason' in status) return opts.onRejected?.(status.reason, raw);
      newest.set(ev.pubkey, ev);
      onEvent(status);
    },
    oninvalidevent(raw) { opts.onRejected?.('relay sent an event outside the filter', raw); },
    oneose() { opts.onStored?.(); },
  });
  return {
    close() {
      sub.close();
      if (owned) pool.destroy();
    },
  };
}
