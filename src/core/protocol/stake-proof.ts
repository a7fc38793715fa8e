/**
 * The stake proof of a `register` (docs/protocol.md §4.3, §6.1): a BIP340 signature by the stake output's key (the
 * x-only key Q of `OP_1 <Q>`) over `taggedHash("drey/v1/stake", JCS({actuary, genesis, network, txid, vout}))`. Only
 * whoever can spend the stake can make one, and it names the actuary key, instance and outpoint it is for.
 */
import { bytesToHex, hexToBytes } from '../bytes';
import { VerifyError } from '../errors';
import { isValidSchnorr, signSchnorr } from '../crypto/schnorr';
import { messageTag, taggedHash } from '../crypto/tagged-hash';
import { canonicalBytes } from './canonical';
import type { NetworkName } from '../chain/network';
import type { RegisterPayload } from './payloads';

export interface StakeStatement {
  network: NetworkName;
  genesis: string;
  /** The registering actuary key (x-only hex). */
  actuary: string;
  txid: string;
  vout: number;
}

/** The 32-byte digest a stake proof signs. */
export function stakeDigest(s: StakeStatement): Uint8Array {
  return taggedHash(messageTag('stake'), canonicalBytes({ actuary: s.actuary, genesis: s.genesis, network: s.network, txid: s.txid, vout: s.vout }));
}

/** The stake proof of a register against the stake output's x-only key; STAKE_NOT_CONTROLLED when absent or invalid. */
export function verifyStakeProof(p: RegisterPayload, outputKey: Uint8Array): void {
  const ev = { actuary: p.signer, stake: `${p.stake.txid}:${p.stake.vout}`, outputKey: bytesToHex(outputKey) };
  if (p.stake.sig === undefined) throw new VerifyError('STAKE_NOT_CONTROLLED', 'the register carries no stake proof', ev);
  const digest = stakeDigest({ network: p.network, genesis: p.genesis, actuary: p.signer, txid: p.stake.txid, vout: p.stake.vout });
  if (!isValidSchnorr(hexToBytes(p.stake.sig), digest, outputKey)) {
    throw new VerifyError('STAKE_NOT_CONTROLLED', 'the stake proof is not a signature by the stake output\'s key', ev);
  }
}

/** Producer side: the stake proof, signed with the secret key of the output key Q (for BIP86, the tweaked key). */
export function signStakeProof(s: StakeStatement, outputSecret: Uint8Array): string {
  return bytesToHex(signSchnorr(stakeDigest(s), outputSecret));
}
