import { Transaction } from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bip34ScriptSig } from '../../devnet/coinbase';
import { PERMISSIVE } from '../../devnet/tx';
import { bytesToHex, concatBytes, hexToBytes } from '../bytes';
import { bip34Prefix, heightFromCoinbase, isCoinbase } from './bip34';
import { parseTx } from './tx';

/** A coinbase whose scriptSig is `scriptSig` (one output), as real bytes. */
function coinbaseWith(scriptSig: Uint8Array, outputScript = hexToBytes(`0014${'ab'.repeat(20)}`)): Uint8Array {
  const tx = new Transaction({ ...PERMISSIVE, version: 2 });
  tx.addOutput({ script: outputScript, amount: 50_000n });
  tx.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0xffffffff, finalScriptSig: scriptSig });
  return tx.toBytes(true, true);
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
