/**
 * Bounds check of an untrusted Snappy block (format_description.txt of google/snappy) before hyparquet decodes it.
 * hyparquet's decoder reads a 4-byte literal length as a signed number; a negative length walks its cursor
 * backwards and loops for billions of steps. This pass, O(elements) with unsigned arithmetic, rejects such input.
 */
import { snappyUncompress } from 'hyparquet';

/** Throws a plain Error (wrapped as TABLE_NOT_PARQUET by the reader) unless `input` decodes to exactly `length` bytes. */
export function checkSnappyBlock(input: Uint8Array, length: number): void {
  const n = input.length;
  let pos = 0;
  let declared = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= n || shift > 28) throw new Error('snappy: bad length preamble');
    const b = input[pos++]!;
    declared += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (declared !== length) throw new Error(`snappy: block declares ${declared} bytes, page ${length}`);
  let out = 0;
  while (pos < n) {
    const tag = input[pos++]!;
    let len: number;
    if ((tag & 3) === 0) {
      len = (tag >>> 2) + 1;
      if (len > 60) {
        const size = len - 60;
        if (pos + size > n) throw new Error('snappy: literal length past end');
        len = 1;
        for (let i = 0; i < size; i++) len += input[pos + i]! * 2 ** (8 * i);
        pos += size;
      }
      if (pos + len > n) throw new Error('snappy: literal past end');
      pos += len;
    } else {
      const size = (tag & 3) === 1 ? 1 : (tag & 3) === 2 ? 2 : 4;
      if (pos + size > n) throw new Error('snappy: copy past end');
      let offset = 0;
      for (let i = 0; i < size; i++) offset += input[pos + i]! * 2 ** (8 * i);
      if ((tag & 3) === 1) {
        len = ((tag >>> 2) & 7) + 4;
        offset += (tag >>> 5) * 256;
      } else len = (tag >>> 2) + 1;
      pos += size;
      if (offset === 0 || offset > out) throw new Error('snappy: copy offset outside output');
    }
    out += len;
    if (out > length) throw new Error('snappy: output longer than declared');
  }
  if (out !== length) throw new Error('snappy: output shorter than declared');
}

/** hyparquet decompressor hook: check, then decode with hyparquet's own decoder. */
export function checkedSnappy(input: Uint8Array, length: number): Uint8Array {
  checkSnappyBlock(input, length);
  const output = new Uint8Array(length);
  snappyUncompress(input, output);
  return output;
}
