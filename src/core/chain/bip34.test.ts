import { Transaction } from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bip34ScriptSig } from '../../devnet/coinbase';
import { PERMISSIVE } from '../../devnet/tx';
import { bytesToHex, concatBytes, hexToBytes } from '../bytes';
import { bip34Prefix, heightFromCoinbase, isCoinbase } from './bip34';
import { parseTx, type ParsedTx, type TxInput } from './tx';
import { errorOf } from '../errors.test-util';

/** A coinbase whose scriptSig is `scriptSig` (one output), as real bytes. */
function coinbaseWith(scriptSig: Uint8Array, outputScript = hexToBytes(`0014${'ab'.repeat(20)}`)): Uint8Array {
  const tx = new Transaction({ ...PERMISSIVE, version: 2 });
  tx.addOutput({ script: outputScript, amount: 50_000n });
  tx.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0xffffffff, finalScriptSig: scriptSig });
  return tx.toBytes(true, true);
}

/** A transaction with these inputs, as parsed (only its inputs and txid matter to a height). */
function withInputs(...inputs: Partial<TxInput>[]): ParsedTx {
  const full = inputs.map((i) => ({ txid: '00'.repeat(32), vout: 0xffffffff, sequence: 0xffffffff, scriptSig: new Uint8Array(0), witness: [], ...i }));
  return { bytes: new Uint8Array(0), txid: 'cd'.repeat(32), wtxid: 'cd'.repeat(32), version: 2, locktime: 0, inputs: full, outputs: [], hasWitness: false, strippedSize: 0, weight: 0 };
}

const code = (c: string) => expect.objectContaining({ code: c });
const BOUNDARIES = [1, 2, 16, 17, 100, 127, 128, 255, 256, 32_767, 32_768, 65_535, 227_931, 8_388_607, 8_388_608, 2_147_483_647];

describe('the BIP34 height push', () => {
  it('is what Bitcoin Core writes (CScript() << nHeight), as the devnet writes it, at every size boundary', () => {
    expect(bytesToHex(bip34Prefix(5))).toBe('55');
    expect(bytesToHex(bip34Prefix(17))).toBe('0111');
    expect(bytesToHex(bip34Prefix(128))).toBe('028000');
    expect(bytesToHex(bip34Prefix(227_931))).toBe('035b7a03');
    for (const h of BOUNDARIES) expect(bytesToHex(bip34Prefix(h)), String(h)).toBe(bytesToHex(bip34ScriptSig(h).subarray(0, -1)));
  });

  it('reads back from a real coinbase at every boundary, whatever follows it', () => {
    for (const h of BOUNDARIES) {
      const tx = parseTx(coinbaseWith(concatBytes(bip34Prefix(h), hexToBytes('00deadbeef'))));
      expect(isCoinbase(tx)).toBe(true);
      expect(heightFromCoinbase(tx), String(h)).toBe(h);
    }
  });

  it.each([
    ['a non-minimal push of a small height (01 05 for OP_5)', '010500'],
    ['a push with a needless zero byte (02 66 00 for 102)', '026600'],
    ['a push of a negative number (01 80)', '018000'],
    ['OP_PUSHDATA1', '4c016600'],
    ['OP_1NEGATE', '4f00'],
    ['a push longer than four bytes', '05ffffffff0000'],
    ['a push cut short', '03ffff'],
  ])('refuses %s: CHAIN_COINBASE_MALFORMED', (_what, script) => {
    expect(() => heightFromCoinbase(parseTx(coinbaseWith(hexToBytes(script))))).toThrow(code('CHAIN_COINBASE_MALFORMED'));
  });

  it('refuses a transaction that is not a coinbase', () => {
    const tx = new Transaction({ ...PERMISSIVE, version: 2 });
    tx.addOutput({ script: hexToBytes('51'), amount: 1n });
    tx.addInput({ txid: new Uint8Array(32).fill(1), index: 0, sequence: 0xffffffff, finalScriptSig: hexToBytes('0166') });
    const parsed = parseTx(tx.toBytes(true, true));
    expect(isCoinbase(parsed)).toBe(false);
    expect(() => heightFromCoinbase(parsed)).toThrow(code('CHAIN_COINBASE_MALFORMED'));
  });
});

describe('the edges of the BIP34 height push', () => {
  it('height 0 is OP_0, and reads back from a coinbase', () => {
    expect(bytesToHex(bip34Prefix(0))).toBe('00');
    expect(heightFromCoinbase(parseTx(coinbaseWith(hexToBytes('0000'))))).toBe(0);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 31, Number.MAX_SAFE_INTEGER + 2])('no push exists for height %d', (h) => {
    expect(() => bip34Prefix(h)).toThrow(new RangeError('height must be in 0..2^31−1'));
  });

  it('reads a push that is the whole scriptSig', () => {
    for (const h of [16, 17, 128, 32_768, 8_388_608]) expect(heightFromCoinbase(withInputs({ scriptSig: bip34Prefix(h) })), String(h)).toBe(h);
  });

  it.each([
    ['OP_RESERVED (0x50), just below OP_1', '5000'],
    ['OP_NOP (0x61), just above OP_16', '6100'],
    ['OP_PUSHDATA1 of a height', '4c0111'],
  ])('refuses %s', (_what, script) => {
    expect(() => heightFromCoinbase(withInputs({ scriptSig: hexToBytes(script) }))).toThrow(code('CHAIN_COINBASE_MALFORMED'));
  });

  it('refuses an empty scriptSig, naming the transaction', () => {
    const e = errorOf(() => heightFromCoinbase(withInputs({})));
    expect(e.code).toBe('CHAIN_COINBASE_MALFORMED');
    expect(e.evidence).toEqual({ txid: 'cd'.repeat(32) });
    expect(e.message).toBe('the coinbase scriptSig is empty');
  });

  it('names the transaction and the scriptSig\'s first 16 bytes when the push is not a height', () => {
    const script = `0105${'ee'.repeat(20)}`;
    const e = errorOf(() => heightFromCoinbase(withInputs({ scriptSig: hexToBytes(script) })));
    expect(e.code).toBe('CHAIN_COINBASE_MALFORMED');
    expect(e.evidence).toEqual({ txid: 'cd'.repeat(32), scriptSig: script.slice(0, 32) });
    expect(e.message).toBe('the coinbase scriptSig does not start with a BIP34 height push');
  });

  it('is no coinbase with a second input, an outpoint index other than 0xffffffff, or a txid other than null', () => {
    const push = { scriptSig: bip34Prefix(17) };
    expect(isCoinbase(withInputs(push))).toBe(true);
    const cases = [withInputs(push, push), withInputs({ ...push, vout: 0 }), withInputs({ ...push, txid: `${'00'.repeat(31)}01` })];
    for (const tx of cases) {
      expect(isCoinbase(tx)).toBe(false);
      const e = errorOf(() => heightFromCoinbase(tx));
      expect(e.code).toBe('CHAIN_COINBASE_MALFORMED');
      expect(e.evidence).toEqual({ txid: 'cd'.repeat(32) });
      expect(e.message).toBe('the transaction is not a coinbase (one input spending the null outpoint)');
    }
    expect(isCoinbase(withInputs())).toBe(false);
  });
});
