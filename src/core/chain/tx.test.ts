import { describe, expect, it } from 'vitest';
import { Transaction } from '@scure/btc-signer';
import { bytesToHex, hexToBytes } from '../bytes';
import mainnet from '../../../vectors/esplora/esplora-mainnet-block-696394.json';
import testnet3 from '../../../vectors/esplora/esplora-testnet3-block-2582756.json';
import { parseTx, parseTxWithId } from './tx';

const inscriptionFiles = import.meta.glob<{ txid: string; hex: string }>('../../../vectors/inscriptions/*.json', { eager: true, import: 'default' });
const code = (c: string) => expect.objectContaining({ code: c });

interface TxJson { txid: string; version: number; locktime: number; size: number; weight: number; vin: { txid: string; vout: number; sequence: number; scriptsig: string; witness?: string[] }[]; vout: { scriptpubkey: string; value: number }[] }
const withJson: { hex: string; txJson: TxJson }[] = [...mainnet.txs, ...testnet3.txs] as never;
const allRaw = [
  ...withJson.map((t) => ({ txid: t.txJson.txid, hex: t.hex })),
  ...mainnet.servedMerkleProofs.map((t) => ({ txid: t.txid, hex: t.hex })),
  ...Object.values(inscriptionFiles).map((v) => ({ txid: v.txid, hex: v.hex })),
];

describe('parseTx on every real transaction in the vectors', () => {
  it(`parses all ${allRaw.length} and recomputes each txid`, () => {
    expect(allRaw.length).toBe(14);
    for (const t of allRaw) expect(parseTx(t.hex).txid).toBe(t.txid);
  });

  it('agrees with the served /tx JSON: version, locktime, size, weight, inputs (display-order txids), witness, outputs', () => {
    for (const { hex, txJson } of withJson) {
      const tx = parseTx(hex);
      expect(tx.version).toBe(txJson.version);
      expect(tx.locktime).toBe(txJson.locktime);
      expect(tx.bytes.length).toBe(txJson.size);
      expect(tx.weight).toBe(txJson.weight);
      expect(tx.inputs.map((i) => [i.txid, i.vout, i.sequence, bytesToHex(i.scriptSig), i.witness.map(bytesToHex)]))
        .toEqual(txJson.vin.map((i) => [i.txid, i.vout, i.sequence, i.scriptsig, i.witness ?? []]));
      expect(tx.outputs.map((o) => [bytesToHex(o.script), o.amount])).toEqual(txJson.vout.map((o) => [o.scriptpubkey, BigInt(o.value)]));
    }
  });

  it('gives a segwit transaction a wtxid different from its txid, and a legacy one the same', () => {
    const segwit = parseTx(mainnet.txs[1]!.hex);
    const legacy = parseTx(mainnet.txs[2]!.hex);
    expect(segwit.hasWitness).toBe(true);
    expect(segwit.wtxid).not.toBe(segwit.txid);
    expect(legacy.hasWitness).toBe(false);
    expect(legacy.wtxid).toBe(legacy.txid);
  });

  it('needs the permissive options: scure\'s defaults refuse at least one of these real transactions', () => {
    const refused = allRaw.filter((t) => {
      try { Transaction.fromRaw(hexToBytes(t.hex)); return false; } catch { return true; }
    });
    expect(refused.length).toBeGreaterThan(0);
  });
});

describe('when the bytes are not a canonical transaction', () => {
  const hex = mainnet.txs[2]!.hex;
  it('rejects trailing bytes', () => expect(() => parseTx(hex + '00')).toThrow(code('CHAIN_TX_MALFORMED')));
  it('rejects truncation', () => expect(() => parseTx(hex.slice(0, -2))).toThrow(code('CHAIN_TX_MALFORMED')));
  it('rejects non-hex and odd-length hex', () => {
    expect(() => parseTx(hex.slice(0, -1))).toThrow(code('CHAIN_TX_MALFORMED'));
    expect(() => parseTx('xx')).toThrow(code('CHAIN_TX_MALFORMED'));
  });
  it('rejects empty input', () => expect(() => parseTx('')).toThrow(code('CHAIN_TX_MALFORMED')));
  it('rejects a non-minimal input count (0xfd 0x0100 for 1)', () => {
    const b = hexToBytes(hex);
    const patched = new Uint8Array([...b.subarray(0, 4), 0xfd, 0x01, 0x00, ...b.subarray(5)]);
    expect(() => parseTx(patched)).toThrow(code('CHAIN_TX_MALFORMED'));
  });
});

describe('when the transaction is 64 bytes without witness (CVE-2017-12842)', () => {
  it('is refused: its txid could pose as an inner Merkle node', () => {
    // version | 1 input (36-byte outpoint, empty scriptSig, sequence) | 1 output (value, n-byte script) | locktime
    const tx = (n: number) => '02000000' + '01' + '11'.repeat(32) + '00000000' + '00' + 'ffffffff' + '01' + '0000000000000000' + n.toString(16).padStart(2, '0') + '51'.repeat(n) + '00000000';
    expect(tx(4).length / 2).toBe(64);
    expect(() => parseTx(tx(4))).toThrow(code('CHAIN_TX_64_BYTES'));
  });
  it('accepts 63 and 65 bytes', () => {
    const tx = (n: number) => '02000000' + '01' + '11'.repeat(32) + '00000000' + '00' + 'ffffffff' + '01' + '0000000000000000' + n.toString(16).padStart(2, '0') + '51'.repeat(n) + '00000000';
    expect(parseTx(tx(3)).strippedSize).toBe(63);
    expect(parseTx(tx(5)).strippedSize).toBe(65);
  });
});

describe('parseTxWithId', () => {
  it('rejects bytes of another transaction served under a txid', () => {
    expect(() => parseTxWithId(mainnet.txs[1]!.hex, mainnet.txs[2]!.txid)).toThrow(code('CHAIN_TXID_MISMATCH'));
  });
  it('accepts the matching bytes, case-insensitively', () => {
    expect(parseTxWithId(mainnet.txs[1]!.hex, mainnet.txs[1]!.txid.toUpperCase()).txid).toBe(mainnet.txs[1]!.txid);
  });
});
