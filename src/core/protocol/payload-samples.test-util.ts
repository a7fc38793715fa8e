/** Test helper: one well-formed payload of every message type, signed by SIGNER_SK's key (message and payload tests). */
import { bytesToHex, hexToBytes } from '../bytes';
import { publicKeyFromSecret } from '../crypto/schnorr';
import type { MessageType, PayloadByType } from './payloads';

export const SIGNER_SK = hexToBytes('01'.repeat(32));
export const signer = bytesToHex(publicKeyFromSecret(SIGNER_SK));
export const GENESIS = 'c0'.repeat(32) + 'i0';
const ref = (b: string) => ({ inscription: b.repeat(32) + 'i0', sha256: b.repeat(32) });
const table = { rows: 3, parts: [{ ...ref('d1'), rows: 2 }, { ...ref('d2'), rows: 1 }] };
const base = { network: 'regtest' as const, signer };
const scoped = { ...base, genesis: GENESIS };
const monthly = { ...scoped, month: 2 };

export const samples: { [T in MessageType]: PayloadByType[T] } = {
  genesis: {
    ...base,
    program: ref('a1'), proof_system: 'groth16-bn254-v1', verification_keys: [ref('a2')], mortality_table: ref('a3'),
    paillier: { n: 'ff'.repeat(64), parties: 2, threshold: 2, v: '05', verification_keys: ['06', '07'] },
    frost: { group_key: signer, threshold: 1, commitments: [['02' + signer]] },
    bls: { group_key: 'a0'.repeat(96), threshold: 2, parties: 3 },
    pol_key: signer,
    params: {
      blocks_per_month: 144, start_height: 200, start_month: 202601, min_stake: 100_000, lead_window: 6, max_attempts: 3, race_delay: 7,
      race_window: 12, reveal_confirmations: 6, reveal_window: 12, super_majority: { num: 2, den: 3 },
      reward_shares: [4000, 3000, 2000, 1000], monthly_fee_ppm: 833, penalty_sats: 10_000, batch_size: 64,
    },
    relays: ['ws://127.0.0.1:7777'],
  },
  register: { ...scoped, stake: { txid: 'e1'.repeat(32), vout: 1 }, nostr_pubkey: signer },
  inputs: { ...monthly, table },
  lottery: { ...monthly, attempt: 0, anchor_height: 344, anchor_hash: '0f'.repeat(32), bls_signature: 'a0'.repeat(48) },
  commit: { ...monthly, attempt: 0, kem: 'ab'.repeat(128), ciphertext: 'cd'.repeat(40) },
  reveal: { ...monthly, attempt: 0, keys: [{ commit: 'e2'.repeat(32) + 'i0', key: '42'.repeat(32) }] },
  final: {
    ...monthly, lead: signer, attempt: 1, table, root: '0a'.repeat(32),
    log: { size: 2, root: '0b'.repeat(32), consistency: ['0c'.repeat(32)], inclusion: ['0d'.repeat(32)] },
    rewards: [{ actuary: signer, sats: 5000 }], penalties: [{ actuary: signer, reason: 'missed_deadline', sats: 10_000 }],
  },
};
