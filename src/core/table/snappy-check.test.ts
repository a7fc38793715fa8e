import { describe, expect, it } from 'vitest';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { checkedSnappy, checkSnappyBlock } from './snappy-check';
import { seededRandom } from './sample-rows';

describe('when a Snappy block is well formed', () => {
  it('passes the check and decodes to the original bytes', () => {
    const next = seededRandom(3);
    for (const size of [1, 60, 61, 300, 70_000]) {
      const data = Uint8Array.from({ length: size }, (_, i) => (i % 7 === 0 ? next() & 0xff : i & 3));
      expect(checkedSnappy(snappyCompress(data), size)).toEqual(data);
    }
  });
});

describe('when a literal declares a 4-byte length with the top bit set', () => {
  it('is rejected at once (a signed read of it would loop for billions of steps)', () => {
    const block = Uint8Array.of(10, 252, 0xff, 0xff, 0xff, 0xff, 1, 2, 3);
    expect(() => checkSnappyBlock(block, 10)).toThrow(/literal past end/);
  });
});

describe('when a block lies about its size or its back references', () => {
  it.each([
    ['a preamble other than the page size', Uint8Array.of(3, 8, 1, 2, 3), 4, /declares/],
    ['a copy before the start of the output', Uint8Array.of(8, 0x01, 0x05), 8, /offset/],
    ['a zero copy offset', Uint8Array.of(5, 0, 9, 0x01, 0x00), 5, /offset/],
    ['output shorter than declared', Uint8Array.of(4, 4, 1, 2), 4, /shorter/],
    ['output longer than declared', Uint8Array.of(1, 4, 1, 2), 1, /longer/],
  ] as const)('rejects %s', (_, block, length, message) => {
    expect(() => checkSnappyBlock(block, length)).toThrow(message);
  });
});
