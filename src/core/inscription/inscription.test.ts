import { describe, expect, it } from 'vitest';
import { inscriptionIdFromValue } from './inscription-id';
import { pointerFromValue } from './inscription';

describe('pointer field (ord Inscription::pointer)', () => {
  it('reads u64 little-endian with trailing zeros optional', () => {
    expect(pointerFromValue(Uint8Array.of())).toBe(0n);
    expect(pointerFromValue(Uint8Array.of(1, 2))).toBe(513n);
    expect(pointerFromValue(new Uint8Array(8).fill(255))).toBe(2n ** 64n - 1n);
  });
  it('when bytes beyond the 8th are zero: still a pointer', () => expect(pointerFromValue(Uint8Array.of(7, 0, 0, 0, 0, 0, 0, 0, 0, 0))).toBe(7n));
  it('when a byte beyond the 8th is not zero: no pointer', () => expect(pointerFromValue(Uint8Array.of(7, 0, 0, 0, 0, 0, 0, 0, 0, 1))).toBeNull());
});

describe('inscription id field (ord InscriptionId::from_value)', () => {
  const txid = new Uint8Array(32).map((_, i) => i);
  const display = Buffer.from(txid).reverse().toString('hex');
  const withIndex = (...index: number[]): Uint8Array => Uint8Array.from([...txid, ...index]);
  it('reads 32 bytes as index 0', () => expect(inscriptionIdFromValue(txid)).toBe(`${display}i0`));
  it('reads a stripped index', () => expect(inscriptionIdFromValue(withIndex(0, 1))).toBe(`${display}i256`));
  it('reads a fixed 4-byte index with trailing zeros', () => expect(inscriptionIdFromValue(withIndex(5, 0, 0, 0))).toBe(`${display}i5`));
  it('reads the largest index', () => expect(inscriptionIdFromValue(withIndex(255, 255, 255, 255))).toBe(`${display}i4294967295`));
  it('when a short index ends in zero: not an id', () => expect(inscriptionIdFromValue(withIndex(5, 0))).toBeUndefined());
  it('when shorter than a txid or longer than 36 bytes: not an id', () => {
    expect(inscriptionIdFromValue(txid.subarray(1))).toBeUndefined();
    expect(inscriptionIdFromValue(withIndex(1, 1, 1, 1, 1))).toBeUndefined();
  });
});
