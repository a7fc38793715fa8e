import { describe, expect, it } from 'vitest';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { base64 } from '@scure/base';
import { grainRoundConstants } from './poseidon-grain';
import { optimiseParams } from './poseidon-params';
import { POSEIDON_CONSTANTS } from './poseidon-constants';
import { FIELD } from './poseidon-wat';

// circomlibjs publishes both the plain parameters and the optimised ones its circuits use: our derivations must
// reproduce both, value for value.
const dir = fileURLToPath(new URL('../../../node_modules/circomlibjs/src/', import.meta.url));
const load = async <T>(file: string): Promise<T> => ((await import(pathToFileURL(dir + file).href)) as { default: T }).default;
const plain = await load<{ C: string[][]; M: string[][][] }>('poseidon_constants.js');
const opt = await load<{ C: string[][]; S: string[][]; M: string[][][]; P: string[][][] }>('poseidon_constants_opt.js');
const big = (xs: readonly string[]): bigint[] => xs.map(BigInt);
/** circomlibjs stores M and P as sᵢ ← Σⱼ A[j][i]·sⱼ; ours are row-major as applied. */
const applied = (m: string[][]): bigint[] => m.flatMap((_, i) => m.map((row) => BigInt(row[i]!)));

describe.each(Array.from({ length: 16 }, (_, i) => i + 2))('width t = %i', (t) => {
  const { roundsP, mds } = POSEIDON_CONSTANTS[t]!;

  it('Grain LFSR round constants equal circomlib\'s', () => {
    expect(grainRoundConstants(t, 8, roundsP, FIELD, 254)).toEqual(big(plain.C[t - 2]!));
  });

  it('the committed MDS matrix equals circomlib\'s', () => {
    const bytes = base64.decode(mds);
    const ours = Array.from({ length: t * t }, (_, k) => bytes.slice(32 * k, 32 * k + 32).reduceRight((v, b) => (v << 8n) | BigInt(b), 0n));
    expect(ours).toEqual(plain.M[t - 2]!.flat().map(BigInt));
  });

  it('the derived optimised schedule equals circomlib\'s poseidon_constants_opt', () => {
    const M = plain.M[t - 2]!.map(big);
    const o = optimiseParams(t, roundsP, big(plain.C[t - 2]!), M);
    expect(o.c).toEqual(big(opt.C[t - 2]!));
    expect(o.s).toEqual(big(opt.S[t - 2]!));
    expect(o.m).toEqual(applied(opt.M[t - 2]!));
    expect(o.p).toEqual(applied(opt.P[t - 2]!));
  });
});

describe('when the parameters are inconsistent', () => {
  it('refuses a singular matrix and wrong sizes as caller bugs', () => {
    expect(() => optimiseParams(2, 1, new Array<bigint>(18).fill(1n), [[1n, 1n], [1n, 1n]])).toThrow(RangeError);
    expect(() => optimiseParams(2, 1, [1n], [[1n, 0n], [0n, 1n]])).toThrow(RangeError);
  });
});
