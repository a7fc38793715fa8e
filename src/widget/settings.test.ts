import { describe, expect, it } from 'vitest';
import { isProblem, reportHref, settingsFromAttributes, type WidgetSettings } from './settings';

const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;
const GENESIS = `${'ab'.repeat(32)}i0`;

function parsed(a: Record<string, string>): WidgetSettings {
  const s = settingsFromAttributes(attrs(a));
  if (isProblem(s)) throw new Error(s.code);
  return s;
}

describe('when the page author sets valid attributes', () => {
  it('reads hosts, network, genesis, month and user', () => {
    expect(parsed({ esplora: 'https://a.example/api, https://b.example/api', network: 'regtest', genesis: GENESIS.toUpperCase(), month: '3', user: ' u-1 ' })).toEqual({
      network: 'regtest', esplora: ['https://a.example/api', 'https://b.example/api'], genesis: GENESIS, user: 'u-1', month: 3, depth: 'quick', rps: 4, packs: null,
    });
  });

  it('defaults to mainnet, the latest month, and full depth without a user', () => {
    expect(parsed({ esplora: 'https://a.example/api' })).toMatchObject({ network: 'mainnet', month: null, depth: 'full', user: '' });
  });
});

describe('when the page names where month packs are published', () => {
  it('resolves a path against the page, and the report link carries it', () => {
    const s = settingsFromAttributes(attrs({ esplora: 'https://a.example/api', genesis: GENESIS, packs: '../packs' }), 'https://site.example/fund/page.html');
    expect(isProblem(s) ? s.code : s.packs).toBe('https://site.example/packs');
    if (!isProblem(s)) expect(new URL(reportHref(s, 'https://verifier.example/')).searchParams.get('packs')).toBe('https://site.example/packs');
  });

  it('takes none from an empty attribute', () => {
    expect(parsed({ esplora: 'https://a.example/api', packs: ' ' }).packs).toBeNull();
  });
});

describe('when an attribute is malformed', () => {
  it.each([
    [{}, 'WIDGET_NO_ESPLORA'],
    [{ esplora: 'javascript:alert(1)' }, 'WIDGET_BAD_ESPLORA'],
    [{ esplora: 'not a url' }, 'WIDGET_BAD_ESPLORA'],
    [{ esplora: 'https://a.example', network: 'bitcoin' }, 'WIDGET_BAD_NETWORK'],
    [{ esplora: 'https://a.example', genesis: 'abc' }, 'WIDGET_BAD_GENESIS'],
    [{ esplora: 'https://a.example', month: '0' }, 'WIDGET_BAD_MONTH'],
    [{ esplora: 'https://a.example', month: '2.5' }, 'WIDGET_BAD_MONTH'],
    [{ esplora: 'https://a.example', depth: 'deep' }, 'WIDGET_BAD_DEPTH'],
    [{ esplora: 'https://a.example', user: 'x'.repeat(201) }, 'WIDGET_BAD_USER'],
    [{ esplora: 'https://a.example', depth: 'quick' }, 'WIDGET_NO_USER'],
    [{ esplora: 'https://a.example', rps: '0' }, 'WIDGET_BAD_RPS'],
    [{ esplora: 'https://a.example', rps: 'fast' }, 'WIDGET_BAD_RPS'],
    [{ esplora: 'https://a.example', packs: 'javascript:alert(1)' }, 'WIDGET_BAD_PACKS'],
    [{ esplora: 'https://a.example', packs: 'ftp://files.example/packs' }, 'WIDGET_BAD_PACKS'],
  ])('%j gives %s', (a, code) => {
    const s = settingsFromAttributes(attrs(a));
    expect(isProblem(s) && s.code).toBe(code);
  });
});

describe('the link to the full report', () => {
  const s = parsed({ esplora: 'https://a.example/api,https://b.example/api', network: 'mainnet', genesis: GENESIS, month: '4', user: 'alice#1' });

  it('puts the settings in the query and the user id only in the fragment (the app\'s allocation route)', () => {
    const url = new URL(reportHref(s, 'https://verifier.example/app/?old=1'));
    expect(url.origin + url.pathname).toBe('https://verifier.example/app/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ network: 'mainnet', esplora: 'https://a.example/api,https://b.example/api', genesis: GENESIS });
    expect(url.search).not.toContain('alice');
    expect(url.hash).toBe('#/allocation/4&user=alice%231');
  });

  it('names the month the verdict is about when no month attribute was set', () => {
    const latest = parsed({ esplora: 'https://a.example/api', genesis: GENESIS });
    expect(new URL(reportHref(latest, 'https://verifier.example/')).hash).toBe('#/months');
    expect(new URL(reportHref(latest, 'https://verifier.example/', null, 6)).hash).toBe('#/month/6');
  });

  it('uses report-href when it is an http(s) link, resolved against the app URL', () => {
    expect(reportHref(s, 'https://verifier.example/', '/reports/4')).toBe('https://verifier.example/reports/4');
  });

  it('ignores a report-href that would run script', () => {
    expect(reportHref(s, 'https://verifier.example/', 'javascript:alert(1)')).toMatch(/^https:\/\/verifier\.example\/\?network=/);
  });
});
