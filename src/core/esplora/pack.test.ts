import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../errors.test-util';
import { MAX_PACK_BYTES, MAX_PACK_ENTRIES, encodePack, packedCache, parsePack, recordingCache } from './pack';

const text = readFileSync('vectors/packs/ready-made-month-6.quick.json', 'utf8');
const head = JSON.parse(text) as { genesis: string; entries: Record<string, unknown> };
const FOR = { network: 'regtest' as const, genesis: head.genesis, month: 6 };
const aTx = Object.keys(head.entries).find((k) => k.startsWith('tx:'))!;
const aHeader = Object.keys(head.entries).find((k) => k.startsWith('header:'))!;
const body = (o: Record<string, unknown>): string => JSON.stringify({ format: 'drey-pack/1', network: 'regtest', genesis: FOR.genesis, month: 6, depth: 'quick', entries: {}, ...o });

describe('parsePack', () => {
  it('reads a pack and writes it back byte for byte', () => {
    const p = parsePack(text, FOR);
    expect(p).toMatchObject({ network: 'regtest', genesis: FOR.genesis, month: 6, depth: 'quick', dropped: 0 });
    expect(p.entries.size).toBe(Object.keys(head.entries).length);
    expect(encodePack(p)).toBe(text);
    expect(parsePack(new TextEncoder().encode(text), FOR).entries.size).toBe(p.entries.size);
  });

  it.each([
    ['not UTF-8 text', Uint8Array.of(0x7b, 0xff, 0x7d)],
    ['not JSON', '{"format":'],
    ['not a JSON object', '[]'],
    ['unknown format', body({ format: 'drey-pack/2' })],
    ['for another network', body({ network: 'mainnet' })],
    ['for another genesis', body({ genesis: `${'ab'.repeat(32)}i0` })],
    ['for another month', body({ month: 5 })],
    ['for another month', body({ month: '6' })],
    ['unknown depth', body({ depth: 'deep' })],
    ['entries is not an object', body({ entries: [] })],
    ['too many entries', body({ entries: Object.fromEntries(Array.from({ length: MAX_PACK_ENTRIES + 1 }, (_, i) => [`tx:${i.toString(16).padStart(64, '0')}`, '00'])) })],
  ])('refuses a pack that is %s (FETCH_PACK_REFUSED)', (reason, input) => {
    const r = refusalOf(() => parsePack(input, FOR));
    expect(r.code).toBe('FETCH_PACK_REFUSED');
    expect(r.evidence.reason).toBe(reason);
  });

  it('refuses a pack over the size limit before reading it', () => {
    const r = refusalOf(() => parsePack(new Uint8Array(MAX_PACK_BYTES + 1), FOR));
    expect(r.evidence).toMatchObject({ reason: 'too large', bytes: MAX_PACK_BYTES + 1 });
  });

  it('drops and counts entries of an unknown kind or shape, keeping the rest', () => {
    const id = 'ab'.repeat(32);
    const p = parsePack(body({ entries: {
      [`tx:${id}`]: '0100', [`tx:${'cd'.repeat(32)}`]: 'xyz', [`tx:${'ef'.repeat(32)}`]: '010', [`header:${id}`]: 7,
      [`txids:${id}`]: [id], [`wtxids:${id}`]: [], [`merkle:${id}`]: { pos: 0 }, [`merkle:${'cd'.repeat(32)}`]: [1],
      [`utxo:${id}`]: 'aa', [`tx:${id.toUpperCase()}`]: '00', 'tx:ab': '00',
    } }), FOR);
    expect([...p.entries.keys()].sort()).toEqual([`merkle:${id}`, `tx:${id}`, `txids:${id}`]);
    expect(p.dropped).toBe(8);
  });
});

describe('packedCache', () => {
  const pack = parsePack(text, FOR);

  it('answers from the cache first, then from packs, and writes to the cache only', async () => {
    const primary = new Map<string, unknown>([[aTx, 'from the cache'], ['tx:other', 'only in the cache']]);
    const c = packedCache(primary);
    expect(c.get(aHeader)).toBeUndefined();
    expect(c.get(aTx)).toBe('from the cache');
    c.add(pack);
    // A transaction the pack proves goes before the cache's copy (which may have been altered where it is kept).
    expect(c.get(aTx)).toBe(head.entries[aTx]);
    expect(c.get('tx:other')).toBe('only in the cache');
    expect(c.get(aHeader)).toBe(head.entries[aHeader]);
    primary.set(aHeader, 'the cache\'s header');
    expect(c.get(aHeader)).toBe('the cache\'s header');
    primary.delete(aHeader);
    c.set('tx:new', 'x', 'listing');
    expect(primary.get('tx:new')).toBe('x');
    expect(pack.entries.has('tx:new')).toBe(false);
    expect(await c.has(aHeader)).toBe(false);
    expect(await c.has(aTx)).toBe(true);
    expect(c.use()).toEqual({ packs: 1, entries: pack.entries.size, read: 2 });
  });

  it('works over an asynchronous cache', async () => {
    const primary = new Map<string, unknown>();
    const c = packedCache({ get: async (k) => primary.get(k), set: async (k, v) => { primary.set(k, v); } });
    c.add(pack);
    expect(await c.get(aHeader)).toBe(head.entries[aHeader]);
    await c.set(aHeader, 'mine');
    expect(await c.get(aHeader)).toBe('mine');
    expect(await c.has(aHeader)).toBe(true);
  });

  it('never hands out a transaction or branch its pack does not prove, until a pack proving it is added', () => {
    const proofless = new Map([...pack.entries].filter(([k]) => k.startsWith('tx:') || k.startsWith('merkle:')));
    const c = packedCache(new Map());
    c.add({ entries: proofless });
    expect(c.get(aTx)).toBeUndefined();
    c.add(pack);
    expect(c.get(aTx)).toBe(head.entries[aTx]);
    expect(c.use().packs).toBe(2);
  });
});

describe('recordingCache', () => {
  it('records the keys read with a value, not those a listing wrote or only asked about', () => {
    const c = recordingCache();
    c.set('tx:a', 1);
    c.set('tx:b', 2, 'listing');
    expect(c.has('tx:b')).toBe(true);
    expect(c.get('tx:a')).toBe(1);
    expect(c.get('tx:b')).toBe(2);
    expect(c.get('tx:c')).toBeUndefined();
    expect([...c.hits().keys()]).toEqual(['tx:a']);
    c.set('tx:b', 2);
    c.get('tx:b');
    expect([...c.hits().keys()]).toEqual(['tx:a', 'tx:b']);
    c.reset();
    expect(c.hits().size).toBe(0);
    expect(c.get('tx:a')).toBe(1);
  });
});
