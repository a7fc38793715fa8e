import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { parseMessage } from './message';
import { kemEncrypt, kemRandomness, openPackage, packageAad } from './kem';
import { lotteryMessage, verifyLottery } from './lottery';
import { parseInscriptionId } from './ids';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../vectors/protocol/${path}`, import.meta.url), 'utf8')) as T;

describe('when reading the worked examples of docs/protocol.md', () => {
  it('the commit message parses, and its digest is the tagged hash of the canonical payload', () => {
    const v = read<{ payload_jcs: string; digest: string; body: string }>('message/commit.json');
    const msg = parseMessage(utf8.encode(v.body), { network: 'regtest' });
    expect(bytesToHex(msg.digest)).toBe(v.digest);
    expect(JSON.stringify(msg.payload)).not.toBe('');
    expect(v.body).toContain(`"payload":${v.payload_jcs}`);
  });

  it('the KEM example re-encrypts and opens', () => {
    const v = read<{ n: string; key: string; r: string; kem: string; genesis: string; month: number; actuary: string; aad: string; plaintext: string; ciphertext: string }>('kem/kem-512.json');
    const n = BigInt('0x' + v.n);
    const ctx = { network: 'regtest' as const, genesis: parseInscriptionId(v.genesis), month: v.month, actuary: v.actuary };
    expect(kemRandomness(n, hexToBytes(v.key)).toString(16)).toBe(v.r);
    expect(bytesToHex(kemEncrypt(n, hexToBytes(v.key)))).toBe(v.kem);
    expect(bytesToHex(packageAad(ctx))).toBe(v.aad);
    expect(new TextDecoder().decode(openPackage(n, v.kem, v.ciphertext, v.key, ctx))).toBe(v.plaintext);
  });

  it('the lottery example verifies and gives its randomness', () => {
    const v = read<{ group_key: string; genesis: string; month: number; attempt: number; anchor_hash: string; message: string; signature: string; randomness: string }>('lottery/bls.json');
    const input = { network: 'regtest' as const, genesis: parseInscriptionId(v.genesis), month: v.month, attempt: v.attempt, anchorHash: v.anchor_hash };
    expect(bytesToHex(lotteryMessage(input))).toBe(v.message);
    expect(bytesToHex(verifyLottery(input, v.signature, v.group_key))).toBe(v.randomness);
  });
});
