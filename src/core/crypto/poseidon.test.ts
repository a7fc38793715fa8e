import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import binaryen from 'binaryen';
import { poseidon1, poseidon2, poseidon3, poseidon4, poseidon5, poseidon6 } from 'poseidon-lite';
import { poseidon, poseidonLevel, poseidonMany, poseidonEngine, poseidonWithInitMany } from './poseidon';
import { usePoseidonBigIntEngine, preparePoseidon } from './poseidon-fast';
import { FIELD, poseidonWat } from './poseidon-wat';
import { POSEIDON_WASM_BASE64, POSEIDON_WASM_SHA256 } from './poseidon-wasm-bytes';

const vectors = JSON.parse(readFileSync(new URL('../../../vectors/poseidon/circomlibjs.json', import.meta.url), 'utf8')) as { cases: { inputs: string[]; init?: string; hash: string }[] };
const LITE = [poseidon1, poseidon2, poseidon3, poseidon4, poseidon5, poseidon6];

/** Deterministic field elements (xorshift over 256 bits), with edges mixed in. */
function randomInputs(seed: bigint, n: number): bigint[] {
  let s = seed | 1n;
  return Array.from({ length: n }, (_, i) => {
    s ^= (s << 13n) & ((1n << 256n) - 1n); s ^= s >> 7n; s ^= (s << 17n) & ((1n << 256n) - 1n);
    return i % 7 === 3 ? FIELD - 1n : s % FIELD;
  });
}

describe('circomlibjs test vectors (vectors/poseidon/circomlibjs.json)', () => {
  const hashOf = (c: (typeof vectors.cases)[number]): string =>
    (c.init === undefined ? poseidon(c.inputs.map(BigInt)) : poseidonWithInitMany([[BigInt(c.init), ...c.inputs.map(BigInt)]])[0]!).toString();

  it.each(vectors.cases.map((c) => [c.inputs.length, c.init === undefined ? '' : ' with a capacity element', c] as const))('arity %i%s: equals circomlibjs', (_n, _init, c) => {
    expect(hashOf(c)).toBe(c.hash);
  });

  it('runs on the wasm engine in Node', () => {
    expect(poseidonEngine()).toBe('wasm');
  });
});

describe('against poseidon-lite on random inputs', () => {
  it.each([1, 2, 3, 4, 5, 6])('arity %i agrees on 40 random input sets', (arity) => {
    for (let k = 0; k < 40; k++) {
      const inputs = randomInputs(BigInt(arity * 1000 + k), arity);
      expect(poseidon(inputs)).toBe(LITE[arity - 1]!(inputs));
    }
  });
});

describe('when hashing many rows or a tree level at once', () => {
  it('poseidonMany equals one call per row', () => {
    const rows = Array.from({ length: 50 }, (_, k) => randomInputs(BigInt(k + 7), 3));
    expect(poseidonMany(rows)).toEqual(rows.map((r) => poseidon(r)));
  });

  it('poseidonLevel hashes pairs', () => {
    const nodes = randomInputs(99n, 64);
    expect(poseidonLevel(nodes)).toEqual(Array.from({ length: 32 }, (_, i) => poseidon2([nodes[2 * i]!, nodes[2 * i + 1]!])));
  });

  it('refuses mixed arities and odd levels as caller bugs', () => {
    expect(() => poseidonMany([[1n], [1n, 2n]])).toThrow(RangeError);
    expect(() => poseidonLevel([1n, 2n, 3n])).toThrow(RangeError);
    expect(() => poseidon([])).toThrow(RangeError);
    expect(() => poseidon(Array.from({ length: 17 }, () => 1n))).toThrow(RangeError);
    expect(() => poseidonWithInitMany([[1n, 2n], [1n]])).toThrow(RangeError);
  });
});

describe('when inputs are not reduced', () => {
  it('hashes them modulo r, as circomlibjs does', () => {
    expect(poseidon([FIELD + 5n, 2n * FIELD])).toBe(poseidon([5n, 0n]));
  });
});

describe('the committed wasm module', () => {
  it('is exactly what the committed text compiles to (reproducible build)', () => {
    const mod = binaryen.parseText(poseidonWat());
    binaryen.setOptimizeLevel(3);
    binaryen.setShrinkLevel(0);
    mod.optimize();
    const bytes = mod.emitBinary();
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(POSEIDON_WASM_SHA256);
    expect(Buffer.from(bytes).toString('base64')).toBe(POSEIDON_WASM_BASE64);
  });
});

describe('when synchronous compilation is unavailable (the BigInt engine)', () => {
  it('gives the same hashes, and preparePoseidon restores the wasm engine', async () => {
    usePoseidonBigIntEngine();
    expect(poseidonEngine()).toBe('bigint');
    for (const c of vectors.cases.filter((_, i) => i % 3 === 0)) {
      const got = c.init === undefined ? poseidon(c.inputs.map(BigInt)) : poseidonWithInitMany([[BigInt(c.init), ...c.inputs.map(BigInt)]])[0]!;
      expect(got.toString()).toBe(c.hash);
    }
    await preparePoseidon();
    expect(poseidonEngine()).toBe('wasm');
  });
});
