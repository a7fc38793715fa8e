import { describe, expect, it } from 'vitest';
import { invalidUrls, mergeSettings, packsUrl, searchFromSettings, settingsFromConfig, settingsFromSearch } from './settings';

describe('settings in the page URL', () => {
  it('round-trip through the query string so a verification can be shared', () => {
    const s = mergeSettings({ network: 'mainnet', esplora: ['https://a.example/api', 'https://b.example/api'], genesis: 'abc', relays: ['wss://r.example'], explorer: 'https://mempool.space', packs: 'https://packs.example/drey' });
    expect(mergeSettings(settingsFromSearch(searchFromSettings(s)))).toEqual(s);
  });

  it('override the embedded defaults field by field', () => {
    const s = mergeSettings(settingsFromConfig({ network: 'regtest', esplora: ['http://127.0.0.1:3002/api'], genesis: 'g' }), settingsFromSearch('?genesis=other'));
    expect(s).toMatchObject({ network: 'regtest', esplora: ['http://127.0.0.1:3002/api'], genesis: 'other' });
  });
});

describe('when the config file is malformed', () => {
  it('ignores fields of the wrong type instead of failing', () => {
    expect(settingsFromConfig({ network: 3, esplora: ['ok', 5], relays: 'x' })).toEqual({ esplora: ['ok'] });
    expect(settingsFromConfig('nonsense')).toEqual({});
  });
});

describe('when a host is not an http(s) URL', () => {
  it('is reported', () => {
    expect(invalidUrls(['https://ok.example/api', 'javascript:alert(1)', 'not a url'])).toEqual(['javascript:alert(1)', 'not a url']);
  });
});

describe('when the explorer link target is not http(s)', () => {
  it('is dropped, so evidence links can never run script', () => {
    expect(mergeSettings(settingsFromSearch('?explorer=javascript:alert(1)')).explorer).toBe('');
  });
});

describe('when the deployment publishes month packs', () => {
  it('takes their address from the config file (null for none) and the page URL', () => {
    expect(mergeSettings(settingsFromConfig({ packs: './packs' })).packs).toBe('./packs');
    expect(mergeSettings(settingsFromConfig({ packs: './packs' }), settingsFromConfig({ packs: null })).packs).toBe('');
    expect(mergeSettings(settingsFromConfig({ packs: './packs' }), settingsFromSearch('?packs=https://p.example/x')).packs).toBe('https://p.example/x');
  });

  it('resolves a relative address against the page, for the Worker (whose own address differs)', () => {
    expect(packsUrl('./packs', 'https://verifier.example/app/?network=signet#/months')).toBe('https://verifier.example/app/packs');
    expect(packsUrl('', 'https://verifier.example/')).toBeUndefined();
  });

  it('drops an address that is not http(s), so nothing else is ever fetched', () => {
    expect(mergeSettings(settingsFromSearch('?packs=javascript:alert(1)')).packs).toBe('');
    expect(packsUrl('data:application/json,{}', 'https://verifier.example/')).toBeUndefined();
  });
});
