import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../bytes';
import { parseTx } from '../chain/tx';
import { packAuthority } from './pack-authority';

/** Month 6's quick pack of the ready-made chain (vectors/packs/README.md). */
const vector = JSON.parse(readFileSync('vectors/packs/ready-made-month-6.quick.json', 'utf8')) as { entries: Record<string, unknown> };
const entriesOf = (patch: Record<string, unknown> = {}): Map<string, unknown> => new Map(Object.entries({ ...vector.entries, ...patch }));
const keys = (kind: string): string[] => Object.keys(vector.entries).filter((k) => k.startsWith(`${kind}:`));
const idOf = (key: string): string => key.slice(key.indexOf(':') + 1);
const hexAt = (key: string): string => vector.entries[key] as string;
const witnessTxKeys = keys('tx').filter((k) => parseTx(hexAt(k)).hasWitness && !isCoinbaseKey(k));
function isCoinbaseKey(k: string): boolean {
  return keys('txids').some((b) => (vector.entries[b] as string[])[0] === idOf(k));
}

/** The transaction with one byte of its witness flipped (the txid stays). */
function flipped(hex: string): string {
  const tx = parseTx(hex);
  const bytes = hexToBytes(hex);
  const start = tx.strippedSize - 2;
  const at = start + Math.floor((bytes.length - 4 - start) / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  return bytesToHex(bytes);
}

/** The transaction without its witness: the same txid, the serialization a host hiding the witness would serve. */
function stripped(hex: string): string {
  const tx = parseTx(hex);
  const b = hexToBytes(hex);
  return bytesToHex(Uint8Array.from([...b.subarray(0, 4), ...b.subarray(6, 6 + tx.strippedSize - 8), ...b.subarray(b.length - 4)]));
}

describe('packAuthority', () => {
  it('serves every transaction and branch of a pack as built', () => {
    const a = packAuthority(entriesOf());
    expect(witnessTxKeys.length).toBeGreaterThan(5);
    for (const k of keys('tx')) expect(a.txServable(idOf(k), vector.entries[k]), k).toBe(true);
    expect(keys('merkle').length).toBeGreaterThan(0);
    for (const k of keys('merkle')) expect(a.branchServable(idOf(k), vector.entries[k]), k).toBe(true);
  });

  it('serves the builder\'s bytes as well as a pack\'s hex', () => {
    const bytes = new Map([...entriesOf()].map(([k, v]) => [k, typeof v === 'string' && !k.startsWith('txids') ? hexToBytes(v) : v]));
    const k = witnessTxKeys[0]!;
    expect(packAuthority(bytes).txServable(idOf(k), hexToBytes(hexAt(k)))).toBe(true);
  });

  it('does not serve a transaction whose witness was changed, even when its block\'s wtxid list names the change', () => {
    for (const k of witnessTxKeys) {
      const lie = flipped(hexAt(k));
      expect(parseTx(lie).txid).toBe(idOf(k));
      expect(packAuthority(entriesOf({ [k]: lie })).txServable(idOf(k), lie), k).toBe(false);
      const renamed = Object.fromEntries(keys('wtxids').map((w) => [w, (vector.entries[w] as string[]).map((x) => (x === parseTx(hexAt(k)).wtxid ? parseTx(lie).wtxid : x))]));
      expect(packAuthority(entriesOf({ [k]: lie, ...renamed })).txServable(idOf(k), lie), k).toBe(false);
    }
  });

  it('does not serve a transaction without the witness it was mined with', () => {
    for (const k of witnessTxKeys) {
      const lie = stripped(hexAt(k));
      expect(parseTx(lie)).toMatchObject({ txid: idOf(k), hasWitness: false });
      expect(packAuthority(entriesOf({ [k]: lie })).txServable(idOf(k), lie), k).toBe(false);
    }
  });

  it('serves a block\'s coinbase with the reserved value it commits with, and nothing of a block whose coinbase is another', () => {
    const block = keys('txids')[0]!;
    const coinbaseKey = `tx:${(vector.entries[block] as string[])[0]}`;
    expect(packAuthority(entriesOf()).txServable(idOf(coinbaseKey), hexAt(coinbaseKey))).toBe(true);
    const lie = flipped(hexAt(coinbaseKey));
    const a = packAuthority(entriesOf({ [coinbaseKey]: lie }));
    expect(a.txServable(idOf(coinbaseKey), lie)).toBe(false);
  });

  it.each([
    ['a header of another block', (b: string) => ({ [`header:${b}`]: hexAt(keys('header').find((h) => h !== `header:${b}`)!) })],
    ['a txid list out of order', (b: string) => ({ [`txids:${b}`]: [...(vector.entries[`txids:${b}`] as string[])].reverse() })],
    ['a wtxid list its coinbase does not commit to', (b: string) => ({ [`wtxids:${b}`]: (vector.entries[`wtxids:${b}`] as string[]).map((w, i) => (i === 1 ? '11'.repeat(32) : w)) })],
    ['no wtxid list', (b: string) => ({ [`wtxids:${b}`]: undefined })],
    ['no coinbase', (b: string) => ({ [`tx:${(vector.entries[`txids:${b}`] as string[])[0]}`]: undefined })],
  ])('serves none of a block\'s transactions with %s', (_what, spoil) => {
    // A block of more than the coinbase, holding a transaction with a witness.
    const k = witnessTxKeys.find((t) => keys('txids').some((b) => (vector.entries[b] as string[]).includes(idOf(t)) && (vector.entries[b] as string[]).length > 2))!;
    const block = keys('txids').find((b) => (vector.entries[b] as string[]).includes(idOf(k)))!.slice(6);
    const patch = spoil(block);
    const entries = entriesOf(patch);
    for (const [key, v] of Object.entries(patch)) if (v === undefined) entries.delete(key);
    expect(packAuthority(entries).txServable(idOf(k), hexAt(k))).toBe(false);
  });

  it('does not serve a transaction whose block the pack does not prove', () => {
    const k = witnessTxKeys[0]!;
    const without = entriesOf();
    for (const b of keys('txids')) if ((vector.entries[b] as string[]).includes(idOf(k))) without.delete(b);
    expect(packAuthority(without).txServable(idOf(k), hexAt(k))).toBe(false);
    expect(packAuthority(entriesOf()).txServable(idOf(k), hexAt(witnessTxKeys[1]!))).toBe(false);
    expect(packAuthority(entriesOf()).txServable(idOf(k), 'zz')).toBe(false);
  });

  it('does not serve a branch at another height or position, or one that is malformed', () => {
    const k = keys('merkle')[0]!;
    const proof = vector.entries[k] as { block_height: number; pos: number; merkle: string[] };
    const a = packAuthority(entriesOf());
    expect(a.branchServable(idOf(k), { ...proof, block_height: proof.block_height + 1 })).toBe(false);
    expect(a.branchServable(idOf(k), { ...proof, pos: proof.pos + 1 })).toBe(false);
    expect(a.branchServable(idOf(k), { ...proof, merkle: 'none' })).toBe(false);
    expect(a.branchServable('ab'.repeat(32), proof)).toBe(false);
  });
});
