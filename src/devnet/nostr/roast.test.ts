import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schnorr } from '@noble/curves/secp256k1.js';
import { verifyEvent } from 'nostr-tools/pure';
import { bytesToHex, hexToBytes, utf8 } from '../../core/bytes';
import { taggedHash } from '../../core/crypto/tagged-hash';
import { KIND_ROAST_READY, KIND_ROAST_RESULT, KIND_ROAST_SESSION, KIND_ROAST_SHARE } from '../../core/nostr/kinds';
import { frostDkg } from './dkg';
import { startRelay, type LocalRelay } from './relay';
import { roastSign, RoastError, type RoastSigner } from './roast';
import type { SignerBehaviour } from './roast-signer';
import { parseResult } from './roast-wire';
import { seededSecretKey } from './seeded';
import { blameFromTranscript } from './roast-transcript';

const group = frostDkg({ n: 5, t: 3, seed: 'roast-test' });
const message = taggedHash('drey/v1/final', utf8.encode('month 3'));

function signers(behaviours: SignerBehaviour[]): RoastSigner[] {
  return group.members.map((m, i) => ({
    id: `actuary-${i + 1}`, secretShare: m.secret, nostrKey: seededSecretKey('roast-test', `nostr/${i}`), behaviour: behaviours[i] ?? 'honest',
  }));
}

describe('ROAST over the local relay, 3 of 5', () => {
  let relay: LocalRelay;
  beforeAll(async () => { relay = await startRelay({ port: 0 }); });
  afterAll(async () => { await relay.close(); });

  describe('when one actuary goes silent after announcing and another returns corrupt shares', () => {
    const behaviours: SignerBehaviour[] = ['honest', 'corrupt', 'honest', 'honest', 'silent'];
    let result: Awaited<ReturnType<typeof roastSign>>;
    beforeAll(async () => {
      result = await roastSign({ relayUrl: relay.url, group, signers: signers(behaviours), message, timeoutMs: 10_000, seed: 'roast-test' });
    });

    it('outputs a BIP340 signature valid under the §11 group key', () => {
      expect(schnorr.verify(result.signature, message, hexToBytes(group.groupKey))).toBe(true);
      expect(schnorr.verify(result.signature, taggedHash('drey/v1/final', utf8.encode('month 4')), hexToBytes(group.groupKey))).toBe(false);
    });

    it('names exactly the corrupt actuary malicious and stays within n − t + 1 sessions', () => {
      expect(result.malicious).toEqual(['actuary-2']);
      expect(result.sessions).toBeLessThanOrEqual(5 - 3 + 1);
      expect(result.signingSet).toHaveLength(3);
      expect(result.signingSet).not.toContain('actuary-2');
      expect(result.signingSet).not.toContain('actuary-5');
    });

    it('leaves a transcript of signed events that ends with the result', () => {
      for (const ev of result.transcript) expect(verifyEvent(JSON.parse(JSON.stringify(ev)))).toBe(true);
      const kinds = new Set(result.transcript.map((e) => e.kind));
      expect([...kinds].sort()).toEqual([KIND_ROAST_READY, KIND_ROAST_SESSION, KIND_ROAST_SHARE, KIND_ROAST_RESULT].sort());
      const last = result.transcript.at(-1)!;
      expect(last.kind).toBe(KIND_ROAST_RESULT);
      expect(parseResult(last.content).signature).toBe(bytesToHex(result.signature));
    });

    it('lets anyone re-check the corrupt share from the transcript alone (transferable blame)', () => {
      const blame = blameFromTranscript(result.transcript, group.members[0]!.public, message);
      const corruptKey = signers(behaviours)[1]!.nostrKey;
      expect(blame.map((b) => b.identifier)).toEqual([group.members[1]!.id]);
      expect(blame[0]!.author).toBe(bytesToHex(schnorr.getPublicKey(corruptKey)));
      expect(blame[0]!.verified).toBe(true);
    });

    it('is reproducible with the same seed on a calm relay', async () => {
      const again = await roastSign({ relayUrl: relay.url, group, signers: signers(behaviours), message, timeoutMs: 10_000, seed: 'roast-test' });
      expect(bytesToHex(again.signature)).toBe(bytesToHex(result.signature));
      expect(again.runId).not.toBe(result.runId);
    });
  });

  describe('when every actuary is honest', () => {
    it('signs with fresh random nonces, the first session that completes wins', async () => {
      const r = await roastSign({ relayUrl: relay.url, group, signers: signers([]), message, timeoutMs: 10_000 });
      expect(schnorr.verify(r.signature, message, hexToBytes(group.groupKey))).toBe(true);
      // ROAST opens a new session as soon as t signers are ready again, so a second one may start before the first ends.
      expect(r.sessions).toBeGreaterThanOrEqual(1);
      expect(r.sessions).toBeLessThanOrEqual(3);
      expect(r.malicious).toEqual([]);
    });
  });

  describe('when only two actuaries are reachable', () => {
    it('stops at the timeout with ROAST_TIMEOUT instead of hanging', async () => {
      const err = await roastSign({
        relayUrl: relay.url, group, signers: signers(['honest', 'honest', 'offline', 'offline', 'silent']), message, timeoutMs: 800, gatherMs: 50,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RoastError);
      expect((err as RoastError).code).toBe('ROAST_TIMEOUT');
    });
  });

  describe('when three of five are corrupt', () => {
    it('gives up with ROAST_NOT_ENOUGH_HONEST once fewer than t can be honest', async () => {
      const err = await roastSign({
        relayUrl: relay.url, group, signers: signers(['corrupt', 'corrupt', 'corrupt', 'honest', 'honest']), message, timeoutMs: 10_000,
      }).catch((e: unknown) => e);
      expect((err as RoastError).code).toBe('ROAST_NOT_ENOUGH_HONEST');
    });
  });

  describe('when the relay is not there', () => {
    it('fails with ROAST_RELAY', async () => {
      const err = await roastSign({ relayUrl: 'ws://127.0.0.1:1', group, signers: signers([]), message, timeoutMs: 5_000 }).catch((e: unknown) => e);
      expect((err as RoastError).code).toBe('ROAST_RELAY');
    });
  });
});
