/** Hand-built records for the step tests: just the fields the steps read, typed as the real records. */
import type { GenesisParams } from '../protocol/payloads';
import type { InscriptionRecord, MessageRecord } from './records';

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
