import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../bytes';
import { parseTx } from '../chain/tx';
import mainnet from '../../../vectors/esplora/esplora-mainnet-block-696394.json';
import devnet from '../../../vectors/esplora/devnet-marker-listing.json';
import testnet from '../../../vectors/esplora/esplora-testnet3-block-2582756.json';
import { MAX_SATS, rawTxFromJson, txFromJson } from './tx-from-json';

type Json = Record<string, unknown> & { vin: Record<string, unknown>[]; vout: Record<string, unknown>[] };

/** Every real transaction whose mempool.space JSON and raw bytes the vectors hold. */
const REAL = [...mainnet.txs, ...testnet.txs].map((t) => ({ txid: t.txid, hex: t.hex, json: t.txJson as unknown as Json }));
const byTxid = (txid: string) => REAL.find((t) => t.txid.startsWith(txid))!;
const COINBASE = byTxid('07f8b22f');
const P2WPKH = byTxid('ddf5061f');
const LEGACY = byTxid('db0d1fe6');
const LEGACY_2IN = byTxid('9f0706c2');
const TAPROOT_REVEAL = byTxid('5cadcbc1');

/** A deep copy of `json` changed by `edit`. */
const mutated = (json: Json, edit: (j: Json) => void): Json => {
  const copy = structuredClone(json);
  edit(copy);
  return copy;
};
const flipHex = (hex: string): string => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

describe('when real Esplora JSON is rebuilt', () => {
  it('covers a segwit coinbase, P2WPKH, legacy P2PKH (one and two inputs) and a taproot inscription reveal', () => {
    const kinds = [COINBASE, P2WPKH, LEGACY, LEGACY_2IN, TAPROOT_REVEAL].map((t) => [t.json.vin[0]!.is_coinbase, 'witness' in t.json.vin[0]!]);
    expect(kinds).toEqual([[true, true], [false, true], [false, false], [false, false], [false, true]]);
  });
  for (const t of REAL) {
    it(`${t.txid.slice(0, 12)} gives exactly the served raw bytes, hashing to its txid`, () => {
      const bytes = rawTxFromJson(t.json);
      expect(bytes && bytesToHex(bytes)).toBe(t.hex);
      expect(txFromJson(t.json, t.txid)?.txid).toBe(t.txid);
    });
  }
  for (const t of devnet.listing) {
    it(`the devnet's listed reveal ${t.txid.slice(0, 12)} (taproot, inscription witness) gives exactly its /raw bytes`, () => {
      const bytes = rawTxFromJson(t);
      expect(bytes && bytesToHex(bytes)).toBe((devnet.raw as Record<string, string>)[t.txid]);
      expect(txFromJson(t, t.txid)?.wtxid).toBe(parseTx((devnet.raw as Record<string, string>)[t.txid]!).wtxid);
    });
  }
  it('a txid given in upper case still matches', () => {
    expect(txFromJson(LEGACY.json, LEGACY.txid.toUpperCase())?.txid).toBe(LEGACY.txid);
  });
});

describe('when a listing changes a field the txid covers', () => {
  const cases: [string, (typeof REAL)[number], (j: Json) => void][] = [
    ['a scriptsig byte', LEGACY, (j) => { j.vin[0]!.scriptsig = flipHex(j.vin[0]!.scriptsig as string); }],
    ['a sequence', LEGACY_2IN, (j) => { j.vin[1]!.sequence = 0xffffffff; }],
    ['an output value by one sat', P2WPKH, (j) => { j.vout[0]!.value = (j.vout[0]!.value as number) + 1; }],
    ['a prevout index', TAPROOT_REVEAL, (j) => { j.vin[0]!.vout = (j.vin[0]!.vout as number) + 1; }],
    ['a prevout txid', P2WPKH, (j) => { j.vin[0]!.txid = flipHex(j.vin[0]!.txid as string); }],
    ['the locktime', TAPROOT_REVEAL, (j) => { j.locktime = 1; }],
    ['the order of two inputs', LEGACY_2IN, (j) => { j.vin.reverse(); }],
    ['an output script', COINBASE, (j) => { j.vout[0]!.scriptpubkey = flipHex(j.vout[0]!.scriptpubkey as string); }],
  ];
  for (const [what, t, edit] of cases) {
    it(`${what}: the bytes hash to another txid, so they are not taken for it`, () => {
      const json = mutated(t.json, edit);
      const bytes = rawTxFromJson(json);
      expect(bytes).toBeDefined();
      expect(parseTx(bytes!).txid).not.toBe(t.txid);
      expect(txFromJson(json, t.txid)).toBeUndefined();
    });
  }
});

// The txid does not cover the witness (BIP141), for a `/tx/:txid/raw` answer just as for JSON. These mutations keep
// the txid: the rebuilt transaction is accepted under it with another wtxid. That is safe because nothing relies on
// an unbound witness: an inscription counts only once its witness satisfies (BIP341) the taproot output it spends.
describe('when a listing changes only a witness', () => {
  const cases: [string, (typeof REAL)[number], (j: Json) => void][] = [
    ['one more witness item', TAPROOT_REVEAL, (j) => { (j.vin[0]!.witness as string[]).push('51'); }],
    ['one witness item fewer', P2WPKH, (j) => { (j.vin[0]!.witness as string[]).pop(); }],
    ['a changed envelope byte in the tapscript', TAPROOT_REVEAL, (j) => { const w = j.vin[0]!.witness as string[]; w[1] = flipHex(w[1]!); }],
    ['a witness added to a legacy input', LEGACY, (j) => { j.vin[0]!.witness = ['00']; }],
  ];
  for (const [what, t, edit] of cases) {
    it(`${what}: same txid, another wtxid`, () => {
      const tx = txFromJson(mutated(t.json, edit), t.txid);
      expect(tx?.txid).toBe(t.txid);
      expect(tx?.wtxid).not.toBe(parseTx(t.hex).wtxid);
    });
  }
  it('every witness dropped: the legacy serialization, same txid, no witness (a host can hide an envelope, not forge one)', () => {
    const tx = txFromJson(mutated(TAPROOT_REVEAL.json, (j) => { for (const i of j.vin) delete i.witness; }), TAPROOT_REVEAL.txid);
    expect(tx?.txid).toBe(TAPROOT_REVEAL.txid);
    expect(tx?.hasWitness).toBe(false);
  });
  it('witness items of 300 and 70,000 bytes take the 0xfd and 0xfe length prefixes the parser reads back', () => {
    const big = ['ab'.repeat(300), 'cd'.repeat(70_000)];
    const tx = txFromJson(mutated(TAPROOT_REVEAL.json, (j) => { j.vin[0]!.witness = big; }), TAPROOT_REVEAL.txid);
    expect(tx?.inputs[0]!.witness.map((w) => w.length)).toEqual([300, 70_000]);
  });
  it('an empty witness list is no witness (no marker, as BIP144 requires)', () => {
    const bytes = rawTxFromJson(mutated(LEGACY.json, (j) => { j.vin[0]!.witness = []; }));
    expect(bytes && bytesToHex(bytes)).toBe(LEGACY.hex);
  });
});

describe('when a field is missing or malformed', () => {
  const cases: [string, (j: Json) => void][] = [
    ['a value with a fraction', (j) => { j.vout[0]!.value = 1.5; }],
    ['a negative value', (j) => { j.vout[0]!.value = -1; }],
    ['a value above 21e14 sats', (j) => { j.vout[0]!.value = MAX_SATS + 1; }],
    ['a value beyond safe integers', (j) => { j.vout[0]!.value = 2 ** 53; }],
    ['a value as a string', (j) => { j.vout[0]!.value = '1000'; }],
    ['no scriptsig', (j) => { delete j.vin[0]!.scriptsig; }],
    ['a scriptsig of odd length', (j) => { j.vin[0]!.scriptsig = 'abc'; }],
    ['a scriptpubkey that is not hex', (j) => { j.vout[0]!.scriptpubkey = 'zz'; }],
    ['a prevout txid of 63 hex', (j) => { j.vin[0]!.txid = (j.vin[0]!.txid as string).slice(1); }],
    ['a vout above u32', (j) => { j.vin[0]!.vout = 2 ** 32; }],
    ['no sequence', (j) => { delete j.vin[0]!.sequence; }],
    ['a witness that is a string', (j) => { j.vin[0]!.witness = '00'; }],
    ['a witness item that is a number', (j) => { j.vin[0]!.witness = [0]; }],
    ['no version', (j) => { delete j.version; }],
    ['a locktime of -1', (j) => { j.locktime = -1; }],
    ['vin that is not a list', (j) => { j.vin = {} as never; }],
    ['no vout', (j) => { delete (j as Partial<Json>).vout; }],
    ['an output that is null', (j) => { j.vout[0] = null as never; }],
  ];
  for (const [what, edit] of cases) {
    it(`${what} gives undefined`, () => {
      const json = mutated(P2WPKH.json, edit);
      expect(rawTxFromJson(json)).toBeUndefined();
      expect(txFromJson(json, P2WPKH.txid)).toBeUndefined();
    });
  }
  it('non-objects give undefined', () => {
    for (const v of [null, 'tx', 7, [], undefined]) expect(rawTxFromJson(v)).toBeUndefined();
  });
  it('the largest value (21e14 sats) and a version printed as i32 still serialize', () => {
    const json = mutated(P2WPKH.json, (j) => { j.vout[0]!.value = MAX_SATS; j.version = -1; });
    const tx = parseTx(rawTxFromJson(json)!);
    expect([tx.outputs[0]!.amount, tx.version >>> 0]).toEqual([BigInt(MAX_SATS), 0xffffffff]);
  });
  it('no inputs: the bytes do not parse as a transaction, so nothing is taken', () => {
    expect(txFromJson(mutated(LEGACY.json, (j) => { j.vin = []; }), LEGACY.txid)).toBeUndefined();
  });
});
