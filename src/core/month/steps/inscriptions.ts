/**
 * Step "inscriptions": each reveal is in a verified block (Merkle proof → position) and each drey/1 envelope's witness
 * is bound to the commit output it spends (BIP341), so neither a transaction nor a witness can be swapped by a host.
 * An envelope in a witness that spends no P2TR output is no protocol inscription (docs/protocol.md §2.5): anyone can
 * write one, nothing ties it to a taproot commitment, so it is listed as ignored, never a failure.
 */
import { failed, passed, type Check } from '../../check';
import { verifyMerkleProof } from '../../chain/merkle';
import { verifyRevealBinding } from '../../chain/taproot';
import { VerifyError } from '../../errors';
import { inscriptionsFromTx } from '../../inscription';
import { METAPROTOCOL } from '../../protocol/message';
import { objectRecords } from '../objects';
import type { FetchFailure, FileRecord, InscriptionRecord, ObjectRecord, ObjectSource, RevealSource } from '../records';
import type { StepResult } from '../step-result';
import type { VerifiedBlock } from './headers';

/** A drey/1 envelope left out: not in a P2TR script-path spend. */
export interface IgnoredEnvelope {
  id: string;
  code: 'INSCRIPTION_NOT_TAPROOT';
  message: string;
}

/** Whether an output script is P2TR, `OP_1 <32 bytes>`. */
const isP2tr = (script: Uint8Array): boolean => script.length === 34 && script[0] === 0x51 && script[1] === 0x20;

/**
 * The bound drey/1 inscriptions of one reveal (none when it carries no drey/1 envelope); envelopes whose input spends
 * no P2TR output are returned as ignored.
 */
export function recordsFromReveal(source: RevealSource, blocks: ReadonlyMap<number, VerifiedBlock>, ignored: IgnoredEnvelope[] = []): InscriptionRecord[] {
  const { tx, proof } = source;
  const block = blocks.get(proof.block_height);
  if (!block) {
    throw new VerifyError('CHAIN_BLOCK_UNVERIFIED', `reveal ${tx.txid} claims height ${proof.block_height}, whose block did not verify`, { txid: tx.txid, height: proof.block_height });
  }
  const position = verifyMerkleProof(tx.txid, proof, block.header);
  const records: InscriptionRecord[] = [];
  for (const ins of inscriptionsFromTx(tx.bytes, { expectedTxid: tx.txid }).inscriptions) {
    if (ins.metaprotocol !== METAPROTOCOL || ins.body === null || ins.bodySha256 === null) continue;
    const input = tx.inputs[ins.input];
    const commit = input && source.spent[input.txid];
    if (!commit) {
      throw new VerifyError('CHAIN_TAPROOT_PREVOUT_MISMATCH', `the transaction spent by input ${ins.input} was not fetched`, { txid: tx.txid, input: ins.input, spends: input?.txid ?? null });
    }
    const spentOutput = commit.outputs[input.vout];
    if (spentOutput && !isP2tr(spentOutput.script)) {
      ignored.push({ id: ins.id, code: 'INSCRIPTION_NOT_TAPROOT', message: `its envelope sits in a witness spending ${input.txid}:${input.vout}, which is not a P2TR output` });
      continue;
    }
    const binding = verifyRevealBinding(tx, ins.input, commit);
    records.push({
      id: ins.id, txid: tx.txid, index: Number(ins.id.slice(65)), height: block.height, blockHash: block.hash, position,
      contentType: ins.contentType, metaprotocol: ins.metaprotocol, body: ins.body, bodySha256: ins.bodySha256,
      found: source.found, bound: true, commitTxid: binding.commitTxid,
    });
  }
  return records;
}

export interface InscriptionsInput {
  reveals: Readonly<Record<string, RevealSource>>;
  blocks: ReadonlyMap<number, VerifiedBlock>;
  /** What the fetch layer could not obtain: a failed check each. */
  failures: readonly FetchFailure[];
}

/** Every reveal one check; failures to fetch are checks too. Returns the bound inscriptions by id. */
export function verifyInscriptions({ reveals, blocks, failures }: InscriptionsInput): StepResult<Map<string, InscriptionRecord>> {
  const checks: Check[] = failures.map((f) => failed('fetch', new VerifyError(f.code.startsWith('FETCH_') || f.code.startsWith('CHAIN_') ? f.code : 'FETCH_FAILED', `transaction ${f.txid}: ${f.message}`, { txid: f.txid })));
  const records = new Map<string, InscriptionRecord>();
  for (const source of Object.values(reveals).sort((a, b) => a.proof.block_height - b.proof.block_height || a.proof.pos - b.proof.pos)) {
    try {
      const ignored: IgnoredEnvelope[] = [];
      const found = recordsFromReveal(source, blocks, ignored);
      for (const x of ignored) checks.push(passed('inscriptions', `ignored ${x.id}: ${x.message}`, { id: x.id, txid: source.tx.txid, ignored: x.code }));
      const [r0] = found;
      if (!r0) continue; // Anyone may pay a marker: a transaction without drey/1 envelopes is not ours.
      for (const r of found) records.set(r.id, r);
      checks.push(passed('inscriptions', `${found.length} inscription(s) of ${source.tx.txid} included at ${r0.height}:${r0.position} and bound to their commit output`, {
        txid: source.tx.txid, height: r0.height, position: r0.position, blockHash: r0.blockHash, ids: found.map((r) => r.id), commitTxid: r0.commitTxid,
      }));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      e.evidence.txid ??= source.tx.txid;
      checks.push(failed('inscriptions', e));
    }
  }
  return { checks, value: records };
}

/**
 * Quick depth: the files taken by the SHA-256 their signed messages name (docs/protocol.md §2.4), one check per
 * transaction; no block or commit binding, so no height. A transaction that does not carry a file it was fetched for
 * as a drey/1 envelope of a script-path spend is what a host served: unavailable (FETCH_BAD_BODY), never a rejection
 * (the fetch layer binds such a reveal instead, so only the bound reveal can show the signer's fault).
 */
export function verifyObjects(objects: Readonly<Record<string, ObjectSource>>): StepResult<Map<string, ObjectRecord>> {
  const checks: Check[] = [];
  const records = new Map<string, ObjectRecord>();
  for (const [txid, source] of Object.entries(objects)) {
    const { records: found, unreadable } = objectRecords(source.tx, source.ids);
    for (const r of found) records.set(r.id, r);
    if (unreadable.length > 0) {
      checks.push(failed('inscriptions', new VerifyError('FETCH_BAD_BODY', `transaction ${txid} as served carries no drey/1 envelope ${unreadable.join(', ')} in a script-path spend`, { txid, ids: unreadable })));
    } else {
      checks.push(passed('inscriptions', `${found.length} file(s) of ${txid} read, each to be taken by the SHA-256 its signed message names (no block or commit binding needed)`, { txid, ids: found.map((r) => r.id), byHash: true }));
    }
  }
  return { checks, value: records };
}

/** The files a month reads: its bound inscriptions, and the files taken by hash that no bound inscription stands for. */
export function withObjects(records: ReadonlyMap<string, InscriptionRecord>, objects: ReadonlyMap<string, ObjectRecord> = new Map()): Map<string, FileRecord> {
  const files = new Map<string, FileRecord>(records);
  for (const [id, r] of objects) if (!files.has(id)) files.set(id, r);
  return files;
}
