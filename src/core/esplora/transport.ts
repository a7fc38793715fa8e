/**
 * HTTP transport for untrusted Esplora hosts: CORS-simple requests only; per host an adaptive rate (AIMD on 429/503,
 * Retry-After honoured up to a bound) and a concurrency bound; per attempt a timeout and a size cap on the body;
 * per request a retry budget in time rather than a count, spent on whichever host is ready first, so the other hosts
 * answer while one refuses. An answer that fails a chain check names its host a liar, drops it for the run and goes
 * to the next host. The status is checked before a body is read; the body goes to the caller's `parse`.
 */
import { isRunEnding, VerifyError, type Evidence } from '../errors';
import { peekText, readCapped } from './body';
import { bodyCapFor } from './caps';
import { HostBook, type HostLie, type HostsReport } from './host-book';
import { Semaphore, abortedError, sleep } from './limits';
import { HostPacer } from './pacer';
import { backoffMs, retryAfterMs } from './retry';

export interface TransportOptions {
  /** Base URLs, e.g. `https://mempool.space/api`; preferred in this order when equally ready. */
  hosts: readonly string[];
  fetch: typeof fetch;
  /** Requests per second per host: the ceiling of the adaptive rate (default 4). */
  requestsPerSecond?: number;
  /** The floor the adaptive rate never goes below (default 0.25 per second). */
  minRequestsPerSecond?: number;
  burst?: number;
  /** Requests in flight per host (default 4). */
  concurrency?: number;
  /** Per attempt, headers and body included (default 15 s). */
  timeoutMs?: number;
  /** How long one request may keep retrying (default 60 s); the signal (a deadline) may end it sooner. */
  retryBudgetMs?: number;
  /** An optional ceiling on retries per host and request, on top of the time budget (default: none, the budget decides). */
  retries?: number;
  /** Complete answers of the wrong shape (HTML, garbage) accepted from one host for one request before giving up on it (default 2). */
  badBodiesPerHost?: number;
  signal?: AbortSignal;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Retry-After is honoured up to this long (default 60 s); the other hosts answer meanwhile. */
  maxRetryAfterMs?: number;
  /** Most bytes of an answer to a path (default: `bodyCapFor`, by endpoint). */
  bodyCap?: (path: string) => number;
  random?: () => number;
  now?: () => number;
}

export interface RequestSpec<T> {
  path: string;
  /** POST carries a plain string body (sent as text/plain: a CORS-simple request). */
  body?: string;
  /** Turn the body into a value; throw FETCH_BAD_BODY (garbage) or a non-FETCH_ code (a lie: the host is dropped). */
  parse: (body: Uint8Array, host: string) => T;
  /**
   * A chain check of the parsed answer, run outside the host's slot (it may fetch). A VerifyError whose code is not
   * FETCH_ refutes that host's answer: the next host is asked, and once one host's answer passes, the refuted hosts
   * are named liars and dropped for the run; when none passes, the check's error ends the request and nobody is
   * blamed. A FETCH_ error (the check could not fetch what it needs) ends the request with that error.
   */
  check?: (value: T, host: string) => void | Promise<void>;
  /** Ask only these hosts (per-host questions: cross-checks, absence claims). */
  hosts?: readonly string[];
  /** Ends this request (with its reason) besides the transport's own signal: a month's deadline. */
  signal?: AbortSignal;
}

export interface Answer<T> {
  value: T;
  /** The host whose answer it is. */
  host: string;
}

export interface Transport {
  readonly hosts: readonly string[];
  request<T>(spec: RequestSpec<T>): Promise<Answer<T>>;
  /** Name a host a liar (a check that spans several answers found it) and drop it for the run. */
  blame(host: string, lie: Omit<HostLie, 'host'>): boolean;
  /** Hosts not caught lying. */
  live(): string[];
  report(): HostsReport;
}

/** What one failed attempt means for the request. */
type FailureKind = 'slow-down' | 'transient' | 'garbage' | 'closed' | 'lie';

/** Refused connections (nothing listens, or no such name) tolerated per host and request before giving up on it. */
const REFUSALS = 3;

/** Network error causes that mean "nothing to talk to", not a passing failure (Node's undici names them in `cause`). */
const FATAL_CAUSES = new Set(['ECONNREFUSED', 'ENOTFOUND']);

function classify(e: VerifyError): FailureKind {
  if (!e.code.startsWith('FETCH_')) return 'lie';
  if (e.code === 'FETCH_RATE_LIMITED') return 'slow-down';
  if (e.code === 'FETCH_HTTP_STATUS') {
    const status = e.evidence.status as number;
    if (status === 503) return 'slow-down';
    return status >= 500 || status === 408 ? 'transient' : 'closed';
  }
  if (e.code === 'FETCH_NETWORK' || e.code === 'FETCH_TIMEOUT' || e.code === 'FETCH_TRUNCATED') return 'transient';
  if (e.code === 'FETCH_BAD_BODY') return 'garbage';
  return 'closed';
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

/**
 * One signal that aborts when any given one does, with that one's reason. Where the platform has AbortSignal.any it is
 * a fresh dependent signal even for one source, so the waits of one request do not pile listeners on a shared signal.
 */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal | undefined {
  const list = signals.filter((s): s is AbortSignal => s !== undefined);
  if (list.length === 0) return undefined;
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(list);
  if (list.length === 1) return list[0];
  const ctl = new AbortController();
  const stop = (s: AbortSignal) => () => ctl.abort(s.reason);
  for (const s of list) {
    if (s.aborted) return AbortSignal.abort(s.reason);
    s.addEventListener('abort', stop(s), { once: true, signal: ctl.signal });
  }
  return ctl.signal;
}

function positive(value: number | undefined, fallback: number, what: string): number {
  const v = value ?? fallback;
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${what} must be a finite number > 0`);
  return v;
}

export function createTransport(opts: TransportOptions): Transport {
  if (opts.hosts.length === 0) throw new RangeError('at least one Esplora host is required');
  const hosts = [...new Set(opts.hosts.map(normaliseHost))];
  const now = opts.now ?? Date.now;
  const timeoutMs = positive(opts.timeoutMs, 15_000, 'timeoutMs');
  const budgetMs = positive(opts.retryBudgetMs, 60_000, 'retryBudgetMs');
  const maxRetries = opts.retries ?? Infinity;
  const badBodies = Math.max(1, Math.floor(opts.badBodiesPerHost ?? 2));
  const backoffBase = opts.backoffBaseMs ?? 250;
  const backoffMax = opts.backoffMaxMs ?? 8_000;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 60_000;
  const capOf = opts.bodyCap ?? bodyCapFor;
  const rate = positive(opts.requestsPerSecond, 4, 'requestsPerSecond');
  const pacers = new Map(hosts.map((h) => [h, new HostPacer({ maxPerSecond: rate, minPerSecond: opts.minRequestsPerSecond ?? 0.25, burst: opts.burst ?? 2, now })]));
  const slots = new Map(hosts.map((h) => [h, new Semaphore(opts.concurrency ?? 4)]));
  /** Consecutive failed attempts per host (any request): the tie-breaker that steers new requests away from a failing host. */
  const streak = new Map(hosts.map((h) => [h, 0]));
  const book = new HostBook(hosts, (h) => pacers.get(h)!.rate);

  async function attempt<T>(host: string, spec: RequestSpec<T>, signal: AbortSignal | undefined): Promise<T> {
    const release = await slots.get(host)!.acquire(signal);
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => ctl.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const where: Evidence = { host, path: spec.path };
    let phase: 'headers' | 'body' = 'headers';
    book.count(host, 'requests');
    try {
      const init: RequestInit = spec.body === undefined ? { signal: ctl.signal } : { method: 'POST', body: spec.body, signal: ctl.signal };
      const res = await raceAbort(opts.fetch(host + spec.path, init), ctl.signal);
      if (!res.ok) {
        const text = await raceAbort(peekText(res, 200), ctl.signal).catch(() => '');
        const ev = { ...where, status: res.status, body: text };
        const retryAfter = retryAfterMs(res.headers.get('retry-after'), now());
        const asked = retryAfter === undefined ? {} : { retryAfterMs: retryAfter };
        if (res.status === 429) throw new VerifyError('FETCH_RATE_LIMITED', `${host} answered 429 (rate limited)`, { ...ev, ...asked });
        if (res.status === 404) throw new VerifyError('FETCH_NOT_FOUND', `${host} answered 404: ${text}`, ev);
        throw new VerifyError('FETCH_HTTP_STATUS', `${host} answered ${res.status}: ${text}`, { ...ev, ...asked });
      }
      phase = 'body';
      const body = await raceAbort(readCapped(res, capOf(spec.path), where, ctl.signal), ctl.signal);
      return spec.parse(body, host);
    } catch (e) {
      if (e instanceof VerifyError) throw e;
      if (signal?.aborted) throw abortedError(signal);
      if (ctl.signal.aborted) throw new VerifyError('FETCH_TIMEOUT', `${host} did not answer within ${timeoutMs} ms`, { ...where, timeoutMs, phase });
      const cause = (e as { cause?: { code?: unknown } }).cause?.code;
      const detail = `${e instanceof Error ? e.message : String(e)}${typeof cause === 'string' ? ` (${cause})` : ''}`;
      if (phase === 'body') throw new VerifyError('FETCH_TRUNCATED', `the connection broke mid-body: ${detail}`, where);
      throw new VerifyError('FETCH_NETWORK', `${host} unreachable: ${detail}`, { ...where, ...(typeof cause === 'string' && FATAL_CAUSES.has(cause) ? { refused: true } : {}) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      release();
    }
  }

  /**
   * The open host that can be asked soonest (then the one failing least, then configured order), and when its pacing
   * and back-off allow it. A host whose connections are all in use ranks later by an estimated 50 ms per request
   * queued ahead, but that estimate is only a ranking: the request then waits for a free connection, never a timer.
   */
  function pick(open: readonly string[], notBefore: Map<string, number>): { host: string; at: number } {
    let best: { host: string; at: number; rank: number; streak: number } | undefined;
    for (const host of open) {
      const s = slots.get(host)!;
      const busy = Math.max(0, s.inUse + s.queued - s.capacity + 1);
      const at = Math.max(pacers.get(host)!.readyAt(), notBefore.get(host) ?? 0);
      const rank = at + busy * 50;
      const k = streak.get(host)!;
      if (!best || rank < best.rank || (rank === best.rank && k < best.streak)) best = { host, at, rank, streak: k };
    }
    return { host: best!.host, at: best!.at };
  }

  interface Tries {
    attempts: number;
    bad: number;
    refused: number;
    last?: VerifyError;
  }

  /** After a failed attempt on `host`: whether to ask it again for this request, and when (a lie drops it for the run). */
  function afterFailure(host: string, path: string, e: VerifyError, t: Tries, notBefore: Map<string, number>, sentAt: number): 'again' | 'closed' {
    t.last = e;
    const kind = classify(e);
    if (kind === 'lie') {
      book.blame(host, { code: e.code, message: e.message, path, evidence: e.evidence });
      return 'closed';
    }
    streak.set(host, streak.get(host)! + 1);
    if (kind === 'slow-down') {
      book.count(host, 'rateLimited');
      const asked = e.evidence.retryAfterMs as number | undefined;
      pacers.get(host)!.onSlowDown(asked !== undefined ? Math.min(asked, maxRetryAfter) : backoffMs(t.attempts - 1, backoffBase, backoffMax, opts.random), sentAt);
      return 'again';
    }
    book.count(host, 'failures');
    if (kind === 'closed') return 'closed';
    if (kind === 'garbage' && ++t.bad >= badBodies) return 'closed';
    if (e.evidence.refused === true && ++t.refused >= REFUSALS) return 'closed';
    notBefore.set(host, now() + backoffMs(t.attempts - 1, backoffBase, backoffMax, opts.random));
    return 'again';
  }

  async function request<T>(spec: RequestSpec<T>): Promise<Answer<T>> {
    const signal = anySignal([opts.signal, spec.signal]);
    const pool = spec.hosts ? [...new Set(spec.hosts.map(normaliseHost))] : hosts;
    for (const h of pool) if (!pacers.has(h)) throw new RangeError(`not a configured host: ${h}`);
    const started = now();
    const closed = new Set<string>();
    const notBefore = new Map<string, number>();
    const tries = new Map<string, Tries>(pool.map((h) => [h, { attempts: 0, bad: 0, refused: 0 }]));
    /** Answers that failed the caller's check, by host: lies once another host's answer passes it. */
    const refuted: { host: string; error: VerifyError }[] = [];
    let attempts = 0;
    let outOfTime = false;

    for (;;) {
      if (signal?.aborted) throw abortedError(signal);
      const open = pool.filter((h) => !closed.has(h) && !book.isDropped(h));
      if (open.length === 0) break;
      const { host, at } = pick(open, notBefore);
      const t = tries.get(host)!;
      if (t.attempts > maxRetries) {
        closed.add(host);
        continue;
      }
      if (at > started + budgetMs) {
        outOfTime = true;
        break;
      }
      if (at > now()) await sleep(Math.ceil(at - now()), signal);
      await pacers.get(host)!.take(signal);
      t.attempts++;
      if (attempts++ > 0) book.count(host, 'retries');
      let value: T;
      const sentAt = now();
      try {
        value = await attempt(host, spec, signal);
      } catch (e) {
        if (!(e instanceof VerifyError) || isRunEnding(e)) throw e;
        if (afterFailure(host, spec.path, e, t, notBefore, sentAt) === 'closed') {
          // A rejected broadcast is reported as it is, not sent elsewhere.
          if (spec.body !== undefined && classify(e) === 'closed') throw e;
          closed.add(host);
        }
        continue;
      }
      streak.set(host, 0);
      pacers.get(host)!.onSuccess();
      try {
        await spec.check?.(value, host);
      } catch (e) {
        // A check that could not fetch what it needs ends the request; any other finding refutes this host's answer.
        if (!(e instanceof VerifyError) || e.code.startsWith('FETCH_')) throw e;
        t.last = e;
        refuted.push({ host, error: e });
        closed.add(host);
        continue;
      }
      // This answer passes: the hosts whose answers failed the check are caught lying.
      for (const r of refuted) book.blame(r.host, { code: r.error.code, message: r.error.message, path: spec.path, evidence: { ...r.error.evidence, contradictedBy: host } });
      return { value, host };
    }
    if (refuted.length > 0) {
      // No host answered in a way that passes the check: nobody is contradicted, and the finding stands as it is.
      const first = refuted[0]!.error;
      throw new VerifyError(first.code, first.message, { ...first.evidence, path: spec.path, answeredBy: refuted.map((r) => r.host) });
    }
    throw failureOf(spec.path, pool, tries, outOfTime ? now() - started : undefined);
  }

  function failureOf(path: string, pool: readonly string[], tries: Map<string, { attempts: number; last?: VerifyError }>, spentMs: number | undefined): VerifyError {
    const failures = pool.map((host) => {
      const t = tries.get(host)!;
      if (book.isDropped(host)) return { host, code: 'FETCH_HOST_DROPPED', message: 'caught lying earlier in this run', attempts: t.attempts };
      return { host, code: t.last?.code ?? 'FETCH_NOT_ASKED', message: t.last?.message ?? 'not asked', attempts: t.attempts };
    });
    const budget = spentMs === undefined ? {} : { retryBudgetMs: budgetMs, spentMs };
    const attempts = failures.reduce((n, f) => n + f.attempts, 0);
    if (failures.every((f) => f.code === 'FETCH_HOST_DROPPED')) {
      return new VerifyError('FETCH_NO_HONEST_HOST', `every host that could answer ${path} was caught lying`, { path, liars: book.liars().filter((l) => pool.includes(l.host)) });
    }
    const last = tries.get(pool[0]!)!.last;
    if (pool.length === 1 && last) {
      return new VerifyError(last.code, attempts > 1 ? `${last.message} (${attempts} attempts)` : last.message, { ...last.evidence, attempts, ...budget });
    }
    if (failures.every((f) => f.code === 'FETCH_NOT_FOUND' || f.code === 'FETCH_HOST_DROPPED')) {
      return new VerifyError('FETCH_NOT_FOUND', `no host has ${path}`, { path, failures });
    }
    return new VerifyError('FETCH_ALL_HOSTS_FAILED', `every Esplora host failed for ${path}`, { path, failures, ...budget });
  }

  return {
    hosts,
    request,
    blame: (host, lie) => book.blame(normaliseHost(host), lie),
    live: () => book.live(),
    report: () => book.report(),
  };
}
