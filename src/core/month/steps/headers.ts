/**
 * Step "headers": every block the month refers to, its height proven by the block itself (BIP34: the header
 * re-hashes to the block hash and meets its proof of work; the coinbase, whose non-witness bytes are not 64 long, is
 * leaf 0 of a Merkle branch to the header's root and starts its scriptSig with the height), and the block hash at that
 * height cross-checked across hosts.
 */
import { failedOn, passed, type Check } from '../../check';
import { verifyBlockHeight } from '../../chain/block-proof';
import type { Header } from '../../chain/header';
import type { NetworkParams } from '../../chain/network';
import { VerifyError } from '../../errors';
import type { BlockSource } from '../records';
import type { StepResult } from '../step-result';

export interface VerifiedBlock {
  height: number;
  hash: string;
  header: Header;
}

/** One block: fetched, every answering host naming the same hash at the height, the height proven by the block (BIP34). */
export function verifyBlock(block: BlockSource, network: NetworkParams): VerifiedBlock {
  const evidence = { height: block.height, hash: block.hash, hosts: block.hosts };
  if (block.error || !block.header) {
    throw new VerifyError(block.error?.code ?? 'FETCH_NOT_FOUND', `block at height ${block.height}: ${block.error?.message ?? 'no header'}`, evidence);
  }
  const answers = Object.values(block.hosts).filter((v) => !v.startsWith('error:'));
  if (answers.some((a) => a !== block.hash)) {
    throw new VerifyError('FETCH_HOSTS_DISAGREE', `hosts disagree on the block at height ${block.height}`, evidence);
  }
  if (!block.heightProof) {
    throw new VerifyError('FETCH_NOT_FOUND', `block at height ${block.height}: no coinbase to prove its height`, evidence);
  }
  try {
    verifyBlockHeight({ hash: block.hash, header: block.header, proof: block.heightProof }, block.height, network);
  } catch (e) {
    if (e instanceof VerifyError) throw new VerifyError(e.code, `block at height ${block.height}: ${e.message}`, { ...evidence, ...e.evidence });
    throw e;
  }
  return { height: block.height, hash: block.hash, header: block.header };
}

export interface HeadersInput {
  blocks: Readonly<Record<number, BlockSource>>;
  network: NetworkParams;
}

/** Every block, one check each; the verified ones by height. */
export function verifyHeaders({ blocks, network }: HeadersInput): StepResult<Map<number, VerifiedBlock>> {
  const checks: Check[] = [];
  const verified = new Map<number, VerifiedBlock>();
  for (const block of Object.values(blocks).sort((a, b) => a.height - b.height)) {
    try {
      const v = verifyBlock(block, network);
      verified.set(v.height, v);
      const agreeing = Object.values(block.hosts).filter((h) => h === block.hash).length;
      checks.push(passed('headers', `block ${block.height}: height proven by its coinbase (BIP34); proof of work valid; ${agreeing} of ${Object.keys(block.hosts).length} hosts name it`, {
        height: block.height, hash: block.hash, bits: `0x${v.header.bits.toString(16)}`, coinbase: block.heightProof!.coinbase.txid, branch: block.heightProof!.branch.length, hosts: block.hosts,
      }));
    } catch (e) {
      checks.push(failedOn('headers', e));
    }
  }
  return { checks, value: verified };
}
