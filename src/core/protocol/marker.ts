/** Marker addresses for discovery through Esplora: P2TR outputs with BIP341's NUMS internal key (design §2.1). */
import { bech32m } from '@scure/base';
import { taprootTweakPubkey } from '@scure/btc-signer/utils.js';
import { concatBytes, equalBytes, hexToBytes } from '../bytes';
import type { ParsedTx } from '../chain/tx';
import { taggedHash } from '../crypto/tagged-hash';
import { inscriptionIdBytes, u32be, type InscriptionId } from './ids';
import { type NetworkName, networkFromName } from '../chain/network';

/** BIP341's provably unspendable point H = lift_x(SHA256(uncompressed G)). */
export const NUMS_KEY = hexToBytes('50929b74c1a04954b78b4b6035e97a5e078a5a0f28ec96d547bfee9ace803ac0');

/** `taggedHash("drey/v1/marker", genesisId36 ‖ month u32 BE)`; month 0 names the setup objects. */
export function markerCommitment(genesis: InscriptionId, month: number): Uint8Array {
  return taggedHash('drey/v1/marker', concatBytes(inscriptionIdBytes(genesis), u32be(month)));
}

/**
 * The marker's x-only output key: BIP341 `taproot_tweak_pubkey(H, markerCommitment)`, i.e. H tweaked with
 * `TapTweak(H ‖ commitment)` as if the commitment were a script-tree root. Nobody knows H's discrete log and no
 * script hashes to the commitment, so the output can never be spent.
 */
export function markerOutputKey(genesis: InscriptionId, month: number): Uint8Array {
  return taprootTweakPubkey(NUMS_KEY, markerCommitment(genesis, month))[0];
}

/** scriptPubKey `OP_1 <32-byte key>`. */
export function markerScript(genesis: InscriptionId, month: number): Uint8Array {
  return concatBytes(Uint8Array.of(0x51, 0x20), markerOutputKey(genesis, month));
}

/** The bech32m (segwit v1) address for the network. */
export function markerAddress(network: NetworkName, genesis: InscriptionId, month: number): string {
  const key = markerOutputKey(genesis, month);
  return bech32m.encode(networkFromName(network).bech32, [1, ...bech32m.toWords(key)]);
}

/** Whether a transaction has an output paying month `month`'s marker (a month's final pays months 0's and m's, §2.4.1). */
export function paysMarker(tx: Pick<ParsedTx, 'outputs'>, genesis: InscriptionId, month: number): boolean {
  const script = markerScript(genesis, month);
  return tx.outputs.some((o) => equalBytes(o.script, script));
}
