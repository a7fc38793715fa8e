import { describe, expect, it } from 'vitest';
import { tapscriptFromWitness } from './tapscript';

const item = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('tapscript from a witness (rust-bitcoin Witness::tapscript, BIP341 annex)', () => {
  const sig = item(1);
  const script = item(2);
  const control = item(0xc0);
  it('when empty or a single item (key path): none', () => {
    expect(tapscriptFromWitness([])).toBeUndefined();
    expect(tapscriptFromWitness([sig])).toBeUndefined();
  });
  it('when [sig, script, control]: the second from the end', () => expect(tapscriptFromWitness([sig, script, control])).toBe(script));
  it('when [script, control]: the first', () => expect(tapscriptFromWitness([script, control])).toBe(script));
  it('when an annex ends the stack: the third from the end', () => expect(tapscriptFromWitness([sig, script, control, item(0x50, 9)])).toBe(script));
  it('when [script, annex]: none (a key-path spend with annex)', () => expect(tapscriptFromWitness([script, item(0x50)])).toBeUndefined());
  it('when the last item is empty: not an annex', () => expect(tapscriptFromWitness([sig, script, item()])).toBe(script));
});
