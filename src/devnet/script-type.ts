/** Output script classification and addresses as electrs reports them (`scriptpubkey_type`, `scriptpubkey_address`). */
import { Address, OutScript } from '@scure/btc-signer';
import { sha256, bytesToHex } from '../core/bytes';
import { REGTEST } from './params';

export type ScriptType =
  | 'empty' | 'op_return' | 'p2pk' | 'p2pkh' | 'p2sh' | 'v0_p2wpkh' | 'v0_p2wsh' | 'v1_p2tr'
  | 'provably_unspendable' | 'unknown';

export function scriptType(s: Uint8Array): ScriptType {
  const n = s.length;
  if (n === 0) return 'empty';
  if (s[0] === 0x6a) return 'op_return';
  if ((n === 35 && s[0] === 0x21 && s[34] === 0xac) || (n === 67 && s[0] === 0x41 && s[66] === 0xac)) return 'p2pk';
  if (n === 25 && s[0] === 0x76 && s[1] === 0xa9 && s[2] === 0x14 && s[23] === 0x88 && s[24] === 0xac) return 'p2pkh';
  if (n === 23 && s[0] === 0xa9 && s[1] === 0x14 && s[22] === 0x87) return 'p2sh';
  if (n === 22 && s[0] === 0x00 && s[1] === 0x14) return 'v0_p2wpkh';
  if (n === 34 && s[0] === 0x00 && s[1] === 0x20) return 'v0_p2wsh';
  if (n === 34 && s[0] === 0x51 && s[1] === 0x20) return 'v1_p2tr';
  if (s[0]! >= 0xbb) return 'provably_unspendable';
  return 'unknown';
}

const regtestAddress = Address(REGTEST);

/** Regtest address of an output script, or undefined when it has none (p2pk, op_return, bare scripts). */
export function scriptAddress(script: Uint8Array): string | undefined {
  const type = scriptType(script);
  if (type !== 'p2pkh' && type !== 'p2sh' && type !== 'v0_p2wpkh' && type !== 'v0_p2wsh' && type !== 'v1_p2tr') {
    return undefined;
  }
  try {
    return regtestAddress.encode(OutScript.decode(script));
  } catch {
    return undefined;
  }
}

/** Esplora scripthash: sha256(scriptPubKey) in natural byte order. */
export function scriptHash(script: Uint8Array): string {
  return bytesToHex(sha256(script));
}
