import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { publicKeyFromSecret, signSchnorr } from '../crypto/schnorr';
import { errorOf } from '../errors.test-util';
import { canonicalBytes } from '../protocol/canonical';
import type { JsonValue } from '../protocol/strict-json';
import { buildPackage, packageDigest, parsePackage, type Package } from './package';

type Json = Record<string, JsonValue>;

const secret = (): Uint8Array => hexToBytes('07'.repeat(32));
const actuary = (): string => bytesToHex(publicKeyFromSecret(secret()));

/** A package's fields as its actuary signs them (JSON form, before `sig`). */
function unsigned(): Json {
  return {
    actuary: actuary(),
    batches: {
      F: '1000', W: '250', R: '3',
      proofs: [
        { new_root: 'ab'.repeat(32), partial_f: '600', partial_w: '150', partial_s: '7', proof: '0102' },
        { new_root: '00'.repeat(31) + '0c', partial_f: '400', partial_w: '100', partial_s: '0', proof: 'ff' },
      ],
    },
    genesis: `${'11'.repeat(32)}i0`, month: 3, network: 'regtest', new_root: 'cd'.repeat(32), table_sha256: 'ef'.repeat(32),
  };
}

/** The canonical bytes of `fields`, signed by the actuary's key as they are. */
function signed(fields: Json): Uint8Array {
  return canonicalBytes({ ...fields, sig: bytesToHex(signSchnorr(packageDigest(fields), secret())) });
}

/** The default package with `change` applied to its fields (then signed). */
function signedWith(change: (o: Json) => void): Uint8Array {
  const o = unsigned();
  change(o);
  return signed(o);
}

const batchesOf = (o: Json): Json => o.batches as Json;
const proofOf = (o: Json, i = 0): Json => (batchesOf(o).proofs as Json[])[i]!;

describe('a package as its actuary built it', () => {
  it('parses to every field it carries, the batches in order', () => {
    const p = parsePackage(signed(unsigned()));
    expect(p).toEqual({
      network: 'regtest', genesis: `${'11'.repeat(32)}i0`, month: 3, actuary: actuary(), newRoot: 'cd'.repeat(32), tableSha256: 'ef'.repeat(32),
      F: 1000n, W: 250n, R: 3n, sig: p.sig,
      batches: [
        { newRoot: BigInt('0x' + 'ab'.repeat(32)), partialF: 600n, partialW: 150n, partialS: 7n, proof: Uint8Array.of(1, 2) },
        { newRoot: 12n, partialF: 400n, partialW: 100n, partialS: 0n, proof: Uint8Array.of(0xff) },
      ],
    });
    expect(p.sig).toMatch(/^[0-9a-f]{128}$/);
  });

  it('is the same bytes whether signed here or by the producer helper', () => {
    const fields: Omit<Package, 'sig'> = {
      network: 'regtest', genesis: `${'11'.repeat(32)}i0`, month: 3, actuary: actuary(), newRoot: 'cd'.repeat(32), tableSha256: 'ef'.repeat(32),
      F: 1000n, W: 250n, R: 3n,
      batches: [
        { newRoot: BigInt('0x' + 'ab'.repeat(32)), partialF: 600n, partialW: 150n, partialS: 7n, proof: Uint8Array.of(1, 2) },
        { newRoot: 12n, partialF: 400n, partialW: 100n, partialS: 0n, proof: Uint8Array.of(0xff) },
      ],
    };
    expect(bytesToHex(buildPackage(fields, secret()))).toBe(bytesToHex(signed(unsigned())));
  });

  it.each<[string, (o: Json) => void]>([
    ['month 1, the first month', (o) => { o.month = 1; }],
    ['a network name of 16 characters', (o) => { o.network = 'a1'.repeat(8); }],
    ['a genesis inscription index of ten digits', (o) => { o.genesis = `${'11'.repeat(32)}i1234567890`; }],
    ['totals of 0 and of 78 digits', (o) => { Object.assign(batchesOf(o), { F: '0', W: '9'.repeat(78) }); }],
    ['a proof of 4096 bytes', (o) => { proofOf(o).proof = 'aa'.repeat(4096); }],
    ['a single batch', (o) => { batchesOf(o).proofs = [proofOf(o)]; }],
  ])('accepts %s', (_what, change) => {
    expect(() => parsePackage(signedWith(change))).not.toThrow();
  });
});

describe('a package whose bytes are not canonical JSON of an object', () => {
  it('rejects bytes that are not UTF-8', () => {
    const e = errorOf(() => parsePackage(Uint8Array.of(0x7b, 0xff, 0x7d)));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toMatch(/UTF-8/);
  });

  it('rejects text that is not strict JSON, under the package\'s own code', () => {
    const e = errorOf(() => parsePackage(utf8.encode('{"a":1,"a":2}')));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toMatch(/^package is not strict JSON: /);
  });

  it.each(['null', '[]', '1', '"package"'])('rejects %s, which is no object', (text) => {
    const e = errorOf(() => parsePackage(utf8.encode(text)));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toMatch(/not an object/);
  });

  it('rejects a missing or an extra key, naming the keys it found', () => {
    const o = unsigned();
    delete o.table_sha256;
    const missing = errorOf(() => parsePackage(signed(o)));
    expect(missing.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(missing.evidence).toEqual({ keys: 'actuary,batches,genesis,month,network,new_root,sig' });
    const extra = errorOf(() => parsePackage(signedWith((x) => { x.extra = 1; })));
    expect(extra.evidence.keys).toBe('actuary,batches,extra,genesis,month,network,new_root,sig,table_sha256');
  });

  it('rejects the right keys in another order or with white space (not RFC 8785 form)', () => {
    const text = utf8.decodeStrict(signed(unsigned()))!;
    const o = JSON.parse(text) as Json;
    const reordered = JSON.stringify({ sig: o.sig, ...o });
    for (const t of [reordered, text.replace(':', ': ')]) {
      const e = errorOf(() => parsePackage(utf8.encode(t)));
      expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
      expect(e.message).toMatch(/canonical/);
    }
  });
});

describe('a package with a malformed top-level field', () => {
  it.each<[string, string, JsonValue]>([
    ['network', 'upper case', 'Regtest'],
    ['network', 'empty', ''],
    ['network', '17 characters', 'a'.repeat(17)],
    ['network', 'a trailing symbol', 'regtest!'],
    ['network', 'a leading symbol', '-regtest'],
    ['network', 'a number', 1],
    ['genesis', 'no index', '11'.repeat(32)],
    ['genesis', 'an index with a leading zero', `${'11'.repeat(32)}i01`],
    ['genesis', 'an index of eleven digits', `${'11'.repeat(32)}i12345678901`],
    ['genesis', 'a txid of 63 digits', `${'1'.repeat(63)}i0`],
    ['genesis', 'something before the txid', `x${'11'.repeat(32)}i0`],
    ['actuary', 'upper-case hex', 'AB'.repeat(32)],
    ['actuary', '31 bytes', 'ab'.repeat(31)],
    ['actuary', '33 bytes', 'ab'.repeat(33)],
    ['new_root', 'a trailing character', `${'cd'.repeat(32)}0`],
    ['new_root', 'a leading character', `0${'cd'.repeat(32)}`],
    ['table_sha256', 'non-hex', 'zz'.repeat(32)],
  ])('rejects %s of %s, naming the field', (field, _what, value) => {
    const e = errorOf(() => parsePackage(signedWith((o) => { o[field] = value; })));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.evidence).toEqual({ field });
  });

  it.each<[string, string]>([
    ['63 bytes', 'ab'.repeat(63)],
    ['65 bytes', 'ab'.repeat(65)],
    ['upper-case hex', 'AB'.repeat(64)],
  ])('rejects a signature of %s', (_what, sig) => {
    const o = JSON.parse(utf8.decodeStrict(signed(unsigned()))!) as Json;
    const e = errorOf(() => parsePackage(canonicalBytes({ ...o, sig })));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.evidence).toEqual({ field: 'sig' });
  });

  it.each<[string, JsonValue]>([
    ['zero', 0], ['negative', -1], ['a fraction', 1.5], ['a string', '1'], ['beyond 2^53', 2 ** 53], ['null', null],
  ])('rejects a month that is %s', (_what, month) => {
    const e = errorOf(() => parsePackage(signedWith((o) => { o.month = month; })));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toMatch(/package\.month/);
  });
});

describe('a package with malformed batches', () => {
  it.each<[string, (o: Json) => void]>([
    ['null', (o) => { o.batches = null; }],
    ['a list', (o) => { o.batches = []; }],
    ['a string', (o) => { o.batches = 'F,R,W,proofs'; }],
    ['without R', (o) => { delete batchesOf(o).R; }],
    ['with an extra key', (o) => { batchesOf(o).S = '0'; }],
  ])('rejects batches that are %s', (_what, change) => {
    const e = errorOf(() => parsePackage(signedWith(change)));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toMatch(/^package\.batches must be \{F, W, R, proofs\}/);
  });

  it.each<[string, JsonValue]>([
    ['no list', { a: 1 }], ['empty', []], ['a string', 'proofs'],
  ])('rejects a proofs list that is %s', (_what, proofs) => {
    const e = errorOf(() => parsePackage(signedWith((o) => { batchesOf(o).proofs = proofs; })));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toMatch(/proofs must be a non-empty list/);
  });

  it('takes up to 65,536 batches and no more', () => {
    const over = errorOf(() => parsePackage(signedWith((o) => { batchesOf(o).proofs = new Array<JsonValue>(65537).fill(0); })));
    expect(over.message).toMatch(/proofs must be a non-empty list/);
    // At the limit the list's length passes and its first entry is read (and found no object).
    const at = errorOf(() => parsePackage(signedWith((o) => { batchesOf(o).proofs = new Array<JsonValue>(65536).fill(0); })));
    expect(at.message).toMatch(/^package\.batches\.proofs\[0\] is not an object/);
  });

  it.each<[string, string, JsonValue]>([
    ['F', 'a leading zero', '01'],
    ['W', 'a sign', '-1'],
    ['R', 'a fraction', '1.0'],
    ['F', 'a JSON number', 1000],
    ['W', '79 digits', '9'.repeat(79)],
    ['R', 'empty', ''],
    ['F', 'a trailing letter', '10a'],
    ['W', 'a leading letter', 'a10'],
  ])('rejects a total %s with %s', (field, _what, value) => {
    const e = errorOf(() => parsePackage(signedWith((o) => { batchesOf(o)[field] = value; })));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toBe(`package.batches.${field} must be a decimal string`);
  });

  it.each<[string, (p: Json) => void, RegExp]>([
    ['with no keys', (p) => { for (const k of Object.keys(p)) delete p[k]; }, /keys must be/],
    ['without its proof', (p) => { delete p.proof; }, /keys must be/],
    ['with an extra key', (p) => { p.index = 1; }, /keys must be/],
    ['with a root of 31 bytes', (p) => { p.new_root = 'ab'.repeat(31); }, /new_root must be 32 bytes of hex/],
    ['with an upper-case root', (p) => { p.new_root = 'AB'.repeat(32); }, /new_root must be 32 bytes of hex/],
    ['with a numeric root', (p) => { p.new_root = 1; }, /new_root must be 32 bytes of hex/],
    ['with its root inside a list', (p) => { p.new_root = ['ab'.repeat(32)]; }, /new_root must be 32 bytes of hex/],
    ['with its proof inside a list', (p) => { p.proof = ['0102']; }, /proof must be hex/],
    ['with an empty proof', (p) => { p.proof = ''; }, /proof must be hex/],
    ['with a proof of an odd number of digits', (p) => { p.proof = 'abc'; }, /proof must be hex/],
    ['with a proof of 4097 bytes', (p) => { p.proof = 'aa'.repeat(4097); }, /proof must be hex/],
    ['with an upper-case proof', (p) => { p.proof = 'AA'; }, /proof must be hex/],
    ['with a proof given as a list', (p) => { p.proof = [1]; }, /proof must be hex/],
    ['with a partial sum that is no decimal', (p) => { p.partial_s = '-7'; }, /partial_s must be a decimal string/],
    ['with a partial forfeiture that is no decimal', (p) => { p.partial_f = '06'; }, /partial_f must be a decimal string/],
    ['with a partial weight that is no decimal', (p) => { p.partial_w = 150; }, /partial_w must be a decimal string/],
  ])('rejects the second batch %s, naming it', (_what, change, message) => {
    const e = errorOf(() => parsePackage(signedWith((o) => change(proofOf(o, 1)))));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toMatch(/^package\.batches\.proofs\[1\]/);
    expect(e.message).toMatch(message);
  });

  it.each<[string, JsonValue]>([['null', null], ['a list', []], ['a string', 'batch']])('rejects a batch that is %s', (_what, batch) => {
    const e = errorOf(() => parsePackage(signedWith((o) => { batchesOf(o).proofs = [proofOf(o), batch]; })));
    expect(e.code).toBe('REVEAL_PACKAGE_MALFORMED');
    expect(e.message).toBe('package.batches.proofs[1] is not an object');
  });
});

describe('a well-formed package whose inner signature does not hold', () => {
  it('is REVEAL_PACKAGE_SIGNATURE when signed over other fields, naming the actuary', () => {
    const o = unsigned();
    const sig = bytesToHex(signSchnorr(packageDigest({ ...o, month: 4 }), secret()));
    const e = errorOf(() => parsePackage(canonicalBytes({ ...o, sig })));
    expect(e.code).toBe('REVEAL_PACKAGE_SIGNATURE');
    expect(e.evidence).toEqual({ actuary: actuary() });
  });

  it('is REVEAL_PACKAGE_SIGNATURE when signed by another key than the actuary it names', () => {
    const o = unsigned();
    const sig = bytesToHex(signSchnorr(packageDigest(o), hexToBytes('08'.repeat(32))));
    expect(errorOf(() => parsePackage(canonicalBytes({ ...o, sig }))).code).toBe('REVEAL_PACKAGE_SIGNATURE');
  });

  it('does not take the signature as part of what it signs', () => {
    const o = unsigned();
    const withSig = { ...o, sig: '00'.repeat(64) };
    const sig = bytesToHex(signSchnorr(packageDigest(withSig), secret()));
    expect(errorOf(() => parsePackage(canonicalBytes({ ...o, sig }))).code).toBe('REVEAL_PACKAGE_SIGNATURE');
  });

  it('is MESSAGE_BAD_KEY when the actuary is no curve point', () => {
    const e = errorOf(() => parsePackage(signedWith((o) => { o.actuary = '00'.repeat(32); })));
    expect(e.code).toBe('MESSAGE_BAD_KEY');
  });
});
