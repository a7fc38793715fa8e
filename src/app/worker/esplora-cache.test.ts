import { describe, expect, it } from 'vitest';
import { offlineFetch } from './esplora-cache';

const URL_ = 'http://host.invalid/api/blocks/tip/height';

describe('when a live answer streams an endless body', () => {
  it('is passed through as it arrives, pulled only as far as the client reads, and stops when the client cancels', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => { pulled++; c.enqueue(new Uint8Array(64 * 1024)); } });
    const f = offlineFetch((async () => new Response(endless, { status: 200 })) as typeof fetch, { replayed: 0 });
    const reader = (await f(URL_)).body!.getReader();
    for (let i = 0; i < 3; i++) expect((await reader.read()).value?.byteLength).toBe(64 * 1024);
    await reader.cancel();
    expect(pulled).toBeLessThan(8);
  });
});

describe('when a live answer is whole', () => {
  it('reaches the client unchanged, with its headers', async () => {
    const f = offlineFetch((async () => new Response('812', { status: 200, headers: { 'content-type': 'text/plain', 'content-length': '3' } })) as typeof fetch, { replayed: 0 });
    const res = await f(URL_);
    expect(res.headers.get('content-length')).toBe('3');
    expect(await res.text()).toBe('812');
  });
});
