/** Step "headers": proof of work of every referenced block, and the block hash at its height cross-checked across hosts. */
import { failedOn, passed, type Check } from '../../check';
import { verifyPow, type Header } from '../../chain/header';
import type { NetworkParams } from '../../chain/network';
import { VerifyError } from '../../errors';
import type { BlockSource } from '../records';
import type { StepResult } from '../step-result';

export interface VerifiedBlock {
  height: number;
  hash: string;
  header: Header;
}

/** One block: fetched, PoW within the network's limits, every answering host naming the same hash at the height. */
export function verifyBlock(block: BlockSource, network: NetworkParams): VerifiedBlock {
  const evidence = { height: block.height, hash: block.hash, hosts: block.hosts };
  if (block.error || !block.header) {
    throw new VerifyError(block.error?.code ?? 'FETCH_NOT_FOUND', `block at height ${block.height}: ${block.error?.message ?? 'no header'}`, evidence);
  }
  const answers = Object.values(block.hosts).filter((v) => !v.startsWith('error:'));
  if (answers.some((a) => a !== block.hash)) {
    throw new VerifyError('FETCH_HOSTS_DISAGREE', `hosts disagree on the block at height ${block.height}`, evidence);
  }
  if (block.header.hash !== block.hash) {
    throw new VerifyError('CHAIN_HEADER_HASH_MISMATCH', 'the header does not hash to the block hash at its height', { ...evidence, computed: block.header.hash });
  }
  verifyPow(block.header, network);
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
      checks.push(passed('headers', `block ${block.height} has valid proof of work; ${agreeing} of ${Object.keys(block.hosts).length} hosts name it`, { height: block.height, hash: block.hash, bits: `0x${v.header.bits.toString(16)}`, hosts: block.hosts }));
    } catch (e) {
      checks.push(failedOn('headers', e));
    }
  }
  return { checks, value: verified };
}
