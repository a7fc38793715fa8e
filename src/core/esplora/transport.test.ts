import { afterEach, describe, expect, it, vi } from 'vitest';
import { VerifyError } from '../errors';
import { TokenBucket, Semaphore } from './limits';
import { createTransport, type TransportOptions } from './transport';

const A = 'https://a.example/api';
const B = 'https://b.example/api';
const text = (body: string, status = 200, headers: Record<string, string> = {}) => new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
const asText = (b: Uint8Array) => new TextDecoder().decode(b);
const never = (_u: unknown, init?: RequestInit) => new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

/** A fake fetch scripted per host: each call takes the next answer of that host's list (the last one repeats). */
function scripted(script: Record<string, ((url: string, init?: RequestInit) => Response | Promise<Response>)[]>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = (async (input: string, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, ...(init ? { init } : {}) });
    const host = Object.keys(script).find((h) => url.startsWith(h))!;
    const list = script[host]!;
    const n = calls.filter((c) => c.url.startsWith(host)).length - 1;
    return list[Math.min(n, list.length - 1)]!(url, init);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const fast: Partial<TransportOptions> = { backoffBaseMs: 1, backoffMaxMs: 4, requestsPerSecond: 1000, burst: 100, timeoutMs: 30, retries: 2, random: () => 0.5 };
const get = (t: ReturnType<typeof createTransport>, parse = asText) => t.request({ path: '/blocks/tip/height', parse });
const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: VerifyError) => e.code);

afterEach(() => vi.useRealTimers());

describe('when a host answers 429 without Retry-After (as blockstream.info does)', () => {
  it('backs off and retries the same host, then succeeds', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('{"message":"rate limit"}', 429), () => text('{"message":"rate limit"}', 429), () => text('840000')] });
    expect(await get(createTransport({ ...fast, hosts: [A], fetch }))).toBe('840000');
    expect(calls.length).toBe(3);
  });
  it('gives FETCH_RATE_LIMITED when retries run out on a single host', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('slow down', 429)] });
    expect(await codeOf(get(createTransport({ ...fast, hosts: [A], fetch })))).toBe('FETCH_RATE_LIMITED');
    expect(calls.length).toBe(3);
  });
});

describe('when a host sends Retry-After', () => {
  it('honours delay-seconds instead of the (here huge) backoff', async () => {
    const { fetch } = scripted({ [A]: [() => text('', 429, { 'retry-after': '0' }), () => text('ok')] });
    expect(await get(createTransport({ ...fast, backoffBaseMs: 60_000, backoffMaxMs: 60_000, hosts: [A], fetch }))).toBe('ok');
  });
  it('honours an HTTP date in the past', async () => {
    const { fetch } = scripted({ [A]: [() => text('', 503, { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }), () => text('ok')] });
    expect(await get(createTransport({ ...fast, backoffBaseMs: 60_000, backoffMaxMs: 60_000, hosts: [A], fetch }))).toBe('ok');
  });
  it('moves to the next host when the wait is longer than maxRetryAfterMs', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('', 429, { 'retry-after': '3600' })], [B]: [() => text('from B')] });
    expect(await get(createTransport({ ...fast, hosts: [A, B], fetch }))).toBe('from B');
    expect(calls.map((c) => c.url.slice(0, A.length))).toEqual([A, B]);
  });
});

describe('when a host answers 503', () => {
  it('retries it and succeeds when it recovers', async () => {
    const { fetch } = scripted({ [A]: [() => text('busy', 503), () => text('ok')] });
    expect(await get(createTransport({ ...fast, hosts: [A], fetch }))).toBe('ok');
  });
  it('fails over after exhausted retries and then prefers the host that answered', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('busy', 503)], [B]: [() => text('ok')] });
    const t = createTransport({ ...fast, hosts: [A, B], fetch });
    expect(await get(t)).toBe('ok');
    expect(calls.filter((c) => c.url.startsWith(A)).length).toBe(3);
    await get(t);
    expect(calls.at(-1)!.url.startsWith(B)).toBe(true);
  });
  it('never hands the 503 body to the parser (status checked first)', async () => {
    const parse = vi.fn(asText);
    const { fetch } = scripted({ [A]: [() => text('<html>502 Bad Gateway</html>', 502)] });
    const e = await get(createTransport({ ...fast, hosts: [A], fetch }), parse).then(() => undefined, (x: VerifyError) => x) as VerifyError;
    expect(e).toMatchObject({ code: 'FETCH_HTTP_STATUS', evidence: { status: 502 } });
    expect(parse).not.toHaveBeenCalled();
  });
});

describe('when a request never resolves', () => {
  it('times out with FETCH_TIMEOUT after each attempt, even if the fetch ignores its signal', async () => {
    const { fetch, calls } = scripted({ [A]: [() => new Promise<Response>(() => undefined)] });
    expect(await codeOf(get(createTransport({ ...fast, hosts: [A], fetch })))).toBe('FETCH_TIMEOUT');
    expect(calls.length).toBe(3);
  });
  it('fails over to a host that answers', async () => {
    const { fetch } = scripted({ [A]: [never], [B]: [() => text('ok')] });
    expect(await get(createTransport({ ...fast, hosts: [A, B], fetch }))).toBe('ok');
  });
  it('a body that never finishes also times out', async () => {
    const stalled = () => new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([0x38])); } }), { status: 200 });
    const { fetch } = scripted({ [A]: [stalled] });
    expect(await codeOf(get(createTransport({ ...fast, hosts: [A], fetch, retries: 0 })))).toBe('FETCH_TIMEOUT');
  });
});

describe('when every host is unreachable', () => {
  it('gives FETCH_ALL_HOSTS_FAILED listing each host\'s reason', async () => {
    const { fetch } = scripted({ [A]: [() => { throw new TypeError('fetch failed'); }], [B]: [never] });
    const e = (await get(createTransport({ ...fast, hosts: [A, B], fetch })).then(() => undefined, (x: VerifyError) => x))!;
    expect(e.code).toBe('FETCH_ALL_HOSTS_FAILED');
    expect(e.evidence.failures).toMatchObject([{ host: A, code: 'FETCH_NETWORK', attempts: 3 }, { host: B, code: 'FETCH_TIMEOUT', attempts: 3 }]);
  });
  it('a single host\'s network error is FETCH_NETWORK', async () => {
    const { fetch } = scripted({ [A]: [() => { throw new TypeError('fetch failed'); }] });
    expect(await codeOf(get(createTransport({ ...fast, hosts: [A], fetch })))).toBe('FETCH_NETWORK');
  });
});

describe('when a body is truncated', () => {
  it('a body shorter than its Content-Length is FETCH_BAD_BODY, retried', async () => {
    const short = () => new Response('8400', { status: 200, headers: { 'content-length': '6' } });
    const { fetch, calls } = scripted({ [A]: [short, () => text('840000')] });
    expect(await get(createTransport({ ...fast, hosts: [A], fetch }))).toBe('840000');
    expect(calls.length).toBe(2);
  });
  it('a connection that drops mid-body is FETCH_BAD_BODY', async () => {
    const dropped = () => new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([0x38])); c.error(new TypeError('terminated')); } }), { status: 200 });
    const { fetch } = scripted({ [A]: [dropped] });
    expect(await codeOf(get(createTransport({ ...fast, hosts: [A], fetch })))).toBe('FETCH_BAD_BODY');
  });
});

describe('when hosts answer 404', () => {
  it('does not retry the same host, asks the next, and reports FETCH_NOT_FOUND if none has it', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('Transaction not found', 404)], [B]: [() => text('Transaction not found', 404)] });
    expect(await codeOf(get(createTransport({ ...fast, hosts: [A, B], fetch })))).toBe('FETCH_NOT_FOUND');
    expect(calls.length).toBe(2);
  });
  it('uses the answer of a host that has it', async () => {
    const { fetch } = scripted({ [A]: [() => text('Transaction not found', 404)], [B]: [() => text('ok')] });
    expect(await get(createTransport({ ...fast, hosts: [A, B], fetch }))).toBe('ok');
  });
});

describe('when the parser finds a lie (CHAIN_ code)', () => {
  it('is reported at once: no retry, no failover', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('x')], [B]: [() => text('x')] });
    const parse = () => { throw new VerifyError('CHAIN_TXID_MISMATCH', 'lie'); };
    expect(await codeOf(createTransport({ ...fast, hosts: [A, B], fetch }).request({ path: '/x', parse }))).toBe('CHAIN_TXID_MISMATCH');
    expect(calls.length).toBe(1);
  });
});

describe('when the caller aborts', () => {
  it('stops a pending request with FETCH_ABORTED', async () => {
    const ctl = new AbortController();
    const { fetch } = scripted({ [A]: [never] });
    const p = get(createTransport({ ...fast, timeoutMs: 60_000, hosts: [A], fetch, signal: ctl.signal }));
    setTimeout(() => ctl.abort(), 5);
    expect(await codeOf(p)).toBe('FETCH_ABORTED');
  });
  it('stops during a backoff wait', async () => {
    const ctl = new AbortController();
    const { fetch, calls } = scripted({ [A]: [() => text('', 503)] });
    const p = get(createTransport({ ...fast, backoffBaseMs: 20_000, backoffMaxMs: 20_000, hosts: [A], fetch, signal: ctl.signal }));
    setTimeout(() => ctl.abort(), 5);
    expect(await codeOf(p)).toBe('FETCH_ABORTED');
    expect(calls.length).toBe(1);
  });
});

describe('CORS-simple requests only', () => {
  it('GET sends no headers and no method override; POST sends a plain string body', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('ok')] });
    const t = createTransport({ ...fast, hosts: [A + '/'], fetch });
    await t.request({ path: '/blocks/tip/hash', parse: asText });
    await t.request({ path: '/tx', body: 'abcd', parse: asText });
    expect(calls[0]!.url).toBe(`${A}/blocks/tip/hash`);
    expect(Object.keys(calls[0]!.init!)).toEqual(['signal']);
    expect(calls[1]!.init).toMatchObject({ method: 'POST', body: 'abcd' });
    expect(calls[1]!.init!.headers).toBeUndefined();
  });
  it('a POST rejected with 400 is reported with the server\'s message, not sent elsewhere', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('sendrawtransaction RPC error: {"code":-26}', 400)], [B]: [() => text('ok')] });
    const e = await createTransport({ ...fast, hosts: [A, B], fetch }).request({ path: '/tx', body: 'ab', parse: asText }).then(() => undefined, (x: VerifyError) => x) as VerifyError;
    expect(e).toMatchObject({ code: 'FETCH_HTTP_STATUS', evidence: { status: 400 } });
    expect(e.message).toContain('sendrawtransaction');
    expect(calls.length).toBe(1);
  });
});

describe('pacing', () => {
  it('the token bucket lets `burst` through at once, then one per 1/rate seconds', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket(10, 2, () => Date.now());
    const done: number[] = [];
    for (let i = 0; i < 4; i++) void bucket.take().then(() => done.push(i));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toEqual([0, 1, 2, 3]);
  });
  it('at most `concurrency` requests are in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const fetch = (async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return text('ok');
    }) as unknown as typeof globalThis.fetch;
    const t = createTransport({ ...fast, hosts: [A], fetch, concurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => get(t)));
    expect(peak).toBe(2);
  });
  it('the semaphore hands a released slot to the next waiter', async () => {
    const s = new Semaphore(1);
    const r1 = await s.acquire();
    const p2 = s.acquire();
    r1();
    (await p2)();
    expect(s.inUse).toBe(0);
  });
});
