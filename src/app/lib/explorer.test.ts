import { describe, expect, it } from 'vitest';
import { explorerLink } from './explorer';

const TXID = 'ab'.repeat(32);

describe('evidence links into the block explorer', () => {
  it('link txids, inscription ids, block hashes and heights', () => {
    expect(explorerLink('https://mempool.space/', 'txid', TXID)?.href).toBe(`https://mempool.space/tx/${TXID}`);
    expect(explorerLink('https://x.example', 'inscription', `${TXID}i3`)?.href).toBe(`https://x.example/tx/${TXID}`);
    expect(explorerLink('https://x.example', 'blockHash', TXID)?.kind).toBe('block');
    expect(explorerLink('https://x.example', 'height', 120)?.href).toBe('https://x.example/block-height/120');
  });

  it('leave roots, sha256 values and other numbers unlinked', () => {
    expect(explorerLink('https://x.example', 'root', TXID)).toBeUndefined();
    expect(explorerLink('https://x.example', 'sha256', TXID)).toBeUndefined();
    expect(explorerLink('https://x.example', 'rows', 120)).toBeUndefined();
  });
});

describe('when no explorer is configured', () => {
  it('links nothing', () => {
    expect(explorerLink(undefined, 'txid', TXID)).toBeUndefined();
  });
});
