/** The regtest genesis block, rebuilt from its parts and checked against the known hash and Merkle root. */
import { sha256d, toDisplayHex } from '../core/bytes';
import { serializeBlock } from './block';
import { genesisCoinbase } from './coinbase';
import { encodeHeader, headerHash } from './header';
import { GENESIS, REGTEST_BITS } from './params';

export function regtestGenesisBlock(): Uint8Array {
  const coinbase = genesisCoinbase();
  const merkleRoot = sha256d(coinbase);
  const header = encodeHeader({
    version: GENESIS.version,
    prevHash: new Uint8Array(32),
    merkleRoot,
    time: GENESIS.time,
    bits: REGTEST_BITS,
    nonce: GENESIS.nonce,
  });
  if (toDisplayHex(merkleRoot) !== GENESIS.merkleRoot || headerHash(header) !== GENESIS.hash) {
    throw new Error('regtest genesis does not match its known hash');
  }
  return serializeBlock(header, [coinbase]);
}
