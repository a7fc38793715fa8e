import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../bytes';
import { isVerifyError } from '../errors';
import { inscriptionsFromTx, inscriptionsFromTxHex } from './inscriptions-from-tx';
import { realVectors } from './test-vectors';
import { seededRandom as rng } from '../table/sample-rows';

/** Runs the parser and returns what it threw, if anything. */
function thrown(f: () => unknown): unknown {
  try {
    f();
    return undefined;
  } catch (e) {
    return e;
  }
}

function expectOnlyCodedErrors(f: () => unknown): void {
  const e = thrown(f);
  if (e !== undefined) {
    expect(isVerifyError(e), String(e)).toBe(true);
    expect((e as { code: string }).code).toMatch(/^INSCRIPTION_/);
  }
}

describe('when the input is arbitrary', () => {
  it('random byte strings give inscriptions or a coded INSCRIPTION_ error, nothing else', () => {
    const next = rng(1);
    for (let n = 0; n < 3000; n++) {
      const len = next() % 300;
      const bytes = Uint8Array.from({ length: len }, () => next() & 255);
      if (n % 3 === 0 && len > 6) bytes.set([2, 0, 0, 0, 0, 1], 0); // segwit-looking prefix
      expectOnlyCodedErrors(() => inscriptionsFromTx(bytes));
    }
  });

  it('random strings as hex give a coded error when they are not hex', () => {
    const next = rng(2);
    for (let n = 0; n < 500; n++) {
      const s = Array.from({ length: next() % 40 }, () => String.fromCharCode(32 + (next() % 90))).join('');
      expectOnlyCodedErrors(() => inscriptionsFromTxHex(s));
    }
  });
});

describe('when one byte of a real reveal is changed', () => {
  for (const [name, v] of realVectors) {
    it(`${name}: every mutation parses or fails with a coded error`, () => {
      const original = hexToBytes(v.hex);
      const next = rng(original.length);
      const trials = original.length > 20_000 ? 100 : 400; // large reveals parse ~1 ms each
      let parsed = 0;
      for (let n = 0; n < trials; n++) {
        const bytes = original.slice();
        const at = next() % bytes.length;
        bytes[at] = (bytes[at]! + 1 + (next() % 255)) & 255;
        const e = thrown(() => inscriptionsFromTx(bytes));
        if (e === undefined) parsed++;
        else {
          expect(isVerifyError(e), String(e)).toBe(true);
          expect((e as { code: string }).code).toMatch(/^INSCRIPTION_TX_/);
        }
      }
      expect(parsed).toBeGreaterThan(0);
    });
  }

  it('a truncation at every length of a small reveal is a coded INSCRIPTION_TX_ error', () => {
    const [, v] = realVectors.find(([n]) => n.includes('2e951004175c'))!;
    const bytes = hexToBytes(v.hex);
    for (let len = 0; len < bytes.length; len++) {
      const e = thrown(() => inscriptionsFromTx(bytes.subarray(0, len)));
      expect(isVerifyError(e), `length ${len}`).toBe(true);
      expect((e as { code: string }).code).toMatch(/^INSCRIPTION_TX_/);
    }
  });
});
