import { describe, expect, it, vi } from 'vitest';
import { VerifyError } from '../errors';
import { createDeadline } from './deadline';
import { Semaphore } from './limits';
import { createTransport, type TransportOptions } from './transport';

const A = 'https://a.example/api';
const B = 'https://b.example/api';
const text = (body: string, status = 200, headers: Record<string, string> = {}) => new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
const asText = (b: Uint8Array) => new TextDecoder().decode(b);
const never = (_u: unknown, init?: RequestInit) => new Promise<Response>((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
const refused = () => { throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }); };
const reset = () => { throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }); };

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
  const on = (host: string) => calls.filter((c) => c.url.startsWith(host)).length;
  return { fetch, calls, on };
}

/** Small waits so tests run in milliseconds; the time budget, not a count, ends retries. */
const fast: Partial<TransportOptions> = { backoffBaseMs: 1, backoffMaxMs: 4, requestsPerSecond: 1000, burst: 100, timeoutMs: 30, retryBudgetMs: 5_000, random: () => 0.5 };
/** For requests that must fail: a short budget. */
const brief: Partial<TransportOptions> = { ...fast, retryBudgetMs: 150 };
const get = async (t: ReturnType<typeof createTransport>, parse = asText) => (await t.request({ path: '/blocks/tip/height', parse })).value;
const failure = async (p: Promise<unknown>) => p.then(() => undefined, (e: VerifyError) => e) as Promise<VerifyError>;
const codeOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: VerifyError) => e.code);
/** `p` run on a fake clock to its end, so what a time budget allows does not depend on the machine's load. */
async function settled<T>(run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers();
  try {
    const p = run();
    await vi.runAllTimersAsync();
    return await p;
  } finally {
    vi.useRealTimers();
  }
}

describe('when a host answers 429 without Retry-After (as blockstream.info does)', () => {
  it('slows down, retries, succeeds, and counts the retries and refusals', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('{"message":"rate limit"}', 429), () => text('{"message":"rate limit"}', 429), () => text('840000')] });
    const t = createTransport({ ...fast, hosts: [A], fetch });
    expect(await get(t)).toBe('840000');
    expect(calls.length).toBe(3);
    const r = t.report();
    expect(r.totals).toMatchObject({ requests: 3, retries: 2, rateLimited: 2 });
    expect(r.byHost[A]!.rate).toBeLessThan(1000);
  });
  it('keeps asking within the time budget, not a fixed count, then gives FETCH_RATE_LIMITED with the attempts', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('slow down', 429)] });
    const e = await settled(() => failure(get(createTransport({ hosts: [A], fetch, retryBudgetMs: 20_000, random: () => 0.5 }))));
    expect(e).toMatchObject({ code: 'FETCH_RATE_LIMITED', evidence: { retryBudgetMs: 20_000 } });
    expect(e.evidence.attempts).toBe(calls.length);
    // Cooling down 0.19 s, 0.38 s, 0.75 s, … up to 6 s between tries (half-jittered backoff): eight fit in 20 s.
    expect(calls.length).toBe(8);
  });
  it('asks the other host meanwhile', async () => {
    const { fetch, on } = scripted({ [A]: [() => text('', 429)], [B]: [() => text('from B')] });
    const t = createTransport({ ...fast, backoffBaseMs: 10_000, backoffMaxMs: 10_000, hosts: [A, B], fetch });
    for (let i = 0; i < 5; i++) expect(await get(t)).toBe('from B');
    // A cools down after its refusal: the later requests go straight to B.
    expect(on(A)).toBe(1);
  });
  it('an optional ceiling on retries ends sooner', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('', 429)] });
    expect(await codeOf(get(createTransport({ ...fast, retryBudgetMs: 60_000, retries: 2, hosts: [A], fetch })))).toBe('FETCH_RATE_LIMITED');
    expect(calls.length).toBe(3);
  });
});

describe('when a host answers 503', () => {
  it('slows down like a 429 and succeeds when the host recovers', async () => {
    const { fetch } = scripted({ [A]: [() => text('busy', 503), () => text('ok')] });
    const t = createTransport({ ...fast, hosts: [A], fetch });
    expect(await get(t)).toBe('ok');
    expect(t.report().totals.rateLimited).toBe(1);
  });
  it('never hands the 503 body to the parser (status checked first)', async () => {
    const parse = vi.fn(asText);
    const { fetch } = scripted({ [A]: [() => text('<html>502 Bad Gateway</html>', 502)] });
    const e = await failure(get(createTransport({ ...brief, hosts: [A], fetch }), parse));
    expect(e).toMatchObject({ code: 'FETCH_HTTP_STATUS', evidence: { status: 502 } });
    expect(parse).not.toHaveBeenCalled();
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
  it('a wait past the budget sends the request to another host', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('', 429, { 'retry-after': '3600' })], [B]: [() => text('from B')] });
    expect(await get(createTransport({ ...fast, hosts: [A, B], fetch }))).toBe('from B');
    expect(calls.map((c) => c.url.slice(0, A.length))).toEqual([A, B]);
  });
  it('with one host, a wait past the budget ends the request at once instead of waiting an hour', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('', 429, { 'retry-after': '3600' })] });
    expect(await codeOf(get(createTransport({ ...fast, retryBudgetMs: 10_000, hosts: [A], fetch })))).toBe('FETCH_RATE_LIMITED');
    expect(calls.length).toBe(1);
  });
});

describe('when a request never resolves', () => {
  it('times out with FETCH_TIMEOUT after each attempt, even if the fetch ignores its signal', async () => {
    const { fetch, calls } = scripted({ [A]: [() => new Promise<Response>(() => undefined)] });
    expect(await settled(() => codeOf(get(createTransport({ ...brief, hosts: [A], fetch }))))).toBe('FETCH_TIMEOUT');
    expect(calls.length).toBeGreaterThan(1);
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

describe('when a host cannot be reached', () => {
  it('a refused connection is given up after a few tries, without waiting out the budget', async () => {
    const { fetch, calls } = scripted({ [A]: [refused] });
    const e = await failure(get(createTransport({ ...fast, retryBudgetMs: 60_000, hosts: [A], fetch })));
    expect(e).toMatchObject({ code: 'FETCH_NETWORK', evidence: { refused: true } });
    expect(calls.length).toBe(3);
  });
  it('reset connections are weather: retried until one gets through', async () => {
    const { fetch } = scripted({ [A]: [reset, reset, reset, reset, () => text('ok')] });
    expect(await get(createTransport({ ...fast, hosts: [A], fetch }))).toBe('ok');
  });
  it('every host failing gives FETCH_ALL_HOSTS_FAILED listing each host\'s reason', async () => {
    const { fetch } = scripted({ [A]: [refused], [B]: [never] });
    const e = await settled(() => failure(get(createTransport({ ...brief, hosts: [A, B], fetch }))));
    expect(e.code).toBe('FETCH_ALL_HOSTS_FAILED');
    expect(e.evidence.failures).toMatchObject([{ host: A, code: 'FETCH_NETWORK', attempts: 3 }, { host: B, code: 'FETCH_TIMEOUT' }]);
  });
});

describe('when a body is cut short', () => {
  it('a body shorter than its Content-Length is FETCH_TRUNCATED, and retried', async () => {
    const short = () => new Response('8400', { status: 200, headers: { 'content-length': '6' } });
    const { fetch, calls } = scripted({ [A]: [short, () => text('840000')] });
    expect(await get(createTransport({ ...fast, hosts: [A], fetch }))).toBe('840000');
    expect(calls.length).toBe(2);
  });
  it('a connection that drops mid-body is FETCH_TRUNCATED, retried until it holds', async () => {
    const dropped = () => new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([0x38])); c.error(new TypeError('terminated')); } }), { status: 200 });
    const { fetch } = scripted({ [A]: [dropped, dropped, dropped, () => text('840000')] });
    expect(await get(createTransport({ ...fast, hosts: [A], fetch }))).toBe('840000');
    expect(await codeOf(get(createTransport({ ...brief, hosts: [A], fetch: scripted({ [A]: [dropped] }).fetch })))).toBe('FETCH_TRUNCATED');
  });
});

describe('when a host sends more than an endpoint can need', () => {
  it('an endless body is cut at the cap (FETCH_TOO_LARGE) and the next host is asked', async () => {
    let pulled = 0;
    const endless = () => new Response(new ReadableStream({ pull(c) { pulled += 65_536; c.enqueue(new Uint8Array(65_536).fill(0x30)); } }), { status: 200 });
    const { fetch, on } = scripted({ [A]: [endless], [B]: [() => text('840000')] });
    expect(await get(createTransport({ ...fast, timeoutMs: 10_000, hosts: [A, B], fetch }))).toBe('840000');
    expect(on(A)).toBe(1);
    expect(pulled).toBeLessThan(4 * 65_536);
  });
  it('a Content-Length over the cap is refused before reading', async () => {
    const { fetch } = scripted({ [A]: [() => new Response('0'.repeat(5000), { status: 200, headers: { 'content-length': '5000' } })] });
    const e = await failure(get(createTransport({ ...fast, hosts: [A], fetch })));
    expect(e).toMatchObject({ code: 'FETCH_TOO_LARGE', evidence: { declared: 5000, maxBytes: 1024 } });
  });
  it('the cap is per endpoint, and may be set', async () => {
    const body = '0'.repeat(5000);
    const { fetch } = scripted({ [A]: [() => text(body)] });
    const t = createTransport({ ...fast, hosts: [A], fetch, bodyCap: () => 10_000 });
    expect(await get(t)).toBe(body);
  });
});

describe('when a host answers 200 with garbage (HTML, broken JSON)', () => {
  const garbage = () => { throw new VerifyError('FETCH_BAD_BODY', 'not JSON'); };
  it('gives up on that host after a second try, and the other host answers', async () => {
    const { fetch, on } = scripted({ [A]: [() => text('<html>hi</html>')], [B]: [() => text('<html>hi</html>'), () => text('ok')] });
    const parse = (b: Uint8Array) => (asText(b).startsWith('<') ? garbage() : asText(b));
    expect(await createTransport({ ...fast, hosts: [A, B], fetch }).request({ path: '/x', parse })).toEqual({ value: 'ok', host: B });
    expect(on(A)).toBe(2);
  });
  it('with one host, FETCH_BAD_BODY', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('<html>hi</html>')] });
    expect(await codeOf(createTransport({ ...fast, retryBudgetMs: 60_000, hosts: [A], fetch }).request({ path: '/x', parse: garbage }))).toBe('FETCH_BAD_BODY');
    expect(calls.length).toBe(2);
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

describe('when an answer is a lie (a check no truthful host can fail)', () => {
  const lie = () => { throw new VerifyError('CHAIN_TXID_MISMATCH', 'lie'); };
  it('from the parser: the host is named, dropped for the run, and the next host answers', async () => {
    const { fetch, on } = scripted({ [A]: [() => text('x')], [B]: [() => text('y')] });
    const t = createTransport({ ...fast, hosts: [A, B], fetch });
    const parse = (b: Uint8Array, host: string) => (host === A ? lie() : asText(b));
    expect(await t.request({ path: '/tx/1/raw', parse })).toEqual({ value: 'y', host: B });
    expect(t.report().liars).toMatchObject([{ host: A, code: 'CHAIN_TXID_MISMATCH', path: '/tx/1/raw' }]);
    expect(t.live()).toEqual([B]);
    await get(t);
    expect(on(A)).toBe(1);
  });
  it('from the caller\'s check: named once another host\'s answer passes it', async () => {
    const { fetch } = scripted({ [A]: [() => text('x')], [B]: [() => text('y')] });
    const t = createTransport({ ...fast, hosts: [A, B], fetch });
    const check = (v: string) => { if (v === 'x') throw new VerifyError('CHAIN_MERKLE_ROOT_MISMATCH', 'branch does not lead to the header'); };
    expect((await t.request({ path: '/p', parse: asText, check })).value).toBe('y');
    expect(t.report().liars).toMatchObject([{ host: A, evidence: { contradictedBy: B } }]);
  });
  it('a check no host\'s answer passes ends the request with its finding, and names nobody (no host contradicts another)', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('x')], [B]: [() => text('x')] });
    const t = createTransport({ ...fast, hosts: [A, B], fetch });
    const check = () => { throw new VerifyError('CHAIN_TAPROOT_KEY_MISMATCH', 'the witness does not bind'); };
    const e = await failure(t.request({ path: '/p', parse: asText, check }));
    expect(e).toMatchObject({ code: 'CHAIN_TAPROOT_KEY_MISMATCH', evidence: { answeredBy: [A, B] } });
    expect(t.report().liars).toEqual([]);
    expect(calls.length).toBe(2);
  });
  it('every host lying is FETCH_NO_HONEST_HOST, and later questions to them fail at once', async () => {
    const { fetch, calls } = scripted({ [A]: [() => text('x')], [B]: [() => text('x')] });
    const t = createTransport({ ...fast, hosts: [A, B], fetch });
    expect(await codeOf(t.request({ path: '/p', parse: lie }))).toBe('FETCH_NO_HONEST_HOST');
    expect(await codeOf(get(t))).toBe('FETCH_NO_HONEST_HOST');
    expect(calls.length).toBe(2);
  });
  it('blame() drops a host a wider check caught', async () => {
    const { fetch, on } = scripted({ [A]: [() => text('a')], [B]: [() => text('b')] });
    const t = createTransport({ ...fast, hosts: [A, B], fetch });
    expect(t.blame(A, { code: 'CHAIN_LISTING_OMITS', message: 'hid a listed transaction', evidence: { txid: 'ab'.repeat(32) } })).toBe(true);
    expect(await get(t)).toBe('b');
    expect(on(A)).toBe(0);
  });
});

describe('when the caller aborts or the deadline passes', () => {
  it('a cancel stops a pending request with FETCH_ABORTED', async () => {
    const ctl = new AbortController();
    const { fetch } = scripted({ [A]: [never] });
    const p = get(createTransport({ ...fast, timeoutMs: 60_000, hosts: [A], fetch, signal: ctl.signal }));
    setTimeout(() => ctl.abort(), 5);
    expect(await codeOf(p)).toBe('FETCH_ABORTED');
  });
  it('a cancel stops a backoff wait', async () => {
    const ctl = new AbortController();
    const { fetch, calls } = scripted({ [A]: [() => text('', 503)] });
    const p = get(createTransport({ ...fast, backoffBaseMs: 20_000, backoffMaxMs: 20_000, retryBudgetMs: 60_000, hosts: [A], fetch, signal: ctl.signal }));
    setTimeout(() => ctl.abort(), 5);
    expect(await codeOf(p)).toBe('FETCH_ABORTED');
    expect(calls.length).toBe(1);
  });
  it('a deadline given per request ends it with FETCH_DEADLINE, whatever the host does', async () => {
    const { fetch } = scripted({ [A]: [() => text('', 429)] });
    const t = createTransport({ ...fast, backoffBaseMs: 5, retryBudgetMs: 60_000, hosts: [A], fetch });
    const deadline = createDeadline(30);
    const e = await failure(t.request({ path: '/blocks/tip/height', parse: asText, signal: deadline.signal }));
    expect(e).toMatchObject({ code: 'FETCH_DEADLINE', evidence: { deadlineMs: 30 } });
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
    const e = await failure(createTransport({ ...fast, hosts: [A, B], fetch }).request({ path: '/tx', body: 'ab', parse: asText }));
    expect(e).toMatchObject({ code: 'FETCH_HTTP_STATUS', evidence: { status: 400 } });
    expect(e.message).toContain('sendrawtransaction');
    expect(calls.length).toBe(1);
  });
});

describe('concurrency', () => {
  it('at most `concurrency` requests are in flight per host', async () => {
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
  it('requests queued behind a busy host start as a connection frees, with no timer in between', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let answered = 0;
      let open!: () => void;
      const gate = new Promise<void>((r) => { open = r; });
      const fetch = (async () => {
        if (answered++ === 0) await gate;
        return text('ok');
      }) as unknown as typeof globalThis.fetch;
      const t = createTransport({ ...fast, hosts: [A], fetch, concurrency: 1 });
      // Only I/O turns pass here; the fake clock never moves, so a request that waits on a timer never starts.
      const turns = async (until: () => boolean) => { for (let i = 0; i < 500 && !until(); i++) await new Promise((r) => setImmediate(r)); };
      const first = get(t);
      await turns(() => answered === 1);
      let done = false;
      const all = Promise.all([first, ...Array.from({ length: 11 }, () => get(t))]).then((v) => { done = true; return v; });
      await turns(() => false);
      open();
      await turns(() => done);
      expect(answered).toBe(12);
      expect(await all).toEqual(Array(12).fill('ok'));
    } finally {
      vi.useRealTimers();
    }
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

describe('configuration', () => {
  it.each([0, -1, Number.NaN, Infinity])('a rate of %s is a RangeError (a caller bug), never a hang', (rps) => {
    expect(() => createTransport({ hosts: [A], fetch: globalThis.fetch, requestsPerSecond: rps })).toThrow(RangeError);
  });
  it('a host outside the configured ones is a RangeError', async () => {
    const t = createTransport({ ...fast, hosts: [A], fetch: scripted({ [A]: [() => text('ok')] }).fetch });
    await expect(t.request({ path: '/x', parse: asText, hosts: [B] })).rejects.toThrow(RangeError);
  });
});
