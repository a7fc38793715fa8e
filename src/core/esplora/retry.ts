/** Retry timing for the Esplora client: exponential backoff with jitter, and the HTTP Retry-After header (RFC 9110 §10.2.3). */

/** Milliseconds to wait from a Retry-After value (delay-seconds or HTTP-date), or undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Delay before retry `attempt` (0-based): base·2^attempt capped at `max`, with "equal jitter" (half fixed, half
 * random) so many clients backing off from one server spread out.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const d = Math.min(maxMs, baseMs * 2 ** attempt);
  return d / 2 + random() * (d / 2);
}
