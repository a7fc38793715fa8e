/**
 * Step "anchors": the hosts serve the network asked for, and the block at the user's checkpoint height (if any) is the
 * user's. Both are the user's settings against the chain the hosts serve: a mismatch makes the month unavailable
 * (docs/protocol.md §14.4), never rejected — nothing on the chain is at fault.
 */
import { failed, passed, type Check } from '../../check';
import type { NetworkName } from '../../chain/network';
import { VerifyError } from '../../errors';
import type { BlockSource } from '../records';
import type { StepResult } from '../step-result';

export interface AnchorsInput {
  network: NetworkName;
  genesisId: string;
  /** The network the Esplora client is set for, and its hosts. */
  client: { network: NetworkName; hosts: readonly string[] };
  /** A block hash the user trusts at a height. */
  checkpoint?: { height: number; hash: string };
  blocks: Readonly<Record<number, BlockSource>>;
}

export function verifyAnchors(input: AnchorsInput): StepResult<never> {
  const { network, genesisId, client, checkpoint } = input;
  const checks: Check[] = [];
  if (client.network !== network) {
    checks.push(failed('anchors', new VerifyError('ANCHOR_NETWORK_MISMATCH', `the client is set for ${client.network}, the month for ${network}`, { client: client.network, network })));
  } else checks.push(passed('anchors', `network ${network}; genesis ${genesisId}`, { network, genesis: genesisId, hosts: [...client.hosts] }));
  if (checkpoint) {
    const b = input.blocks[checkpoint.height];
    if (!b || b.error) {
      checks.push(failed('anchors', new VerifyError(b?.error?.code ?? 'FETCH_NOT_FOUND', `the block at checkpoint height ${checkpoint.height} could not be obtained: ${b?.error?.message ?? 'not fetched'}`, { checkpoint, hosts: b?.hosts ?? {} })));
    } else if (b.hash !== checkpoint.hash.toLowerCase()) {
      checks.push(failed('anchors', new VerifyError('ANCHOR_CHECKPOINT_MISMATCH', `the hosts name ${b.hash} at checkpoint height ${checkpoint.height}`, { checkpoint, served: b.hash })));
    } else checks.push(passed('anchors', `checkpoint ${checkpoint.height} matches`, { checkpoint }));
  }
  return { checks };
}
