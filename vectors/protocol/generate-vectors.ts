// Regenerates the worked examples quoted in docs/protocol.md (message, KEM, lottery) from fixed keys and seeds.
// Run: npx tsx vectors/protocol/generate-vectors.ts   (the unit tests check the files it writes)
import { readFileSync, writeFileSync } from 'node:fs';
import { bytesToHex, hexToBytes, utf8 } from '../../src/core/bytes';
import { publicKeyFromSecret } from '../../src/core/crypto/schnorr';
import { buildMessage, messageDigest } from '../../src/core/protocol/message';
import { canonicalBytes } from '../../src/core/protocol/canonical';
import { kemEncrypt, kemRandomness, packageAad, sealPackage } from '../../src/core/protocol/kem';
import { parseInscriptionId } from '../../src/core/protocol/ids';
import { combinePartials, dealBlsKey, partialSign } from '../../src/core/crypto/threshold-bls';
import { lotteryMessage, lotteryPoint } from '../../src/core/protocol/lottery';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CommitPayload } from '../../src/core/protocol/payloads';

const dir = new URL('./', import.meta.url);
const sk = hexToBytes('0000000000000000000000000000000000000000000000000000000000000003');
const signer = bytesToHex(publicKeyFromSecret(sk));
const genesis = '5cd8d5dc24ea0d8e7d64a7c5e5c1a0e1b8a4b7dd4d1f1e32b2c0b5e8b0a2f4c1i0';
const primes = JSON.parse(readFileSync(new URL('kem/safe-primes.json', dir), 'utf8')).keys[0];
const n = BigInt('0x' + primes.p) * BigInt('0x' + primes.q);
const key = hexToBytes('42'.repeat(32));
const ctx = { network: 'regtest' as const, genesis: parseInscriptionId(genesis), month: 1, actuary: signer };
const sealed = sealPackage(n, key, utf8.encode('{"example":"package"}'), ctx);

writeFileSync(new URL('kem/kem-512.json', dir), JSON.stringify({
  source: 'generate-vectors.ts: Paillier KEM over the 512-bit test modulus of safe-primes.json (keys[0]) and ChaCha20-Poly1305',
  n: n.toString(16), key: bytesToHex(key), r: kemRandomness(n, key).toString(16), kem: bytesToHex(kemEncrypt(n, key)),
  network: ctx.network, genesis, month: ctx.month, actuary: signer, aad: bytesToHex(packageAad(ctx)),
  plaintext: '{"example":"package"}', ciphertext: bytesToHex(sealed.ciphertext),
}, null, 1) + '\n');

const payload: CommitPayload = { network: 'regtest', genesis, month: 1, signer, attempt: 0, kem: bytesToHex(sealed.kem), ciphertext: bytesToHex(sealed.ciphertext) };
const body = buildMessage('commit', payload, sk);
writeFileSync(new URL('message/commit.json', dir), JSON.stringify({
  source: 'generate-vectors.ts: a commit message signed by secret key 3 (BIP340, aux = 32 zero bytes)',
  payload_jcs: new TextDecoder().decode(canonicalBytes(payload as never)),
  digest: bytesToHex(messageDigest('commit', payload as never)),
  body: new TextDecoder().decode(body),
}, null, 1) + '\n');

const deal = dealBlsKey(utf8.encode('drey lottery vector'), 3, 5);
const input = { network: 'regtest' as const, genesis: parseInscriptionId(genesis), month: 1, attempt: 0, anchorHash: '0000000000000000000000000000000000000000000000000000000000000abc' };
const sig = combinePartials([1, 2, 3].map((i) => ({ index: i, signature: partialSign(deal.shares[i - 1]!, lotteryPoint(input)) })));
writeFileSync(new URL('lottery/bls.json', dir), JSON.stringify({
  source: 'generate-vectors.ts: 3-of-5 BLS key dealt from seed "drey lottery vector", partials 1,2,3 combined',
  group_key: bytesToHex(deal.groupKey), network: input.network, genesis, month: 1, attempt: 0, anchor_hash: input.anchorHash,
  message: bytesToHex(lotteryMessage(input)), signature: bytesToHex(sig), randomness: bytesToHex(sha256(sig)),
}, null, 1) + '\n');
