import { describe, expect, it } from 'vitest';
import { attributesFromConfig, readConfig } from './config';

const serving = (status: number, body: string): typeof fetch => (async () => new Response(body, { status })) as typeof fetch;

describe('when the config file is the app’s drey-config.json', () => {
  it('supplies network, hosts (as a list), genesis and rate', async () => {
    const body = JSON.stringify({ network: 'regtest', esplora: ['http://127.0.0.1:3002/api', 'http://b.example/api'], genesis: `${'ab'.repeat(32)}i0`, rps: 50, relays: [] });
    expect(await readConfig('../drey-config.json', 'http://site.example/examples/page.html', serving(200, body))).toEqual({
      ok: true, attributes: { network: 'regtest', esplora: 'http://127.0.0.1:3002/api,http://b.example/api', genesis: `${'ab'.repeat(32)}i0`, rps: '50' },
    });
  });

  it('reads a relative packs address against the config file (the app beside it), not the page', async () => {
    const body = JSON.stringify({ network: 'regtest', esplora: ['http://127.0.0.1:3002/api'], packs: './packs' });
    const r = await readConfig('../drey-config.json', 'http://site.example/examples/page.html', serving(200, body));
    expect(r.ok && r.attributes.packs).toBe('http://site.example/packs');
    expect(attributesFromConfig({ packs: null })).toEqual({ ok: true, attributes: {} });
  });

  it('ignores fields of the wrong type (the attributes then decide)', () => {
    expect(attributesFromConfig({ network: 3, esplora: ['ok', 5], genesis: null })).toEqual({ ok: true, attributes: {} });
  });
});

describe('when the config file cannot be used', () => {
  it.each([
    ['a missing file', serving(404, 'not found'), 'WIDGET_CONFIG_UNREADABLE'],
    ['an unreachable host', (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch, 'WIDGET_CONFIG_UNREADABLE'],
    ['a file that is not JSON', serving(200, '<html>'), 'WIDGET_CONFIG_INVALID'],
    ['a JSON array', serving(200, '[1]'), 'WIDGET_CONFIG_INVALID'],
  ])('is a coded problem for %s', async (_what, fetchFn, code) => {
    const r = await readConfig('drey-config.json', 'http://site.example/', fetchFn);
    expect(r.ok ? undefined : r.problem.code).toBe(code);
  });

  it('refuses a URL that is not http(s)', async () => {
    const r = await readConfig('javascript:alert(1)', 'http://site.example/', serving(200, '{}'));
    expect(r.ok ? undefined : r.problem.code).toBe('WIDGET_CONFIG_UNREADABLE');
  });
});
