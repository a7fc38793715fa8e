/** The verified chain tip: the tip header re-hashed and its proof of work checked, its hash cross-checked across hosts. */
import { verifyPow } from './chain/header';
import { crossCheckBlockHash } from './esplora/cross-check';
import type { EsploraClient } from './esplora/client';
import { VerifyError } from './errors';

export interface TipReport {
  network: string;
  height: number;
  hash: string;
  time: number;
  bits: string;
  /** Hosts whose answer for the block at `height` equals `hash`. */
  agreeingHosts: string[];
  unreachableHosts: { host: string; code: string; message: string }[];
}

export async function verifyChainTip(client: EsploraClient): Promise<TipReport> {
  const height = await client.fetchTipHeight();
  const hash = await client.fetchBlockHash(height);
  const header = await client.fetchHeader(hash);
  verifyPow(header, client.network);
  if (height > 0) {
    // The header names its parent: the parent must be the best-chain block one below on this host too.
    const parent = await client.fetchBlockHash(height - 1);
    if (parent !== header.prevHash) {
      throw new VerifyError('CHAIN_LINKAGE', 'the tip header does not link to the block the host names at height − 1', { height, prevHash: header.prevHash, servedParent: parent });
    }
  }
  const cross = await crossCheckBlockHash(client, height, hash, 1);
  return {
    network: client.network.name,
    height,
    hash,
    time: header.time,
    bits: `0x${header.bits.toString(16).padStart(8, '0')}`,
    agreeingHosts: cross.agreeing,
    unreachableHosts: cross.unreachable,
  };
}
