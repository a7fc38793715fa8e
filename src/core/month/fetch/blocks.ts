/**
 * Blocks the month refers to, settled across hosts (esplora/block-at-height): every live host names the hash at a
 * height, each named block must come with a header that re-hashes to it and meets its proof of work, and with the
 * proof that it is at that height (BIP34: the coinbase, from the block's txid list, and its Merkle branch). A host
 * naming a block it cannot show, or a real block at the wrong height, is caught lying. One proven block is the
 * answer; two are a disagreement.
 */
import { rethrowUnlessFetchFailure } from '../../errors';
import { heightProver, settleBlockAtHeight } from '../../esplora/block-at-height';
import type { BlockSource } from '../records';
import type { MonthClient } from './month-client';

/** The settled block at `height`: its hash, header, height proof and what the hosts still trusted name there; or why it could not be. */
export async function fetchBlock(client: MonthClient, height: number): Promise<BlockSource> {
  try {
    const b = await settleBlockAtHeight(client, height, heightProver(client));
    const live = new Set(client.liveHosts());
    const hosts = Object.fromEntries(Object.entries(b.hosts).filter(([h]) => live.has(h)));
    return { height, hash: b.hash, header: b.header, ...(b.heightProof ? { heightProof: b.heightProof } : {}), hosts };
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    const hosts = (e.evidence.hosts ?? {}) as Record<string, string>;
    return { height, hash: '', hosts, error: { code: e.code, message: e.message } };
  }
}
