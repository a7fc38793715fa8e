/**
 * Reveal transactions with what binds them: a Merkle proof of inclusion and the transactions their envelope inputs
 * spend (for the BIP341 binding). The wanted reveals of one block share its txid list, which the block's height
 * proof (BIP34: the coinbase is its first entry) needs anyway.
 */
import { merkleProofFromTxids, rootFromMerkleProof, type MerkleProof } from '../../chain/merkle';
import type { ParsedTx } from '../../chain/tx';
import { rethrowUnlessFetchFailure, VerifyError } from '../../errors';
import { envelopesFromWitness } from '../../inscription';
import type { BlockSource, FetchFailure, RevealSource } from '../records';
import { confirmedAt, type ConfirmedAt, type MarkerListing } from './listings';
import { bindingCheck, merkleCheck } from './host-checks';
import type { MonthClient } from './month-client';

/** Inputs whose witness carries an envelope: the spent outputs the BIP341 binding needs. */
function envelopeInputs(tx: ParsedTx): number[] {
  const out: number[] = [];
  tx.inputs.forEach((input, i) => {
    if (envelopesFromWitness(input.witness, i).length > 0) out.push(i);
  });
  return out;
}

/**
 * Merkle branches built from verified block txid lists, one request per block that holds any of `txids` — the same
 * list names the block's coinbase for its height proof (esplora/block-at-height `heightProver`), so it costs nothing
 * more. A host's failure falls back to one merkle-proof request per transaction.
 */
export async function branchesFromBlocks(client: MonthClient, txids: Iterable<string>, listings: readonly MarkerListing[]): Promise<Map<string, MerkleProof>> {
  const byBlock = new Map<string, { at: ConfirmedAt; txids: string[] }>();
  for (const txid of txids) {
    const at = confirmedAt(listings, txid);
    if (!at) continue;
    const key = `${at.height}:${at.hash}`;
    byBlock.set(key, { at, txids: [...(byBlock.get(key)?.txids ?? []), txid] });
  }
  const branches = new Map<string, MerkleProof>();
  await Promise.all([...byBlock.values()].map(async ({ at, txids: wanted }) => {
    try {
      const all = await client.fetchBlockTxids(at.hash);
      for (const t of wanted) {
        const pos = all.indexOf(t);
        if (pos >= 0) branches.set(t, { block_height: at.height, merkle: merkleProofFromTxids(all, pos), pos });
      }
    } catch (e) {
      rethrowUnlessFetchFailure(e);
    }
  }));
  return branches;
}

/**
 * One reveal: its transaction (bound to its commitments: a host whose witness does not bind is refuted by another's),
 * its Merkle proof (a prepared branch, or asked for) and its spent transactions.
 */
export async function fetchReveal(
  client: MonthClient, txid: string, found: RevealSource['found'], branch: MerkleProof | undefined,
): Promise<RevealSource | FetchFailure> {
  try {
    const tx = await client.fetchTx(txid, { check: bindingCheck(client) });
    const spentTxids = [...new Set(envelopeInputs(tx).flatMap((i) => tx.inputs[i]?.txid ?? []))];
    const [proof, ...spentTxs] = await Promise.all([branch ?? client.fetchMerkleProof(txid), ...spentTxids.map((t) => client.fetchTx(t))] as const);
    const spent: Record<string, ParsedTx> = {};
    for (const s of spentTxs as ParsedTx[]) spent[s.txid] = s;
    return { tx, proof: proof as MerkleProof, spent, found };
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    return { txid, code: e.code, message: e.message };
  }
}

/** Whether a branch leads to a Merkle root (a malformed branch does not). */
export function branchLeadsTo(txid: string, proof: MerkleProof, merkleRoot: string): boolean {
  try {
    return rootFromMerkleProof(txid, proof.merkle, proof.pos) === merkleRoot;
  } catch (e) {
    if (e instanceof VerifyError) return false;
    throw e;
  }
}

/**
 * A Merkle branch names no block hash: a fetched reveal whose branch does not lead to its settled block's header is
 * asked for again with that check on every host's answer, and the host that gave the failing branch is named once
 * another's passes (when none does, the first answer stands and the inscriptions step reports it). Returns the
 * reveals whose proof changed.
 */
export async function refreshedProofs(
  client: MonthClient, reveals: Readonly<Record<string, RevealSource>>, blockAt: (height: number) => Promise<BlockSource>, reused: ReadonlySet<string>,
): Promise<Record<string, RevealSource>> {
  const fresh = await Promise.all(Object.entries(reveals).map(async ([txid, r]): Promise<[string, RevealSource] | undefined> => {
    const header = (await blockAt(r.proof.block_height)).header;
    if (reused.has(txid) || !header || branchLeadsTo(txid, r.proof, header.merkleRoot)) return undefined;
    const earlier = client.sourceOf(r.proof);
    try {
      const proof = await client.fetchMerkleProof(txid, { fresh: true, check: merkleCheck(txid, blockAt) });
      const now = client.sourceOf(proof);
      if (earlier && earlier !== now) {
        client.blame(earlier, { code: 'CHAIN_MERKLE_ROOT_MISMATCH', message: `its Merkle branch for ${txid} does not lead to the block at height ${r.proof.block_height}`, path: `/tx/${txid}/merkle-proof`, evidence: { txid, pos: r.proof.pos, height: r.proof.block_height, ...(now ? { contradictedBy: now } : {}) } });
      }
      return [txid, { ...r, proof }];
    } catch (e) {
      rethrowUnlessFetchFailure(e);
      return undefined;
    }
  }));
  return Object.fromEntries(fresh.filter((x) => x !== undefined));
}
