import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../bytes';
import { decodeScript, pushData, OP } from './script';

const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('tapscript tokenizer (rust-bitcoin instruction rules)', () => {
  it('reads OP_0, direct pushes, PUSHDATA1/2/4, pushnums and other ops', () => {
    const ins = decodeScript(hexToBytes('00' + '02abcd' + '4c01ee' + '4d0200ff00' + '4e01000000aa' + '4f' + '51' + '60' + 'bb' + 'ac'))!;
    expect(ins.count).toBe(10);
    expect(Array.from(ins.ops)).toEqual([0x00, 0x02, 0x4c, 0x4d, 0x4e, 0x4f, 0x51, 0x60, 0xbb, OP.CHECKSIG]);
    expect([0, 1, 2, 3, 4].map((k) => hexOf(pushData(ins, k)))).toEqual(['', 'abcd', 'ee', 'ff00', 'aa']);
    expect(ins.starts[8]).toBe(ins.ends[8]);
  });

  it('accepts non-minimal pushes (a zero-length PUSHDATA1 is an empty push)', () => {
    const ins = decodeScript(hexToBytes('4c00'))!;
    expect(ins.count).toBe(1);
    expect(pushData(ins, 0)).toHaveLength(0);
  });

  it('decodes the empty script to no instructions', () => expect(decodeScript(new Uint8Array(0))!.count).toBe(0));

  describe('when a push runs past the end of the script', () => {
    for (const [what, hex] of [
      ['direct push', 'ac02ab'], ['PUSHDATA1 without length', '4c'], ['PUSHDATA1 data', '4c02ab'],
      ['PUSHDATA2 length', '4d01'], ['PUSHDATA2 data', '4d0300abcd'], ['PUSHDATA4 length', '4e010000'],
      ['PUSHDATA4 huge length', '4effffffff00'],
    ] as const) {
      it(`${what}: the script is undecodable`, () => expect(decodeScript(hexToBytes(hex))).toBeUndefined());
    }
  });

  it('when given any bytes, never throws', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255;
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from({ length: rand() }, rand);
      expect(() => decodeScript(bytes)).not.toThrow();
    }
  });
});
