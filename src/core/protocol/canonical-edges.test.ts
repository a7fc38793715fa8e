/** RFC 8785 at its edges (key order by UTF-16 code units, escapes, numbers, what has no JSON form) and the stake proof's refusals. */
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../bytes';
import { publicKeyFromSecret } from '../crypto/schnorr';
import { errorOf } from '../errors.test-util';
import { canonicalize, compareUtf16, serializeNumber, serializeString } from './canonical';
import type { RegisterPayload } from './payloads';
import { signStakeProof, verifyStakeProof } from './stake-proof';
import type { JsonValue } from './strict-json';

describe('canonical JSON', () => {
  it('orders keys by UTF-16 code units, a prefix first', () => {
    expect(compareUtf16('a', 'b')).toBeLessThan(0);
    expect(compareUtf16('b', 'a')).toBeGreaterThan(0);
    expect(compareUtf16('ab', 'a')).toBeGreaterThan(0);
    expect(compareUtf16('a', 'ab')).toBeLessThan(0);
    expect(compareUtf16('abc', 'abc')).toBe(0);
    expect(compareUtf16('\ue000', '\ud83d\ude00')).toBeGreaterThan(0);
    expect(compareUtf16('aa', 'ab')).toBe(-1);
    expect(canonicalize({ b: 1, a: 2, ab: 3, '\ue000': 4, '\ud83d\ude00': 5, '': 6 })).toBe('{"":6,"a":2,"ab":3,"b":1,"\ud83d\ude00":5,"\ue000":4}');
  });

  it('escapes quotes, backslashes and controls, the short forms where JSON has them', () => {
    expect(serializeString('a"b\\c/d')).toBe('"a\\"b\\\\c/d"');
    expect(serializeString('\b\t\n\f\r')).toBe('"\\b\\t\\n\\f\\r"');
    expect(serializeString('\u0000\u0001\u001f\u007f é')).toBe('"\\u0000\\u0001\\u001f\u007f é"');
    expect(serializeString('')).toBe('""');
    expect(() => serializeString('\ud800')).toThrow('canonicalize: string contains a lone surrogate');
  });

  it('writes numbers as ECMAScript does, -0 as 0, and refuses what has no JSON form', () => {
    expect([1e21, 1e-7, 0.1, 100, -0, -1.5].map(serializeNumber)).toEqual(['1e+21', '1e-7', '0.1', '100', '0', '-1.5']);
    for (const n of [Number.NaN, Infinity, -Infinity]) expect(() => serializeNumber(n)).toThrow(`canonicalize: ${n} has no JSON form`);
    expect(() => canonicalize({ a: undefined } as unknown as JsonValue)).toThrow('canonicalize: undefined value at key a');
    expect(() => canonicalize((() => 1) as unknown as JsonValue)).toThrow('canonicalize: not a JSON value (function)');
    expect(() => canonicalize(1n as unknown as JsonValue)).toThrow(TypeError);
    expect(canonicalize([true, false, null, [], {}])).toBe('[true,false,null,[],{}]');
  });
});

describe('a stake proof refused', () => {
  const outputSecret = hexToBytes('05'.repeat(32));
  const outputKey = publicKeyFromSecret(outputSecret);
  const payload = (sig?: string): RegisterPayload => ({
    network: 'regtest', signer: '79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798', genesis: `${'ab'.repeat(32)}i0`,
    stake: { txid: 'cd'.repeat(32), vout: 2, ...(sig ? { sig } : {}) },
  });
  const ev = { actuary: payload().signer, stake: `${'cd'.repeat(32)}:2`, outputKey: bytesToHex(outputKey) };

  it('when it is absent, or signed by another key, naming the actuary, the stake and the output key', () => {
    const absent = errorOf(() => verifyStakeProof(payload(), outputKey));
    expect([absent.code, absent.evidence, absent.message]).toEqual(['STAKE_NOT_CONTROLLED', ev, 'the register carries no stake proof']);
    const p = payload();
    const byOther = signStakeProof({ network: p.network, genesis: p.genesis, actuary: p.signer, txid: p.stake.txid, vout: p.stake.vout }, hexToBytes('06'.repeat(32)));
    const wrong = errorOf(() => verifyStakeProof(payload(byOther), outputKey));
    expect([wrong.code, wrong.evidence, wrong.message]).toEqual(['STAKE_NOT_CONTROLLED', ev, 'the stake proof is not a signature by the stake output\'s key']);
    const good = signStakeProof({ network: p.network, genesis: p.genesis, actuary: p.signer, txid: p.stake.txid, vout: p.stake.vout }, outputSecret);
    expect(() => verifyStakeProof(payload(good), outputKey)).not.toThrow();
  });
});
