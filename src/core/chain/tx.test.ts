import { describe, expect, it } from 'vitest';
import { Transaction } from '@scure/btc-signer';
import { bytesToHex, hexToBytes, sha256d } from '../bytes';
import mainnet from '../../../vectors/esplora/esplora-mainnet-block-696394.json';
import testnet3 from '../../../vectors/esplora/esplora-testnet3-block-2582756.json';
import { errorOf } from '../errors.test-util';
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

  it('reads what scure (an independent parser) reads, also where scure\'s defaults refuse the transaction', () => {
    const options = { allowUnknownOutputs: true, allowUnknownInputs: true, allowUnknownVersion: true, disableScriptCheck: true };
    const refusedByDefault = allRaw.filter((t) => {
      try { Transaction.fromRaw(hexToBytes(t.hex)); return false; } catch { return true; }
    });
    expect(refusedByDefault.length).toBeGreaterThan(0);
    for (const t of allRaw) {
      const ours = parseTx(t.hex);
      const theirs = Transaction.fromRaw(hexToBytes(t.hex), options);
      expect(ours.txid).toBe(theirs.id);
      expect(bytesToHex(theirs.toBytes(true, true))).toBe(t.hex);
      expect(ours.inputs.map((i) => [i.txid, i.vout, i.sequence, bytesToHex(i.scriptSig), i.witness.map(bytesToHex)])).toEqual(
        Array.from({ length: theirs.inputsLength }, (_, k) => theirs.getInput(k)).map((i) => [bytesToHex(i.txid!), i.index, i.sequence, bytesToHex(i.finalScriptSig ?? new Uint8Array(0)), (i.finalScriptWitness ?? []).map(bytesToHex)]),
      );
      expect(ours.outputs.map((o) => [bytesToHex(o.script), o.amount])).toEqual(Array.from({ length: theirs.outputsLength }, (_, k) => theirs.getOutput(k)).map((o) => [bytesToHex(o.script!), o.amount]));
    }
  });

  it('refuses every truncation of a real transaction', () => {
    for (const t of [mainnet.txs[1]!, mainnet.txs[2]!]) {
      const b = hexToBytes(t.hex);
      for (let n = 0; n < b.length; n++) expect(() => parseTx(b.subarray(0, n)), `first ${n} bytes`).toThrow(code('CHAIN_TX_MALFORMED'));
    }
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

// version | 1 input (outpoint, empty scriptSig, sequence) | outputs | locktime
const VERSION = '02000000';
const INPUT = '01' + '11'.repeat(32) + '00000000' + '00' + 'ffffffff';
const OUTPUT = '01' + '0000000000000000' + '05' + '51'.repeat(5);

describe('parseTx: errors and their evidence', () => {
  it('bytes that do not parse name the transaction and give their length', () => {
    const e = errorOf(() => parseTx(VERSION + INPUT));
    expect(e.code).toBe('CHAIN_TX_MALFORMED');
    expect(e.evidence).toEqual({ offset: 46, length: 46, reason: 'INSCRIPTION_TX_TRUNCATED' });
    expect(e.message).toBe('transaction does not parse: transaction ends inside output count');
    expect(errorOf(() => parseTx('xyz')).message).toMatch(/transaction/);
  });

  it('a transaction without outputs is refused with the counts', () => {
    const e = errorOf(() => parseTx(VERSION + INPUT + '00' + '00000000'));
    expect(e.code).toBe('CHAIN_TX_MALFORMED');
    expect(e.evidence).toEqual({ inputs: 1, outputs: 0 });
    expect(e.message).not.toBe('');
  });

  it('a transaction without inputs is refused: an input count of 0 is the segwit marker, which needs flag 1', () => {
    const e = errorOf(() => parseTx(VERSION + '00' + '00' + '00000000'));
    expect(e.code).toBe('CHAIN_TX_MALFORMED');
    expect(e.evidence).toEqual({ offset: 6, length: 10, reason: 'INSCRIPTION_TX_BAD_SEGWIT_FLAG' });
    const noInputs = errorOf(() => parseTx(VERSION + '0001' + '00' + OUTPUT + '00000000'));
    expect(noInputs.code).toBe('CHAIN_TX_MALFORMED');
    expect(noInputs.evidence).toEqual({ inputs: 0, outputs: 1 });
  });

  it('a 64-byte transaction gives its txid', () => {
    const hex = VERSION + INPUT + '01' + '0000000000000000' + '04' + '51'.repeat(4) + '00000000';
    const e = errorOf(() => parseTx(hex));
    expect(e.code).toBe('CHAIN_TX_64_BYTES');
    expect(e.evidence).toEqual({ txid: bytesToHex(sha256d(hexToBytes(hex)).reverse()) });
    expect(e.message).not.toBe('');
  });

  it('a 64-byte stripped size with a witness is refused too (the txid is what could pose as a node)', () => {
    const hex = VERSION + '0001' + INPUT + '01' + '0000000000000000' + '04' + '51'.repeat(4) + '01' + '01' + 'aa' + '00000000';
    expect(errorOf(() => parseTx(hex)).code).toBe('CHAIN_TX_64_BYTES');
  });

  it('a transaction of 65 bytes parses with its counts and sizes', () => {
    const tx = parseTx(VERSION + INPUT + OUTPUT + '00000000');
    expect(tx).toMatchObject({ version: 2, locktime: 0, hasWitness: false, strippedSize: 65, weight: 260 });
    expect(tx.inputs).toEqual([{ txid: '11'.repeat(32), vout: 0, sequence: 0xffffffff, scriptSig: new Uint8Array(0), witness: [] }]);
  });
});

describe('when the bytes are not the canonical serialization', () => {
  const one = VERSION + INPUT + OUTPUT + '00000000';
  const segwit = (witness: string) => VERSION + '0001' + INPUT + OUTPUT + witness + '00000000';
  const refusal = (hex: string) => errorOf(() => parseTx(hex));

  it('a witness section in which no input has a witness is refused (it would serialize without one)', () => {
    expect(parseTx(segwit('01' + '01' + 'aa')).hasWitness).toBe(true);
    const e = refusal(segwit('00'));
    expect(e.code).toBe('CHAIN_TX_MALFORMED');
    expect(e.message).toBe('transaction does not parse: segwit flag set but no witness present');
  });

  it('a flag other than 1 after the marker is refused', () => {
    const e = refusal(VERSION + '0002' + INPUT.slice(0) + OUTPUT + '01' + '01' + 'aa' + '00000000');
    expect(e.code).toBe('CHAIN_TX_MALFORMED');
    expect(e.evidence).toEqual({ offset: 6, length: 70, reason: 'INSCRIPTION_TX_BAD_SEGWIT_FLAG' });
  });

  it('a size that is not in its shortest encoding is refused, in every width', () => {
    const script = (prefix: string) => VERSION + INPUT + '01' + '0000000000000000' + prefix + '51'.repeat(5) + '00000000';
    expect(parseTx(script('05')).outputs[0]!.script.length).toBe(5);
    for (const prefix of ['fd0500', 'fe05000000', 'ff0500000000000000']) {
      const e = refusal(script(prefix));
      expect(e.code, prefix).toBe('CHAIN_TX_MALFORMED');
      expect(e.evidence.reason, prefix).toBe('INSCRIPTION_TX_NONCANONICAL_VARINT');
    }
    expect(refusal(segwit('01' + 'fd0100' + 'aa')).message).toMatch(/non-minimal CompactSize for witness item length/);
  });

  it('a count or size beyond what the bytes can hold is refused before anything is read for it', () => {
    expect(refusal(VERSION + 'fd' + 'ffff' + INPUT.slice(2) + OUTPUT + '00000000').message).toMatch(/input count 65535 exceeds the remaining bytes/);
    expect(refusal(VERSION + INPUT + 'ff' + 'ffffffffffffff7f' + '00000000').message).toMatch(/output count \d+ exceeds the remaining bytes/);
    expect(refusal(VERSION + INPUT + '01' + '0000000000000000' + 'fe' + 'ffffff00' + '00000000').message).toMatch(/ends inside scriptPubKey/);
    expect(refusal(segwit('fe' + 'ffffff00')).message).toMatch(/witness item count \d+ exceeds the remaining bytes/);
  });

  it('bytes after the lock time are refused, with where they start', () => {
    const e = refusal(one + '00');
    expect(e.evidence).toEqual({ offset: 65, length: 66, reason: 'INSCRIPTION_TX_TRAILING_DATA' });
  });

  it('the amount is read as 64 bits, up to the largest', () => {
    const tx = parseTx(VERSION + INPUT + '01' + 'ffffffffffffffff' + '05' + '51'.repeat(5) + '00000000');
    expect(tx.outputs[0]!.amount).toBe(2n ** 64n - 1n);
    expect(parseTx(VERSION + INPUT + '01' + '0100000002000000' + '05' + '51'.repeat(5) + '00000000').outputs[0]!.amount).toBe(2n ** 33n + 1n);
  });
});

describe('parseTxWithId: evidence', () => {
  it('gives the requested and computed txids and keeps the caller\'s evidence', () => {
    const e = errorOf(() => parseTxWithId(mainnet.txs[1]!.hex, mainnet.txs[2]!.txid, { height: 696394 }));
    expect(e.code).toBe('CHAIN_TXID_MISMATCH');
    expect(e.evidence).toEqual({ height: 696394, requested: mainnet.txs[2]!.txid, computed: mainnet.txs[1]!.txid });
    expect(e.message).not.toBe('');
  });
});
