import { describe, expect, it } from 'vitest';
import { schnorr, schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes, utf8 } from '../../core/bytes';
import { taggedHash } from '../../core/crypto/tagged-hash';
import { frostDkg } from './dkg';
import { RoastCoordinator } from './roast-coordinator';
import { commitmentFromWire, commitmentToWire } from './roast-wire';

const group = frostDkg({ n: 4, t: 2, seed: 'coordinator-test' });
const pub = group.members[0]!.public;
const message = taggedHash('drey/v1/reveal', utf8.encode('m'));
const ids = group.members.map((m) => m.id);

function fresh() {
  return new RoastCoordinator(pub, 2, message, hexToBytes(group.groupKey), ids);
}

function share(k: number, nonces: ReturnType<typeof frost.commit>, commitments: ReturnType<typeof commitmentToWire>[]): string {
  const m = group.members[k]!;
  return bytesToHex(frost.signShare(m.secret, m.public, nonces.nonces, commitments.map(commitmentFromWire), message));
}

describe('the ROAST coordinator state', () => {
  it('derives the DKG group key as protocol §11 does', () => {
    expect(group.groupKey).toMatch(/^[0-9a-f]{64}$/);
    expect(frostDkg({ n: 4, t: 2, seed: 'coordinator-test' }).groupKey).toBe(group.groupKey);
    expect(frostDkg({ n: 4, t: 2, seed: 'other' }).groupKey).not.toBe(group.groupKey);
  });

  describe('when a signer answers a session it is not in, or twice', () => {
    it('ignores the share', () => {
      const c = fresh();
      const nonces = ids.map((_, k) => frost.commit(group.members[k]!.secret));
      ids.forEach((id, k) => c.addReady(id, commitmentToWire(nonces[k]!.commitments), `ready-${k}`));
      const [s1, s2] = c.openSessions();
      expect([s1!.signers, s2!.signers]).toEqual([ids.slice(0, 2).sort(), ids.slice(2, 4).sort()]);
      const next = commitmentToWire(frost.commit(group.members[2]!.secret).commitments);
      expect(c.addShare(ids[2]!, 1, '00'.repeat(32), next, 'wrong-session')).toBe('ignored');
      expect(c.malicious.size).toBe(0);
      const good = share(0, nonces[0]!, s1!.commitments);
      const next0 = commitmentToWire(frost.commit(group.members[0]!.secret).commitments);
      expect(c.addShare(ids[0]!, 1, good, next0, 'share-0')).toBe('accepted');
      expect(c.addShare(ids[0]!, 1, good, next0, 'share-0-again')).toBe('ignored');
    });
  });

  describe('when a share does not verify', () => {
    it('marks its sender malicious for good, refuses its later commitments, and the others still sign', () => {
      const c = fresh();
      const nonces = ids.map((_, k) => frost.commit(group.members[k]!.secret));
      ids.slice(0, 3).forEach((id, k) => c.addReady(id, commitmentToWire(nonces[k]!.commitments), `ready-${k}`));
      const [s1] = c.openSessions();
      const bad = hexToBytes(share(1, nonces[1]!, s1!.commitments));
      bad[0] = bad[0]! ^ 0x80;
      const next1 = commitmentToWire(frost.commit(group.members[1]!.secret).commitments);
      expect(c.addShare(ids[1]!, 1, bytesToHex(bad), next1, 'evidence')).toBe('invalid');
      expect(c.malicious.get(ids[1]!)).toEqual({ reason: 'invalid signature share', evidence: 'evidence' });
      expect(c.addReady(ids[1]!, next1, 'later')).toBe(false);
      // Signer 0 answers session 1 (which can no longer complete) and becomes ready again with signer 2.
      const n0 = frost.commit(group.members[0]!.secret);
      expect(c.addShare(ids[0]!, 1, share(0, nonces[0]!, s1!.commitments), commitmentToWire(n0.commitments), 'share-0')).toBe('accepted');
      const [s2] = c.openSessions();
      expect(s2!.signers).toEqual([ids[0]!, ids[2]!].sort());
      const n2 = nonces[2]!;
      const outs = [
        c.addShare(ids[0]!, 2, share(0, n0, s2!.commitments), commitmentToWire(frost.commit(group.members[0]!.secret).commitments), 's2-0'),
        c.addShare(ids[2]!, 2, share(2, n2, s2!.commitments), commitmentToWire(frost.commit(group.members[2]!.secret).commitments), 's2-2'),
      ];
      expect(outs).toEqual(['accepted', 'signed']);
      expect(schnorr.verify(c.result!.signature, message, hexToBytes(group.groupKey))).toBe(true);
      expect(c.sessions).toHaveLength(2);
    });
  });

  it('is hopeless once fewer than t signers are not proven malicious', () => {
    const c = fresh();
    c.markMalicious(ids[0]!, 'x', 'e0');
    c.markMalicious(ids[1]!, 'x', 'e1');
    expect(c.hopeless).toBe(false);
    c.markMalicious(ids[2]!, 'x', 'e2');
    expect(c.hopeless).toBe(true);
  });
});
