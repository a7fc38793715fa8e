// Generates marker.json with an independent derivation (plain point arithmetic + btc-signer's address encoder),
// not the project's marker module. Run: node vectors/protocol/marker/generate.mjs > vectors/protocol/marker/marker.json
import { schnorr } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { Address, NETWORK, TEST_NETWORK, OutScript } from '@scure/btc-signer';

const tagged = (tag, ...m) => { const t = sha256(utf8ToBytes(tag)); return sha256(concatBytes(t, t, ...m)); };
const H = hexToBytes('50929b74c1a04954b78b4b6035e97a5e078a5a0f28ec96d547bfee9ace803ac0');
const n = schnorr.Point.Fn.ORDER;
const nets = { mainnet: NETWORK, testnet: TEST_NETWORK, regtest: { ...TEST_NETWORK, bech32: 'bcrt' } };
const cases = [];
for (const [genesis, months] of [
  ['5cd8d5dc24ea0d8e7d64a7c5e5c1a0e1b8a4b7dd4d1f1e32b2c0b5e8b0a2f4c1i0', [0, 1, 2, 12]],
  ['0000000000000000000000000000000000000000000000000000000000000001i7', [0, 4294967295]],
]) {
  const [txid, idx] = genesis.split('i');
  const idBytes = concatBytes(hexToBytes(txid).reverse(), new Uint8Array(new Uint32Array([Number(idx)]).buffer));
  for (const month of months) {
    const m = new Uint8Array(4); new DataView(m.buffer).setUint32(0, month, false);
    const commitment = tagged('drey/v1/marker', idBytes, m);
    const t = BigInt('0x' + bytesToHex(tagged('TapTweak', H, commitment))) % n;
    const Q = schnorr.Point.fromHex('02' + bytesToHex(H)).add(schnorr.Point.BASE.multiply(t));
    const key = Q.toBytes(true).subarray(1);
    const addresses = Object.fromEntries(Object.entries(nets).map(([name, net]) => [name, Address(net).encode(OutScript.decode(concatBytes(Uint8Array.of(0x51, 0x20), key)))]));
    cases.push({ genesis, month, commitment: bytesToHex(commitment), output_key: bytesToHex(key), addresses });
  }
}
process.stdout.write(JSON.stringify({ source: 'generate.mjs: BIP341 taproot_tweak_pubkey(H, taggedHash("drey/v1/marker", genesisId36 ‖ month u32 BE)) by point arithmetic', cases }, null, 1) + '\n');
