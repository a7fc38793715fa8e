import { describe, expect, it } from 'vitest';
import { bytesToHex, sha256, utf8 } from '../bytes';
import { CONTENT_TYPES } from '../protocol/message';
import { CONTROL, envelopeScript, inscribed, txWithWitness } from './fetch/inscribed.test-util';
import { isScriptPathWitness, objectRecords } from './objects';

const body = utf8.encode('a file named by its hash');
const other = (first: number, length = 33) => Uint8Array.from({ length }, (_, i) => (i === 0 ? first : 2));

describe('the witness shape a file taken by its hash must sit in', () => {
  it('a leaf script and a control block of leaf version 0xc0 (either parity, any depth, an annex aside)', () => {
    expect(isScriptPathWitness([new Uint8Array(64), new Uint8Array(40), CONTROL])).toBe(true);
    expect(isScriptPathWitness([new Uint8Array(40), other(0xc1, 65)])).toBe(true);
    expect(isScriptPathWitness([new Uint8Array(40), CONTROL, Uint8Array.of(0x50, 7)])).toBe(true);
  });
  it('not another leaf version, a control block of another length, a key-path spend or an annex with nothing before it', () => {
    expect(isScriptPathWitness([new Uint8Array(40), other(0xc2)])).toBe(false);
    expect(isScriptPathWitness([new Uint8Array(40), other(0xc0, 34)])).toBe(false);
    expect(isScriptPathWitness([new Uint8Array(40), other(0xc0, 32)])).toBe(false);
    expect(isScriptPathWitness([new Uint8Array(40), other(0xc0, 33 + 32 * 129)])).toBe(false);
    expect(isScriptPathWitness([new Uint8Array(64)])).toBe(false);
    expect(isScriptPathWitness([CONTROL, Uint8Array.of(0x50)])).toBe(false);
    expect(isScriptPathWitness([])).toBe(false);
  });
});

describe('the files of a transaction fetched by txid', () => {
  const tx = inscribed(body, CONTENT_TYPES.table);
  const id = `${tx.txid}i0`;

  it('a drey/1 envelope in a script-path spend is read with its body, hash and tags, taken by hash, not bound', () => {
    const { records, unreadable } = objectRecords(tx, [id]);
    expect(unreadable).toEqual([]);
    expect(records).toEqual([{
      id, txid: tx.txid, index: 0, contentType: CONTENT_TYPES.table, metaprotocol: 'drey/1', body, bodySha256: bytesToHex(sha256(body)), found: 'ref', bound: 'sha256',
    }]);
  });

  it('an id the transaction does not carry, or carries outside a script-path spend, is unreadable', () => {
    expect(objectRecords(tx, [`${tx.txid}i1`])).toEqual({ records: [], unreadable: [`${tx.txid}i1`] });
    const p2wsh = txWithWitness([new Uint8Array(64), envelopeScript(body), new Uint8Array(20)]);
    expect(objectRecords(p2wsh, [`${p2wsh.txid}i0`])).toEqual({ records: [], unreadable: [`${p2wsh.txid}i0`] });
    const records = objectRecords(tx, [`${tx.txid}i1`, id]);
    expect(records.unreadable).toEqual([`${tx.txid}i1`]);
    expect(records.records.map((r) => r.id)).toEqual([id]);
  });

  it('an envelope of another metaprotocol is unreadable', () => {
    const ord = txWithWitness([new Uint8Array(64), envelopeScript(body).map((b, i, a) => (i > 0 && a[i - 1] === 6 && b === 0x64 ? 0x65 : b)), CONTROL]);
    expect(objectRecords(ord, [`${ord.txid}i0`]).unreadable).toEqual([`${ord.txid}i0`]);
  });

  it('a transaction whose envelopes do not parse carries no file', () => {
    const broken = { ...tx, bytes: tx.bytes.subarray(0, 20) };
    expect(objectRecords(broken, [id])).toEqual({ records: [], unreadable: [id] });
  });
});
