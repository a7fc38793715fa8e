/** Block assembly and splitting: header ‖ CompactSize tx count ‖ txs; BIP141 witness commitment. */
import { concatBytes, fromDisplayHex, sha256d } from '../core/bytes';
import { ByteReader, ByteWriter } from './encoding';
import { merkleRoot } from './merkle';
import { parseDevTx, type DevTx } from './tx';

/** `OP_RETURN OP_PUSHBYTES_36 aa21a9ed` prefix of the BIP141 commitment output. */
export const WITNESS_COMMITMENT_PREFIX = Uint8Array.of(0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed);

export function serializeBlock(header: Uint8Array, txs: Uint8Array[]): Uint8Array {
  const w = new ByteWriter().bytes(header).varint(txs.length);
  for (const t of txs) w.bytes(t);
  return w.finish();
}

/** Length of the transaction that starts at `r.pos` (walks the wire format; throws RangeError if truncated). */
function skipTx(r: ByteReader): void {
  r.bytes(4);
  let count = r.varint();
  let segwit = false;
  if (count === 0) {
    if (r.u8() !== 1) throw new RangeError('bad segwit flag');
    segwit = true;
    count = r.varint();
  }
  const nIn = count;
  for (let i = 0; i < nIn; i++) {
    r.bytes(36);
    r.bytes(r.varint());
    r.bytes(4);
  }
  const nOut = r.varint();
  for (let i = 0; i < nOut; i++) {
    r.bytes(8);
    r.bytes(r.varint());
  }
  if (segwit) {
    for (let i = 0; i < nIn; i++) {
      const items = r.varint();
      for (let k = 0; k < items; k++) r.bytes(r.varint());
    }
  }
  r.bytes(4);
}

/** Split a raw block into its 80-byte header and raw transactions. */
export function splitBlock(raw: Uint8Array): { header: Uint8Array; txs: Uint8Array[] } {
  const r = new ByteReader(raw);
  const header = r.bytes(80);
  const n = r.varint();
  const txs: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const start = r.pos;
    skipTx(r);
    txs.push(raw.subarray(start, r.pos));
  }
  if (r.remaining !== 0) throw new RangeError('trailing bytes after block');
  return { header, txs };
}

export function txidRoot(txs: DevTx[]): Uint8Array {
  return merkleRoot(txs.map((t) => fromDisplayHex(t.txid, 'CHAIN_BAD_HEX', 'txid')));
}

/** BIP141: sha256d(witness root ‖ reserved value); the coinbase's wtxid counts as 32 zero bytes. */
export function witnessCommitment(txs: DevTx[], reserved: Uint8Array): Uint8Array {
  const leaves = txs.map((t, i) => (i === 0 ? new Uint8Array(32) : fromDisplayHex(t.wtxid, 'CHAIN_BAD_HEX', 'wtxid')));
  return sha256d(concatBytes(merkleRoot(leaves), reserved));
}

export function parseBlockTxs(raw: Uint8Array): { header: Uint8Array; txs: DevTx[] } {
  const { header, txs } = splitBlock(raw);
  return { header, txs: txs.map((t) => parseDevTx(Uint8Array.from(t))) };
}
