/** The scenario's actuaries: keys, stake outpoints (real P2TR UTXOs), registrations with their stake proofs. */
import { p2tr, Transaction } from '@scure/btc-signer';
import { taprootTweakPrivKey } from '@scure/btc-signer/utils.js';
import { hexToBytes } from '../../core/bytes';
import { buildMessage, CONTENT_TYPES, signKeylink } from '../../core/protocol/message';
import type { RegisterPayload } from '../../core/protocol/payloads';
import { signStakeProof } from '../../core/protocol/stake-proof';
import { REGTEST } from '../params';
import type { ChainIO, Published } from './chain-io';
import type { KeyPair } from './keys';
import { NETWORK } from './world';

export interface Actuary {
  /** Person label (a rotated key keeps the person). */
  person: string;
  key: KeyPair;
  stake: { txid: string; vout: number; value: bigint };
  /** Height at which the register message confirmed. */
  registeredAt: number;
  /** Height at which the stake was spent (undefined while unspent). */
  spentAt?: number;
  /** Old key this one links from. */
  linkedFrom?: string;
  /** False for a key being rotated away: it commits only if the lottery makes it the lead. */
  racing: boolean;
}

const ZERO_AUX = new Uint8Array(32);

/** The actuary's BIP86 P2TR stake output script. */
export function stakeScript(pub: string): Uint8Array {
  return p2tr(hexToBytes(pub), undefined, REGTEST).script;
}

/** Pay a stake to the actuary's P2TR key; the payment is output 0 of the wallet's transaction. */
export async function fundStake(io: ChainIO, pub: string, value: bigint): Promise<Actuary['stake']> {
  const txid = await io.wallet.pay([{ script: stakeScript(pub), value }]);
  return { txid, vout: 0, value };
}

/** Spend a stake by the key path back to the scenario wallet (an actuary leaving, or rotating away). */
export async function spendStake(io: ChainIO, a: Actuary): Promise<string> {
  const pub = hexToBytes(a.key.pub);
  const pay = p2tr(pub, undefined, REGTEST);
  const tx = new Transaction({ version: 2 });
  tx.addInput({ txid: a.stake.txid, index: a.stake.vout, witnessUtxo: { script: pay.script, amount: a.stake.value }, tapInternalKey: pub });
  tx.addOutput({ script: io.wallet.script, amount: a.stake.value - 500n });
  tx.sign(a.key.secret, undefined, ZERO_AUX);
  tx.finalize();
  return io.wallet.broadcast(tx);
}

/**
 * A register message for `a` (docs/protocol.md §4.3): its stake outpoint with the stake proof, signed by the secret of
 * the stake's output key (`stakeSecret`, the BIP86-tweaked key of whoever holds the stake; the actuary's own by
 * default); optionally a key link from an old key.
 */
export function registerMessage(genesis: string, a: Actuary, opts: { keylinkFrom?: KeyPair; stakeSecret?: Uint8Array | null } = {}): Uint8Array {
  const outpoint = { txid: a.stake.txid, vout: a.stake.vout };
  const holder = opts.stakeSecret === undefined ? taprootTweakPrivKey(a.key.secret) : opts.stakeSecret;
  const payload: RegisterPayload = {
    network: NETWORK, genesis, signer: a.key.pub,
    stake: { ...outpoint, ...(holder ? { sig: signStakeProof({ network: NETWORK, genesis, actuary: a.key.pub, ...outpoint }, holder) } : {}) },
    ...(opts.keylinkFrom ? { keylink: { old_key: opts.keylinkFrom.pub, sig: signKeylink(NETWORK, genesis, opts.keylinkFrom.secret, a.key.pub) } } : {}),
  };
  return buildMessage('register', payload, a.key.secret);
}

/** Inscribe a register on month 0's marker (not mined). */
export function register(io: ChainIO, genesis: string, setupMarker: string, a: Actuary, opts?: Parameters<typeof registerMessage>[2]): Promise<Published> {
  return io.inscribe(registerMessage(genesis, a, opts), CONTENT_TYPES.message, setupMarker);
}

/** Eligible at the anchor A (docs/protocol.md §6.1): registered below A, stake unspent at A (or spent after it). */
export function isEligible(a: Actuary, anchor: number, minStake: bigint): boolean {
  return a.registeredAt < anchor && (a.spentAt === undefined || a.spentAt > anchor) && a.stake.value >= minStake;
}
