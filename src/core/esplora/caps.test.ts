import { describe, expect, it } from 'vitest';
import { bodyCapFor, DEFAULT_BODY_CAP } from './caps';

const h = 'ab'.repeat(32);

describe('the byte cap of each endpoint the client asks', () => {
  it.each([
    ['/blocks/tip/height', 1024],
    ['/blocks/tip/hash', 1024],
    ['/block-height/840000', 1024],
    [`/block/${h}/header`, 1024],
    [`/block/${h}`, 64 * 1024],
    [`/block/${h}/txids`, 5 * 1024 * 1024],
    [`/tx/${h}/raw`, 4_000_000],
    [`/tx/${h}/status`, 4096],
    [`/tx/${h}/merkle-proof`, 8192],
    [`/tx/${h}/outspend/3`, 4096],
    ['/address/bcrt1pexampleexampleexample/txs/chain', 32 * 1024 * 1024],
    [`/address/bcrt1pexampleexampleexample/txs/chain/${h}`, 32 * 1024 * 1024],
    ['/address/bcrt1pexampleexampleexample/utxo', 8 * 1024 * 1024],
    ['/fee-estimates', 16 * 1024],
    ['/tx', 1024],
  ])('%s: %d bytes', (path, cap) => {
    expect(bodyCapFor(path)).toBe(cap);
  });
  it('an honest answer of the largest size each endpoint can give fits its cap', () => {
    // 24-level branch; a block of 4 MB of 60-byte transactions; a 4 MB transaction.
    expect(JSON.stringify({ block_height: 4_000_000_000, merkle: Array(24).fill(h), pos: 2 ** 24 - 1 }).length).toBeLessThan(bodyCapFor(`/tx/${h}/merkle-proof`));
    expect(JSON.stringify(Array(Math.ceil(4_000_000 / 60)).fill(h)).length).toBeLessThan(bodyCapFor(`/block/${h}/txids`));
    expect(4_000_000).toBeLessThanOrEqual(bodyCapFor(`/tx/${h}/raw`));
  });
  it('a path no rule names gets the default', () => {
    expect(bodyCapFor('/mempool/recent')).toBe(DEFAULT_BODY_CAP);
  });
});
