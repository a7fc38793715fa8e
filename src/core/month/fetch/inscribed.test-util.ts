/** Transactions carrying drey/1 envelopes in a taproot script-path witness, built from bytes for the fetch layer's tests. */
import { Script } from '@scure/btc-signer';
import { utf8 } from '../../bytes';
import { parseTx, type ParsedTx } from '../../chain/tx';
import { CONTENT_TYPES, METAPROTOCOL } from '../../protocol/message';

/** A control block of 33 bytes (no sibling): the shortest a script-path spend has. */
export const CONTROL = Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 0xc0 : 0x02));

/** An ord envelope with the drey/1 metaprotocol tag carrying `body` (pushed in chunks of 520 bytes). */
export const envelopeScript = (body: Uint8Array, contentType: string = CONTENT_TYPES.message): Uint8Array => {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < body.length; i += 520) chunks.push(body.subarray(i, i + 520));
  return Script.encode(['OP_0', 'IF', utf8.encode('ord'), Uint8Array.of(1), utf8.encode(contentType), Uint8Array.of(7), utf8.encode(METAPROTOCOL), 'OP_0', ...chunks, 'ENDIF']);
};
const varint = (n: number): number[] => (n < 0xfd ? [n] : [0xfd, n & 0xff, n >> 8]);
const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

/** A one-input transaction whose witness is `witness` (paying one P2TR output); `salt` varies its txid. */
export function txWithWitness(witness: Uint8Array[], salt = 0): ParsedTx {
  const bytes = [
    ...le32(2), 0x00, 0x01, 1, ...new Array<number>(32).fill(0x11), ...le32(salt), 0, ...le32(0xffffffff),
    1, ...[0x4a, 0x01, 0, 0, 0, 0, 0, 0], 34, 0x51, 0x20, ...new Array<number>(32).fill(0x22),
    ...varint(witness.length), ...witness.flatMap((w) => [...varint(w.length), ...w]), ...le32(0),
  ];
  return parseTx(Uint8Array.from(bytes));
}

/** A transaction inscribing `body` in a script-path spend. */
export const inscribed = (body: Uint8Array, contentType?: string, salt = 0): ParsedTx => txWithWitness([new Uint8Array(64), envelopeScript(body, contentType), CONTROL], salt);
