/** Hand-built records for the step tests: just the fields the steps read, typed as the real records. */
import type { GenesisParams, MessageType, PayloadByType } from '../../protocol/payloads';
import type { Package } from '../package';
import type { InscriptionRecord, MessageRecord } from '../records';
import type { OpenedPackage, PackageStatus } from './reveal';

export const PARAMS: GenesisParams = {
  blocks_per_month: 100, start_height: 1000, start_month: 202601, min_stake: 1_000_000, lead_window: 3, max_attempts: 3,
  race_delay: 7, race_window: 4, reveal_confirmations: 6, reveal_window: 6, super_majority: { num: 2, den: 3 },
  reward_shares: [3000, 2000, 1500], monthly_fee_ppm: 1000, penalty_sats: 5000, batch_size: 4,
};

export const key = (n: number): string => n.toString(16).padStart(2, '0').repeat(32);

let serial = 0;
export function inscription(height: number, position = 1): InscriptionRecord {
  const txid = (++serial).toString(16).padStart(64, '0');
  return {
    id: `${txid}i0`, txid, index: 0, height, blockHash: '00'.repeat(32), position, contentType: 'application/json', metaprotocol: 'drey/1',
    body: new Uint8Array(0), bodySha256: '00'.repeat(32), found: 1, bound: true, commitTxid: txid,
  };
}

export function commit(signer: string, height: number, position = 1, attempt = 0, kem = 'aa'): MessageRecord<'commit'> {
  return { inscription: inscription(height, position), type: 'commit', signer, payload: { network: 'regtest', genesis: `${'11'.repeat(32)}i0`, month: 1, signer, attempt, kem, ciphertext: 'bb' }, message: undefined as never };
}

export const GENESIS_ID = `${'11'.repeat(32)}i0`;

/** A package as the reveal step opens it (no proofs: the agreement and rewards only read its roots). */
export function pkg(root: string, extra: Partial<Package> = {}): Package {
  return { network: 'regtest', genesis: GENESIS_ID, month: 1, actuary: '', newRoot: root, tableSha256: 'cd'.repeat(32), F: 0n, W: 0n, R: 0n, batches: [], sig: '', ...extra };
}

/** A counted commit's opened package: the lead's (no rank) or a counted secondary's (its race rank). */
export function opened(i: number, status: PackageStatus, root: string, rank?: number): OpenedPackage {
  const entry = { commit: commit(key(i), 1000 + i), actuary: key(i), status: rank === undefined ? 'lead' as const : 'counted' as const, ...(rank ? { rank } : {}) };
  return status === 'valid' ? { entry, status, pkg: pkg(root) } : { entry, status, reason: `${status} package` };
}

export function message<T extends MessageType>(type: T, height: number, payload: Partial<PayloadByType[T]>, position = 1, signer = key(9)): MessageRecord<T> {
  return { inscription: inscription(height, position), type, signer, payload: payload as PayloadByType[T], message: undefined as never };
}
