/**
 * One simulated actuary in a ROAST run: announces a fresh FROST nonce commitment, answers each session request that
 * uses its current commitment with a signature share and the next commitment. Behaviours model faulty actuaries.
 */
import { schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import type { FrostPublic, FrostSecret, GenNonce } from '@noble/curves/abstract/frost.js';
import { finalizeEvent, getPublicKey, type Event } from 'nostr-tools/pure';
import type { AbstractRelay } from 'nostr-tools/abstract-relay';
import { bytesToHex } from '../../core/bytes';
import { KIND_ROAST_READY, KIND_ROAST_SESSION, KIND_ROAST_SHARE, TAG_ROAST_RUN } from '../../core/nostr/kinds';
import { commitmentFromWire, commitmentToWire, parseSession, sameCommitment, type ReadyContent, type ShareContent } from './roast-wire';

/** honest; silent: announces a commitment, then never answers (crash); offline: sends nothing; corrupt: bad shares. */
export type SignerBehaviour = 'honest' | 'silent' | 'offline' | 'corrupt';

export interface SignerAgentOptions {
  relay: AbstractRelay;
  runId: string;
  coordinator: string;
  message: Uint8Array;
  secretShare: FrostSecret;
  pub: FrostPublic;
  nostrKey: Uint8Array;
  behaviour: SignerBehaviour;
  /** Nonce source; undefined = fresh OS randomness (the only safe choice outside the devnet). */
  rng?: (len?: number) => Uint8Array;
  onError: (e: unknown) => void;
}

export class SignerAgent {
  private pending: GenNonce | null = null;
  private queue = Promise.resolve();
  private readonly pubkey: string;
  private readonly messageHex: string;

  constructor(private readonly o: SignerAgentOptions) {
    this.pubkey = getPublicKey(o.nostrKey);
    this.messageHex = bytesToHex(o.message);
  }

  /** Subscribe to this signer's session requests, then announce the first commitment. */
  async start(): Promise<void> {
    if (this.o.behaviour === 'offline') return;
    await new Promise<void>((resolve) => {
      this.o.relay.subscribe([{ kinds: [KIND_ROAST_SESSION], authors: [this.o.coordinator], '#x': [this.o.runId], '#p': [this.pubkey] }], {
        onevent: (ev) => { this.queue = this.queue.then(() => this.onSession(ev)).catch(this.o.onError); },
        oneose: () => resolve(),
      });
    });
    this.pending = frost.commit(this.o.secretShare, this.o.rng);
    const content: ReadyContent = { v: 1, commitment: commitmentToWire(this.pending.commitments) };
    await this.publish(KIND_ROAST_READY, content, []);
  }

  private async onSession(ev: Event): Promise<void> {
    if (this.o.behaviour === 'silent' || !this.pending) return;
    const session = parseSession(ev.content);
    if (session.message !== this.messageHex) return; // ROAST fixes the message: never sign anything else
    const mine = commitmentToWire(this.pending.commitments);
    if (!session.commitments.some((c) => sameCommitment(c, mine))) return; // stale or foreign request
    const list = session.commitments.map(commitmentFromWire);
    const share = frost.signShare(this.o.secretShare, this.o.pub, this.pending.nonces, list, this.o.message);
    if (this.o.behaviour === 'corrupt') share[31] = share[31]! ^ 0x01;
    this.pending = frost.commit(this.o.secretShare, this.o.rng);
    const content: ShareContent = { v: 1, session: session.session, share: bytesToHex(share), next: commitmentToWire(this.pending.commitments) };
    await this.publish(KIND_ROAST_SHARE, content, [['e', ev.id]]);
  }

  private async publish(kind: number, content: object, tags: string[][]): Promise<void> {
    const ev = finalizeEvent({
      kind, content: JSON.stringify(content), created_at: Math.floor(Date.now() / 1000),
      tags: [[TAG_ROAST_RUN, this.o.runId], ['p', this.o.coordinator], ...tags],
    }, this.o.nostrKey);
    await this.o.relay.publish(ev);
  }
}
