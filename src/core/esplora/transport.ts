/**
 * HTTP transport for Esplora hosts: CORS-simple requests only, per-host rate limit, bounded concurrency, per-attempt
 * timeout, retries with backoff on 429/5xx/network errors (honouring Retry-After), failover across hosts. The status
 * is checked before the body is read; the body goes to the caller's `parse`, which re-hashes what it can.
 */
import { VerifyError, type Evidence } from '../errors';
import { Semaphore, TokenBucket, abortedError, sleep } from './limits';
import { backoffMs, retryAfterMs } from './retry';

export interface TransportOptions {
  /** Base URLs, e.g. `https://mempool.space/api`; tried in order, the last one that answered first. */
  hosts: readonly string[];
  fetch: typeof fetch;
  requestsPerSecond?: number;
  burst?: number;
  concurrency?: number;
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  /** Retries per host after the first attempt. */
  retries?: number;
  signal?: AbortSignal;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A Retry-After longer than this moves on to the next host instead of waiting. */
  maxRetryAfterMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface RequestSpec<T> {
  path: string;
  /** POST carries a plain string body (sent as text/plain: a CORS-simple request). */
  body?: string;
  /** Turn the body into a value; throw FETCH_BAD_BODY (retried) or CHAIN_* (a lying host: not retried). */
  parse: (body: Uint8Array, host: string) => T;
  /** Ask only these hosts (cross-checks). */
  hosts?: readonly string[];
}

export interface Transport {
  readonly hosts: readonly string[];
  request<T>(spec: RequestSpec<T>): Promise<T>;
}

const RETRYABLE = new Set(['FETCH_NETWORK', 'FETCH_TIMEOUT', 'FETCH_RATE_LIMITED', 'FETCH_BAD_BODY']);

/** Worth retrying on the same host: transient failures and 5xx answers. Other 4xx only move on to the next host. */
function isRetryable(e: VerifyError): boolean {
  return RETRYABLE.has(e.code) || (e.code === 'FETCH_HTTP_STATUS' && (e.evidence.status as number) >= 500);
}

/** Normalise a base URL: http(s) only, no trailing slash. A bad URL is a caller (configuration) bug. */
export function normaliseHost(host: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new RangeError(`not a URL: ${host}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`Esplora host must be http(s): ${host}`);
  return url.href.replace(/\/+$/, '');
}

/** Reject when `signal` aborts, even if `promise` never settles (a fetch that ignores its signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function createTransport(opts: TransportOptions): Transport {
  if (opts.hosts.length === 0) throw new RangeError('at least one Esplora host is required');
  const hosts = opts.hosts.map(normaliseHost);
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const retries = opts.retries ?? 3;
  const backoffBase = opts.backoffBaseMs ?? 500;
  const backoffMax = opts.backoffMaxMs ?? 8_000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 30_000;
  const buckets = new Map(hosts.map((h) => [h, new TokenBucket(opts.requestsPerSecond ?? 4, opts.burst ?? 2, now)]));
  const slots = new Semaphore(opts.concurrency ?? 4);
  let preferred = 0;

  async function attempt<T>(host: string, spec: RequestSpec<T>): Promise<T> {
    const caller = opts.signal;
    await buckets.get(host)!.take(caller);
    const release = await slots.acquire(caller);
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    const onCallerAbort = () => ctl.abort(caller?.reason);
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    const url = host + spec.path;
    const where: Evidence = { host, path: spec.path };
    let phase: 'headers' | 'body' = 'headers';
    try {
      const init: RequestInit = spec.body === undefined ? { signal: ctl.signal } : { method: 'POST', body: spec.body, signal: ctl.signal };
      const res = await raceAbort(opts.fetch(url, init), ctl.signal);
      if (!res.ok) {
        const text = (await raceAbort(res.text(), ctl.signal).catch(() => '')).slice(0, 200);
        const ev = { ...where, status: res.status, body: text };
        if (res.status === 429) {
          throw new VerifyError('FETCH_RATE_LIMITED', `${host} answered 429 (rate limited)`, { ...ev, retryAfterMs: retryAfterMs(res.headers.get('retry-after'), now()) });
        }
        if (res.status === 404) throw new VerifyError('FETCH_NOT_FOUND', `${host} answered 404: ${text}`, ev);
        throw new VerifyError('FETCH_HTTP_STATUS', `${host} answered ${res.status}: ${text}`, { ...ev, retryAfterMs: retryAfterMs(res.headers.get('retry-after'), now()) });
      }
      phase = 'body';
      const body = new Uint8Array(await raceAbort(res.arrayBuffer(), ctl.signal));
      const declared = res.headers.get('content-length');
      const encoding = res.headers.get('content-encoding');
      if (declared !== null && (encoding === null || encoding === 'identity') && Number(declared) !== body.length) {
        throw new VerifyError('FETCH_BAD_BODY', `body truncated: ${body.length} of ${declared} bytes`, { ...where, received: body.length, declared: Number(declared) });
      }
      return spec.parse(body, host);
    } catch (e) {
      if (e instanceof VerifyError) throw e;
      if (caller?.aborted) throw abortedError(caller);
      if (ctl.signal.aborted) throw new VerifyError('FETCH_TIMEOUT', `${host} did not answer within ${timeoutMs} ms`, { ...where, timeoutMs, phase });
      const detail = e instanceof Error ? e.message : String(e);
      if (phase === 'body') throw new VerifyError('FETCH_BAD_BODY', `body could not be read: ${detail}`, where);
      throw new VerifyError('FETCH_NETWORK', `${host} unreachable: ${detail}`, where);
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
      release();
    }
  }

  async function request<T>(spec: RequestSpec<T>): Promise<T> {
    const pool = spec.hosts ? spec.hosts.map(normaliseHost) : [...hosts.slice(preferred), ...hosts.slice(0, preferred)];
    const failures: Evidence[] = [];
    let last: VerifyError | undefined;
    for (const host of pool) {
      for (let n = 0; ; n++) {
        if (opts.signal?.aborted) throw abortedError(opts.signal);
        try {
          const value = await attempt(host, spec);
          if (!spec.hosts) preferred = hosts.indexOf(host);
          return value;
        } catch (e) {
          if (!(e instanceof VerifyError)) throw e;
          if (!e.code.startsWith('FETCH_') || e.code === 'FETCH_ABORTED') throw e;
          last = e;
          const failoverOnly = !isRetryable(e);
          if (failoverOnly && spec.body !== undefined) throw e;
          if (failoverOnly || n >= retries) {
            failures.push({ host, code: e.code, message: e.message, attempts: n + 1 });
            break;
          }
          const asked = e.evidence.retryAfterMs as number | undefined;
          if (asked !== undefined && asked > maxRetryAfter) {
            failures.push({ host, code: e.code, message: `${e.message}; Retry-After ${asked} ms is too long`, attempts: n + 1 });
            break;
          }
          await sleep(asked ?? backoffMs(n, backoffBase, backoffMax, opts.random), opts.signal);
        }
      }
    }
    if (pool.length === 1 && last) throw last;
    if (failures.every((f) => f.code === 'FETCH_NOT_FOUND')) {
      throw new VerifyError('FETCH_NOT_FOUND', `no host has ${spec.path}`, { path: spec.path, failures });
    }
    throw new VerifyError('FETCH_ALL_HOSTS_FAILED', `every Esplora host failed for ${spec.path}`, { path: spec.path, failures });
  }

  return { hosts, request };
}
