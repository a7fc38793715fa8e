/**
 * The block at a height, settled across hosts: every live host names a hash; each distinct hash must come with a
 * header that re-hashes to it and meets its proof of work, and, when the caller asks for it (`prove`), with the proof
 * that the block is at that height (BIP34: its coinbase, leaf 0 of its Merkle tree, starts with the height). A host
 * naming a block it cannot show, or a real block at a height the block contradicts, is caught lying; one proven block
 * is the answer; two proven blocks at one height (a fork, or a host mining its own) cannot be decided here and the
 * question is unavailable (FETCH_HOSTS_DISAGREE), never a verdict.
 */
import { verifyBlockHeight, type HeightProof } from '../chain/block-proof';
import { verifyPow, type Header } from '../chain/header';
import { merkleProofFromTxids } from '../chain/merkle';
import type { NetworkParams } from '../chain/network';
import { rethrowUnlessFetchFailure, VerifyError } from '../errors';
import type { EsploraClient } from './client';
import { askEveryHost, failureCodes } from './every-host';

export type BlockClient = Pick<EsploraClient, 'network' | 'liveHosts' | 'fetchBlockHash' | 'fetchHeader' | 'fetchTipHeight' | 'blame'>;

export interface SettledBlock {
  height: number;
  hash: string;
  header: Header;
  /** What each host named at the height (its hash, or `error:CODE`); errors carry the same record as `hosts`. */
  hosts: Record<string, string>;
  /** What proves the block's height (when asked for): its coinbase and the coinbase's Merkle branch. */
  heightProof?: HeightProof;
}

/** How to obtain the height proof of a block by its hash (`heightProver`). */
export type HeightProver = (hash: string) => Promise<HeightProof>;

/**
 * Height proofs from the client: the block's txid list (checked against its header's Merkle root as each host answers,
 * and shared with the Merkle branches of reveals in that block) names the coinbase and gives its branch at position 0;
 * the coinbase is fetched by txid (re-hashed). Two requests a block, each answer checked, so any one honest host
 * suffices.
 */
export function heightProver(client: Pick<EsploraClient, 'fetchBlockTxids' | 'fetchTx'>): HeightProver {
  return async (hash) => {
    const txids = await client.fetchBlockTxids(hash);
    const coinbase = await client.fetchTx(txids[0]!);
    return { coinbase, branch: merkleProofFromTxids(txids, 0) };
  };
}

/**
 * Whether block `hash` proves `height`: its proof, or the error that says why not. Only what the block itself shows
 * refutes it — its authentic coinbase proves another height, or no height (CHAIN_HEIGHT_MISMATCH,
 * CHAIN_COINBASE_MALFORMED). A proof that could not be obtained (FETCH_, or every host's answer failing its check)
 * decides nothing, nor does a height before BIP34 (CHAIN_HEIGHT_UNPROVABLE).
 */
async function heightProofOf(prove: HeightProver, network: NetworkParams, hash: string, header: Header, height: number): Promise<{ proof: HeightProof } | { error: VerifyError; refutes: boolean }> {
  let proof: HeightProof;
  try {
    proof = await prove(hash);
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    return { error: e, refutes: false };
  }
  try {
    verifyBlockHeight({ hash, header, proof }, height, network);
    return { proof };
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    return { error: e, refutes: e.code === 'CHAIN_HEIGHT_MISMATCH' || e.code === 'CHAIN_COINBASE_MALFORMED' };
  }
}

function provenHeader(header: Header, network: NetworkParams): boolean {
  try {
    verifyPow(header, network);
    return true;
  } catch (e) {
    if (e instanceof VerifyError) return false;
    throw e;
  }
}

export async function settleBlockAtHeight(client: BlockClient, height: number, prove?: HeightProver): Promise<SettledBlock> {
  const named = await askEveryHost(client.liveHosts(), (h) => client.fetchBlockHash(height, [h]));
  const hosts: Record<string, string> = {};
  for (const [h, hash] of named.answers) hosts[h] = hash;
  for (const [h, e] of named.failures) hosts[h] = `error:${e.code}`;
  const distinct = [...new Set(named.answers.values())];
  if (distinct.length === 0) {
    const allMissing = [...named.failures.values()].every((e) => e.code === 'FETCH_NOT_FOUND');
    throw new VerifyError(allMissing ? 'FETCH_NOT_FOUND' : 'FETCH_ALL_HOSTS_FAILED', `no host named the block at height ${height}`, { height, hosts });
  }
  if (distinct.length === 1) {
    const header = await client.fetchHeader(distinct[0]!);
    if (!provenHeader(header, client.network)) {
      for (const h of named.answers.keys()) client.blame(h, { code: 'CHAIN_POW_INSUFFICIENT', message: `named a block at height ${height} without valid proof of work`, evidence: { height, hash: distinct[0] } });
      throw new VerifyError('FETCH_NO_HONEST_HOST', `the block every host names at height ${height} has no valid proof of work`, { height, hosts });
    }
    const hash = distinct[0]!;
    if (!prove) return { height, hash, header, hosts };
    const p = await heightProofOf(prove, client.network, hash, header, height);
    if ('proof' in p) return { height, hash, header, hosts, heightProof: p.proof };
    if (p.refutes) {
      for (const h of named.answers.keys()) client.blame(h, { code: p.error.code, message: `named block ${hash} at height ${height}, which the block contradicts: ${p.error.message}`, evidence: { ...p.error.evidence, height, hash } });
    }
    throw new VerifyError(p.error.code, `the block named at height ${height} does not prove that height: ${p.error.message}`, { ...p.error.evidence, height, hosts });
  }
  // Hosts disagree: each must show the block it names.
  const proven = new Map<string, Header>();
  await Promise.all([...named.answers].map(async ([host, hash]) => {
    let header: Header | undefined;
    try {
      header = await client.fetchHeader(hash, { hosts: [host] });
    } catch (e) {
      rethrowUnlessFetchFailure(e);
      if (e.code !== 'FETCH_NOT_FOUND') return;
    }
    if (header && provenHeader(header, client.network)) proven.set(hash, header);
    else client.blame(host, { code: 'CHAIN_UNPROVEN_BLOCK', message: `named block ${hash} at height ${height} but cannot show its header with valid proof of work`, evidence: { height, hash } });
  }));
  if (prove && proven.size > 0) {
    // The blocks' own heights decide: a block that proves another height is not at this one, and its namers lied.
    const outcomes = await Promise.all([...proven].map(async ([hash, header]) => [hash, await heightProofOf(prove, client.network, hash, header, height)] as const));
    const standing = outcomes.filter(([, p]) => !('refutes' in p && p.refutes));
    for (const [hash, p] of outcomes) {
      if (!('refutes' in p) || !p.refutes) continue;
      for (const [h, namedHash] of named.answers) {
        if (namedHash === hash) client.blame(h, { code: p.error.code, message: `named block ${hash} at height ${height}, which the block contradicts: ${p.error.message}`, evidence: { ...p.error.evidence, height, hash } });
      }
    }
    if (standing.length === 1) {
      const [hash, p] = standing[0]!;
      if ('proof' in p) return { height, hash, header: proven.get(hash)!, hosts, heightProof: p.proof };
      throw new VerifyError(p.error.code, `the only block named at height ${height} that could be at it does not prove that height: ${p.error.message}`, { ...p.error.evidence, height, hosts });
    }
    if (standing.length === 0) {
      throw new VerifyError('FETCH_NO_HONEST_HOST', `every block named at height ${height} proves another height`, { height, hosts });
    }
    throw new VerifyError('FETCH_HOSTS_DISAGREE', `hosts name ${standing.length} different blocks at height ${height}`, { height, hosts, proven: standing.map(([h]) => h) });
  }
  if (proven.size === 1) {
    const [hash, header] = [...proven][0]!;
    return { height, hash, header, hosts };
  }
  throw new VerifyError('FETCH_HOSTS_DISAGREE', `hosts name ${proven.size || distinct.length} different blocks at height ${height}`, { height, hosts, proven: [...proven.keys()] });
}

/**
 * The tip height, asked of every live host. When they agree, that; when they do not, the highest claim some host can
 * back with a block (settled as above) — a host claiming a height no host can show a block for is caught lying.
 */
export async function tipHeight(client: BlockClient): Promise<number> {
  const claims = await askEveryHost(client.liveHosts(), (h) => client.fetchTipHeight([h]));
  const heights = [...new Set(claims.answers.values())].sort((a, b) => b - a);
  if (heights.length === 0) {
    const [only] = claims.failures.values();
    if (claims.failures.size === 1 && only) throw only;
    throw new VerifyError('FETCH_ALL_HOSTS_FAILED', 'no host named its tip', { hosts: failureCodes(claims.failures) });
  }
  if (heights.length === 1) return heights[0]!;
  let last: unknown;
  for (const height of heights) {
    try {
      return (await settleBlockAtHeight(client, height)).height;
    } catch (e) {
      rethrowUnlessFetchFailure(e);
      last = e;
      if (e.code !== 'FETCH_NOT_FOUND') throw e;
      for (const [h, claimed] of claims.answers) {
        if (claimed === height) client.blame(h, { code: 'CHAIN_UNPROVEN_TIP', message: `claims a tip at height ${height} for which no host names a block`, evidence: { height } });
      }
    }
  }
  throw last;
}
