/** Address → output script for the Esplora `/address/:a` routes (electrs `address_to_scripthash` on regtest). */
import { Address, NETWORK, OutScript, TEST_NETWORK } from '@scure/btc-signer';
import { REGTEST } from './params';

export type AddressResult = { ok: true; script: Uint8Array } | { ok: false; message: string };

const decoders = {
  regtest: Address(REGTEST),
  testnet: Address(TEST_NETWORK),
  mainnet: Address(NETWORK),
};

function tryDecode(dec: ReturnType<typeof Address>, addr: string): Uint8Array | undefined {
  try {
    return OutScript.encode(dec.decode(addr));
  } catch {
    return undefined;
  }
}

/** Regtest accepts regtest and testnet encodings (they share base58 prefixes), as electrs does. */
export function scriptFromAddress(addr: string): AddressResult {
  const script = tryDecode(decoders.regtest, addr) ?? tryDecode(decoders.testnet, addr);
  if (script) return { ok: true, script };
  if (tryDecode(decoders.mainnet, addr)) return { ok: false, message: 'Address on invalid network' };
  return { ok: false, message: 'Invalid Bitcoin address' };
}
