import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheNamespace, defaultCacheDir, fileNameForKey, openDiskCache, type DiskCache } from './disk-cache';

const TXID = 'a1'.repeat(32);
const HASH = '00'.repeat(4) + 'b2'.repeat(28);
const RAW = Uint8Array.from({ length: 223 }, (_, i) => (i * 37) & 0xff);
const PROOF = { block_height: 277, merkle: ['c3'.repeat(32), 'd4'.repeat(32)], pos: 3 };
const TXIDS = [TXID, 'e5'.repeat(32)];

let dir = '';
const warnings: string[] = [];
const open = (d = dir): DiskCache => openDiskCache({ dir: d, warn: (m) => warnings.push(m) });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'drey-disk-cache-'));
  warnings.length = 0;
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe('when a second process reads what the first one wrote', () => {
  it.each([
    ['tx:' + TXID, RAW],
    ['header:' + HASH, RAW.subarray(0, 80)],
    ['txids:' + HASH, TXIDS],
    ['merkle:' + TXID, PROOF],
    ['some other key / with ../ odd characters', { nested: [1, 'two', null] }],
  ])('%s comes back equal, with its type', (key, value) => {
    open().set(key, value);
    const again = open();
    const read = again.get(key);
    expect(read).toEqual(value);
    if (value instanceof Uint8Array) expect(read).toBeInstanceOf(Uint8Array);
    expect(again.stats().diskHits).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('a key never written is a miss', () => {
    expect(open().get('tx:' + TXID)).toBeUndefined();
  });

  it('stores binary values as their own bytes after a one-line header', () => {
    open().set('tx:' + TXID, RAW);
    const file = readFileSync(join(dir, fileNameForKey('tx:' + TXID)));
    expect(file.subarray(file.length - RAW.length)).toEqual(Buffer.from(RAW));
    expect(file.subarray(0, file.length - RAW.length).toString('latin1')).toMatch(/^drey-cache-1 b [0-9a-f]{64}\n$/);
  });

  it('leaves no temporary file behind', () => {
    const c = open();
    c.set('tx:' + TXID, RAW);
    c.set('merkle:' + TXID, PROOF);
    expect(readdirSync(dir).sort()).toEqual([fileNameForKey('merkle:' + TXID), fileNameForKey('tx:' + TXID)].sort());
  });
});

describe('when a cache file is damaged', () => {
  const key = 'merkle:' + TXID;
  const path = (): string => join(dir, fileNameForKey(key));

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 5)],
    ['one payload byte flipped', (b: Buffer) => { const c = Buffer.from(b); c[c.length - 3]! ^= 1; return c; }],
    ['empty', () => Buffer.alloc(0)],
    ['not a cache file', () => Buffer.from('{"block_height":1,"merkle":[],"pos":0}')],
    ['the header of another version', (b: Buffer) => Buffer.concat([Buffer.from('drey-cache-9'), b.subarray(12)])],
  ])('%s: it is a miss, and is removed', (_what, damage) => {
    open().set(key, PROOF);
    writeFileSync(path(), damage(readFileSync(path())));
    expect(open().get(key)).toBeUndefined();
    expect(existsSync(path())).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('an intact entry of another key, copied under this key\'s name, is a miss', () => {
    const other = 'merkle:' + 'f6'.repeat(32);
    open().set(other, { ...PROOF, pos: 9 });
    writeFileSync(path(), readFileSync(join(dir, fileNameForKey(other))));
    expect(open().get(key)).toBeUndefined();
  });

  it('a directory where the file should be is a miss, not a crash', () => {
    mkdirSync(path());
    const c = open();
    expect(c.get(key)).toBeUndefined();
    expect(() => c.set(key, PROOF)).not.toThrow();
    expect(c.get(key)).toEqual(PROOF);
  });

  it('the next write replaces it', () => {
    open().set(key, PROOF);
    writeFileSync(path(), 'garbage');
    const c = open();
    expect(c.get(key)).toBeUndefined();
    c.set(key, PROOF);
    expect(open().get(key)).toEqual(PROOF);
  });
});

describe('when the cache directory cannot be written', () => {
  it('warns once, keeps values in memory, and never throws', () => {
    writeFileSync(join(dir, 'file'), 'not a directory');
    const c = open(join(dir, 'file', 'sub'));
    expect(() => {
      c.set('tx:' + TXID, RAW);
      c.set('merkle:' + TXID, PROOF);
    }).not.toThrow();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(dir, 'file', 'sub'));
    expect(c.get('tx:' + TXID)).toEqual(RAW);
    expect(c.stats().writes).toBe(0);
  });

  it.skipIf(process.getuid?.() === 0)('still reads what was written before it became read-only', () => {
    open().set('tx:' + TXID, RAW);
    chmodSync(dir, 0o500);
    const c = open();
    expect(c.get('tx:' + TXID)).toEqual(RAW);
    c.set('merkle:' + TXID, PROOF);
    expect(warnings).toHaveLength(1);
  });
});

describe('when a key holds path characters', () => {
  it.each([
    '../../../etc/passwd', 'tx:../../x', '/absolute/path', 'tx:' + TXID + '/../..', 'header:' + 'A1'.repeat(32), '', '.', '..', 'a\0b', 'x'.repeat(10_000),
  ])('%j maps to a plain file name inside the directory', (key) => {
    const name = fileNameForKey(key);
    expect(name).toMatch(/^([a-z]{1,16}-)?[0-9a-f]{64}$/);
    const c = open();
    c.set(key, [key]);
    expect(readdirSync(dir)).toEqual([name]);
    expect(open().get(key)).toEqual([key]);
  });

  it('different keys never share a file', () => {
    const keys = ['tx:' + TXID, 'header:' + TXID, 'txids:' + TXID, 'merkle:' + TXID, 'tx-' + TXID, fileNameForKey('tx-' + TXID) ];
    expect(new Set(keys.map(fileNameForKey)).size).toBe(keys.length);
  });
});

describe('when choosing the directory', () => {
  it('uses $XDG_CACHE_HOME when it is absolute, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/u' }, '/home/u')).toBe('/var/cache/u/drey-verify');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u')).toBe('/home/u/.cache/drey-verify');
    expect(defaultCacheDir({}, '/home/u')).toBe('/home/u/.cache/drey-verify');
  });

  it('separates networks, and regtest chains by their hosts', () => {
    const a = cacheNamespace('regtest', ['http://127.0.0.1:3002/api']);
    expect(cacheNamespace('mainnet', ['https://mempool.space/api'])).toBe('mainnet');
    expect(cacheNamespace('signet', [])).toBe('signet');
    expect(a).toMatch(/^regtest-[0-9a-f]{16}$/);
    expect(cacheNamespace('regtest', ['http://127.0.0.1:3002/api/'])).toBe(a);
    expect(cacheNamespace('regtest', ['http://127.0.0.1:3003/api'])).not.toBe(a);
    expect(cacheNamespace('regtest', ['http://b/api', 'http://a/api'])).toBe(cacheNamespace('regtest', ['http://a/api', 'http://b/api']));
  });
});
