import { describe, expect, it } from 'vitest';
import { verdictFor } from './verdict';
import { stateFromVerdict } from './state';
import type { WidgetSettings } from './settings';

const settings = (esplora: string[]): WidgetSettings => ({ network: 'regtest', esplora, genesis: '', user: '', month: null, depth: 'full', rps: 4, packs: null });

/** A host that answers each path with a fixed text body. */
function lyingHost(answers: Record<string, string>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const path = new URL(String(input)).pathname.replace(/^\/api/, '');
    const body = answers[path];
    return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
  }) as typeof fetch;
}

describe('when no Esplora host can be reached', () => {
  it('is unavailable with a FETCH_ code, not rejected', async () => {
    const v = await verdictFor(settings(['http://127.0.0.1:9/api']), { fetch: globalThis.fetch });
    expect(v.status).toBe('unavailable');
    expect(v.code).toMatch(/^FETCH_/);
    expect(stateFromVerdict(v)).toMatchObject({ status: 'unavailable', title: 'Could not verify', code: v.code });
  });
});

describe('when the only host serves a header that does not hash to the block hash it named', () => {
  it('could not verify: a lying host is no finding about the chain, and the badge says in words what happened', async () => {
    const hash = '11'.repeat(32);
    const fetch = lyingHost({ '/blocks/tip/height': '5', '/block-height/5': hash, [`/block/${hash}/header`]: '00'.repeat(80) });
    const v = await verdictFor(settings(['http://host.invalid/api']), { fetch });
    expect(v).toMatchObject({ status: 'unavailable', code: 'FETCH_NO_HONEST_HOST' });
    expect(stateFromVerdict(v)).toMatchObject({ status: 'unavailable', title: 'Could not verify', code: v.code, reason: expect.stringMatching(/caught serving data that does not check out/) });
  });
});
