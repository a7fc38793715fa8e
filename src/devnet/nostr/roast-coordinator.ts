/**
 * The ROAST coordinator's state (Ruffing et al., eprint 2022/550, Fig. 3) over noble `schnorr_FROST`: ready signers R
 * with one unused commitment each, malicious set M, sessions of exactly t signers, first t valid shares aggregated.
 * No I/O: the transport feeds it parsed messages and publishes the sessions it opens.
 */
import { schnorr, schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import type { FrostPublic } from '@noble/curves/abstract/frost.js';
import { hexToBytes } from '../../core/bytes';
import { commitmentFromWire, type WireCommitment } from './roast-wire';

export interface RoastSession {
  index: number;
  /** FROST identifiers, ascending. */
  signers: string[];
  commitments: WireCommitment[];
  /** Event ids of the commitments used (ready or share events), aligned with `signers`. */
  commitmentEvents: string[];
  /** Valid shares received so far, by identifier, with the event that carried each. */
  shares: Map<string, { share: string; eventId: string }>;
}

export interface Misbehaviour { reason: string; evidence: string }

export type ShareOutcome = 'ignored' | 'invalid' | 'accepted' | 'signed';

export class RoastCoordinator {
  readonly ready = new Map<string, { commitment: WireCommitment; eventId: string }>();
  readonly malicious = new Map<string, Misbehaviour>();
  readonly sessions: RoastSession[] = [];
  /** Identifier → index of the open session it still owes a share to (ROAST: at most one per signer). */
  private readonly owing = new Map<string, number>();
  result: { signature: Uint8Array; session: RoastSession } | null = null;

  constructor(
    private readonly pub: FrostPublic,
    private readonly threshold: number,
    private readonly message: Uint8Array,
    private readonly groupKey: Uint8Array,
    private readonly participants: readonly string[],
  ) {}

  /** A fresh commitment from `id` (authenticated by the transport). */
  addReady(id: string, commitment: WireCommitment, eventId: string): boolean {
    if (this.malicious.has(id) || this.owing.has(id) || this.ready.has(id) || commitment.identifier !== id) return false;
    this.ready.set(id, { commitment, eventId });
    return true;
  }

  /** Proven misbehaviour (an invalid share or malformed data under the sender's signature): excluded for good. */
  markMalicious(id: string, reason: string, evidence: string): void {
    if (this.malicious.has(id)) return;
    this.malicious.set(id, { reason, evidence });
    this.ready.delete(id);
    this.owing.delete(id);
  }

  /** Fewer than t participants are not proven malicious: no signature can ever come. */
  get hopeless(): boolean {
    return this.participants.filter((p) => !this.malicious.has(p)).length < this.threshold;
  }

  /** Open a session for every t ready signers (lowest identifiers first, so a calm run is reproducible). */
  openSessions(): RoastSession[] {
    const opened: RoastSession[] = [];
    while (!this.result && this.ready.size >= this.threshold) {
      const chosen = [...this.ready.keys()].sort().slice(0, this.threshold);
      const session: RoastSession = {
        index: this.sessions.length + 1,
        signers: chosen,
        commitments: chosen.map((id) => this.ready.get(id)!.commitment),
        commitmentEvents: chosen.map((id) => this.ready.get(id)!.eventId),
        shares: new Map(),
      };
      for (const id of chosen) {
        this.ready.delete(id);
        this.owing.set(id, session.index);
      }
      this.sessions.push(session);
      opened.push(session);
    }
    return opened;
  }

  /** A share for `sessionIndex` from `id`; verified against `id`'s verifying share before anything else. */
  addShare(id: string, sessionIndex: number, share: string, next: WireCommitment, eventId: string): ShareOutcome {
    if (this.result || this.malicious.has(id) || this.owing.get(id) !== sessionIndex) return 'ignored';
    const session = this.sessions[sessionIndex - 1]!;
    const list = session.commitments.map(commitmentFromWire);
    let valid: boolean;
    try {
      valid = frost.verifyShare(this.pub, list, this.message, id, hexToBytes(share));
    } catch {
      valid = false;
    }
    if (!valid) {
      this.markMalicious(id, 'invalid signature share', eventId);
      return 'invalid';
    }
    this.owing.delete(id);
    session.shares.set(id, { share, eventId });
    this.addReady(id, next, eventId);
    if (session.shares.size < this.threshold) return 'accepted';
    const shares = Object.fromEntries([...session.shares].map(([k, v]) => [k, hexToBytes(v.share)]));
    const signature = frost.aggregate(this.pub, list, this.message, shares);
    if (!schnorr.verify(signature, this.message, this.groupKey)) {
      throw new Error('ROAST: t valid shares aggregated to a signature that does not verify under the group key');
    }
    this.result = { signature, session };
    return 'signed';
  }
}
