import { describe, expect, it } from 'vitest';
import { peekText, readCapped } from './body';

const stream = (chunks: Uint8Array[], end: 'close' | 'error' | 'never' = 'close') => new ReadableStream<Uint8Array>({
  start(c) {
    for (const x of chunks) c.enqueue(x);
    if (end === 'close') c.close();
    if (end === 'error') c.error(new TypeError('terminated'));
  },
});
const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code?: string }) => e.code);

describe('reading a body with a cap', () => {
  it('returns the whole body within the cap, joined from its chunks', async () => {
    const res = new Response(stream([Uint8Array.of(1, 2), Uint8Array.of(3)]));
    expect([...await readCapped(res, 3)]).toEqual([1, 2, 3]);
  });
  it('stops reading an endless body once past the cap', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({ pull(c) { pulled++; c.enqueue(new Uint8Array(1000)); } });
    expect(await codeOf(readCapped(new Response(endless), 10_000))).toBe('FETCH_TOO_LARGE');
    expect(pulled).toBeLessThan(14);
  });
  it('refuses a declared length over the cap without reading', async () => {
    const res = new Response('x'.repeat(20), { headers: { 'content-length': '20' } });
    await expect(readCapped(res, 10, { path: '/p' })).rejects.toMatchObject({ code: 'FETCH_TOO_LARGE', evidence: { path: '/p', declared: 20, maxBytes: 10 } });
  });
  it('a body ending short of its Content-Length is FETCH_TRUNCATED', async () => {
    const res = new Response(stream([Uint8Array.of(1, 2)]), { headers: { 'content-length': '5' } });
    await expect(readCapped(res, 10)).rejects.toMatchObject({ code: 'FETCH_TRUNCATED', evidence: { received: 2, declared: 5 } });
  });
  it('a read error propagates for the caller to classify', async () => {
    await expect(readCapped(new Response(stream([Uint8Array.of(1)], 'error')), 10)).rejects.toThrow(TypeError);
  });
  it('an aborted signal stops the read with its reason', async () => {
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    await expect(readCapped(new Response(stream([Uint8Array.of(1)], 'never')), 10, {}, ctl.signal)).rejects.toThrow('stop');
  });
});

describe('peeking at an error body', () => {
  it('keeps at most the given bytes and never throws', async () => {
    expect(await peekText(new Response('x'.repeat(1000)), 5)).toBe('xxxxx');
    let n = 0;
    const cut = new ReadableStream<Uint8Array>({ pull(c) { if (n++ === 0) c.enqueue(new TextEncoder().encode('cut')); else c.error(new TypeError('terminated')); } });
    expect(await peekText(new Response(cut), 50)).toBe('cut');
  });
});
