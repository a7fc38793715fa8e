import { describe, expect, it } from 'vitest';
import { countingFetch } from './counting-fetch';

describe('a fetch that counts its requests', () => {
  it('passes each request on and records its address, whether a string, a URL or a Request', async () => {
    const seen: unknown[] = [];
    const inner = (async (input: RequestInfo | URL, init?: RequestInit) => { seen.push([input, init]); return new Response('ok'); }) as typeof fetch;
    const c = countingFetch(inner);
    expect(c.count()).toBe(0);
    const init = { method: 'GET' };
    expect(await (await c.fetch('http://h/a', init)).text()).toBe('ok');
    await c.fetch(new URL('http://h/b'));
    await c.fetch(new Request('http://h/c'));
    expect(c.count()).toBe(3);
    expect(c.paths).toEqual(['http://h/a', 'http://h/b', 'http://h/c']);
    expect(seen[0]).toEqual(['http://h/a', init]);
  });
});
