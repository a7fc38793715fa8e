/**
 * Files taken by their hash (docs/protocol.md §2.4): a file a verified, signed message names by inscription id and
 * SHA-256 is authentic by that hash, whatever a host serves around it. Read here from a transaction fetched by txid:
 * the named drey/1 envelope of a script-path spend, its body and tags as served. Whether the body hashes as named is
 * checked where a message's reference is read (table-refs.ts), against the verified message.
 */
import type { ParsedTx } from '../chain/tx';
import { VerifyError } from '../errors';
import { inscriptionsFromTx } from '../inscription';
import { controlBlockOf } from '../inscription/tapscript';
import { METAPROTOCOL } from '../protocol/message';
import type { ObjectRecord } from './records';

/** Whether a witness is shaped as a tapscript leaf spend: a leaf script, then a control block of leaf version 0xc0. */
export function isScriptPathWitness(witness: readonly Uint8Array[]): boolean {
  const control = controlBlockOf(witness);
  return control !== undefined && (control[0]! & 0xfe) === 0xc0;
}

/**
 * The files `ids` of a transaction: each a drey/1 envelope with a body, in an input whose witness is a script-path
 * spend; `unreadable` lists the ids the transaction does not carry so (a host's witness, or the signer's fault, which
 * only the bound reveal can tell apart).
 */
export function objectRecords(tx: ParsedTx, ids: readonly string[]): { records: ObjectRecord[]; unreadable: string[] } {
  let inscriptions: ReturnType<typeof inscriptionsFromTx>['inscriptions'] = [];
  try {
    inscriptions = inscriptionsFromTx(tx.bytes, { expectedTxid: tx.txid }).inscriptions;
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
  }
  const records: ObjectRecord[] = [];
  const unreadable: string[] = [];
  for (const id of ids) {
    const ins = inscriptions.find((x) => x.id === id);
    const witness = ins ? tx.inputs[ins.input]?.witness : undefined;
    if (!ins || ins.metaprotocol !== METAPROTOCOL || ins.body === null || ins.bodySha256 === null || !witness || !isScriptPathWitness(witness)) {
      unreadable.push(id);
      continue;
    }
    records.push({
      id, txid: tx.txid, index: Number(id.slice(65)), contentType: ins.contentType, metaprotocol: ins.metaprotocol,
      body: ins.body, bodySha256: ins.bodySha256, found: 'ref', bound: 'sha256',
    });
  }
  return { records, unreadable };
}
