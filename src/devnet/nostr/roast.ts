/**
 * ROAST-coordinated FROST signing over a nostr relay (eprint 2022/550 over RFC 9591 `FROST-secp256k1-SHA256-TR-v1`).
 * Every commitment, session request and share travels as a signed regular nostr event (kinds 4731–4734), so the run
 * leaves a transferable audit trail; the output is one BIP340 signature under the group key.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import type { FrostPublic, FrostSecret } from '@noble/curves/abstract/frost.js';
import { finalizeEvent, getPublicKey, type Event } from 'nostr-tools/pure';
import type { AbstractRelay } from 'nostr-tools/abstract-relay';
import { bytesToHex, hexToBytes } from '../../core/bytes';
import { taggedHash } from '../../core/crypto/tagged-hash';
import { KIND_ROAST_READY, KIND_ROAST_RESULT, KIND_ROAST_SESSION, KIND_ROAST_SHARE, TAG_ROAST_RUN } from '../../core/nostr/kinds';
import { RoastCoordinator, type RoastSession } from './roast-coordinator';
import { SignerAgent, type SignerBehaviour } from './roast-signer';
import { parseReady, parseShare, WireError, type ResultContent, type SessionContent } from './roast-wire';
import { seededRng, seededSecretKey } from './seeded';
import { connectRelay } from './ws-client';

export interface RoastSigner {
  /** Caller's name for the signer (reported in `malicious` and `signingSet`). */
  id: string;
  /** The signer's FROST key package (`frostDkg(...).members[i].secret`). */
  secretShare: FrostSecret;
  /** The signer's nostr identity (32-byte secret key). */
  nostrKey: Uint8Array;
  behaviour?: SignerBehaviour;
}

export interface RoastSignOptions {
  relayUrl: string;
  group: { threshold: number; groupKey: string; members: readonly { id: string; public: FrostPublic }[] };
  signers: readonly RoastSigner[];
  /** The 32-byte digest to sign (e.g. `taggedHash('drey/v1/final', payload)`). */
  message: Uint8Array;
  timeoutMs: number;
  /** Coordinator identity; default derived from `seed` (or random). */
  coordinatorKey?: Uint8Array;
  /**
   * DEVNET ONLY: derive nonces from (seed, message, signer) so a calm run yields the same signature every time. Two runs
   * on one message whose sessions differ would reuse a nonce with different co-signers and leak key shares; real
   * actuaries always draw fresh nonces (leave `seed` unset).
   */
  seed?: string;
  /** Before the first session, wait up to this long for every signer's commitment (default 200 ms). */
  gatherMs?: number;
}

export interface RoastResult {
  signature: Uint8Array;
  /** Sessions opened (ROAST bound: at most n − t + 1). */
  sessions: number;
  /** Ids of the signers whose shares form the signature. */
  signingSet: string[];
  /** Ids of the signers proven malicious (invalid share or malformed data under their own signature). */
  malicious: string[];
  /** Every ROAST event of the run as the coordinator saw or sent it, in order, ending with the result event. */
  transcript: Event[];
  runId: string;
  coordinator: string;
}

export class RoastError extends Error {
  override readonly name = 'RoastError';
  constructor(readonly code: 'ROAST_TIMEOUT' | 'ROAST_NOT_ENOUGH_HONEST' | 'ROAST_RELAY', message: string, readonly transcript: Event[]) {
    super(message);
  }
}

export async function roastSign(opts: RoastSignOptions): Promise<RoastResult> {
  const { group, message } = opts;
  const pub = group.members[0]?.public;
  if (!pub) throw new RangeError('group has no members');
  for (const s of opts.signers) {
    if (!pub.verifyingShares[s.secretShare.identifier]) throw new RangeError(`signer ${s.id} is not a member of the group`);
  }
  const coordKey = opts.coordinatorKey ?? (opts.seed !== undefined ? seededSecretKey(opts.seed, 'roast-coordinator') : randomBytes(32));
  const coordinator = getPublicKey(coordKey);
  const runId = bytesToHex(taggedHash('drey/v1/roast/run', hexToBytes(group.groupKey), message, randomBytes(32)));
  const messageHex = bytesToHex(message);
  const byPubkey = new Map(opts.signers.map((s) => [getPublicKey(s.nostrKey), s]));
  const nameOf = new Map(opts.signers.map((s) => [s.secretShare.identifier, s.id]));
  const state = new RoastCoordinator(pub, group.threshold, message, hexToBytes(group.groupKey), Object.keys(pub.verifyingShares));
  const transcript: Event[] = [];
  const connections: AbstractRelay[] = [];

  let settle!: { resolve: (r: RoastResult) => void; reject: (e: unknown) => void };
  const done = new Promise<RoastResult>((resolve, reject) => { settle = { resolve, reject }; });
  const fail = (e: unknown) => settle.reject(e instanceof RoastError ? e : new RoastError('ROAST_RELAY', String(e), transcript));
  const timer = setTimeout(() => settle.reject(new RoastError('ROAST_TIMEOUT', `no signature within ${opts.timeoutMs} ms`, transcript)), opts.timeoutMs);
  let gathering = true;
  let gatherTimer: ReturnType<typeof setTimeout> | undefined;
  let queue = Promise.resolve();

  const publish = async (kind: number, content: object, tags: string[][]): Promise<Event> => {
    const ev = finalizeEvent({ kind, content: JSON.stringify(content), created_at: Math.floor(Date.now() / 1000), tags: [[TAG_ROAST_RUN, runId], ...tags] }, coordKey);
    await connections[0]!.publish(ev);
    transcript.push(ev);
    return ev;
  };

  const openSessions = async (): Promise<void> => {
    if (gathering) return;
    for (const s of state.openSessions()) {
      const content: SessionContent = { v: 1, session: s.index, message: messageHex, commitments: s.commitments };
      const pTags = s.signers.map((id) => ['p', getPublicKey(opts.signers.find((x) => x.secretShare.identifier === id)!.nostrKey)]);
      await publish(KIND_ROAST_SESSION, content, [...pTags, ...s.commitmentEvents.map((e) => ['e', e])]);
    }
  };

  const finish = async (session: RoastSession, signature: Uint8Array): Promise<void> => {
    const content: ResultContent = {
      v: 1, session: session.index, message: messageHex, groupKey: group.groupKey, signature: bytesToHex(signature), signers: session.signers,
      malicious: [...state.malicious].map(([identifier, m]) => ({ identifier, reason: m.reason, evidence: m.evidence })),
    };
    await publish(KIND_ROAST_RESULT, content, [...session.shares.values()].map((s) => ['e', s.eventId]));
    settle.resolve({
      signature, sessions: state.sessions.length, signingSet: session.signers.map((id) => nameOf.get(id)!),
      malicious: [...state.malicious.keys()].map((id) => nameOf.get(id)!), transcript, runId, coordinator,
    });
  };

  const onEvent = async (ev: Event): Promise<void> => {
    const signer = byPubkey.get(ev.pubkey);
    if (!signer || state.result) return; // not a roster member, or already signed
    const id = signer.secretShare.identifier;
    transcript.push(ev);
    try {
      if (ev.kind === KIND_ROAST_READY) {
        state.addReady(id, parseReady(ev.content).commitment, ev.id);
        if (gathering && state.ready.size === opts.signers.length) gathering = false;
      } else if (ev.kind === KIND_ROAST_SHARE) {
        const share = parseShare(ev.content);
        if (share.next.identifier !== id) throw new WireError('next commitment names another signer');
        if (state.addShare(id, share.session, share.share, share.next, ev.id) === 'signed') {
          const r = state.result!;
          return await finish(r.session, r.signature);
        }
      }
    } catch (e) {
      if (!(e instanceof WireError)) throw e;
      state.markMalicious(id, `malformed: ${e.message}`, ev.id);
    }
    if (state.hopeless) throw new RoastError('ROAST_NOT_ENOUGH_HONEST', `${state.malicious.size} signers proven malicious: fewer than t remain`, transcript);
    await openSessions();
  };

  const setup = async (): Promise<void> => {
    connections.push(await connectRelay(opts.relayUrl));
    await new Promise<void>((resolve) => {
      connections[0]!.subscribe([{ kinds: [KIND_ROAST_READY, KIND_ROAST_SHARE], '#x': [runId], '#p': [coordinator] }], {
        onevent: (ev) => { queue = queue.then(() => onEvent(ev)).catch(fail); },
        oneose: () => resolve(),
      });
    });
    gatherTimer = setTimeout(() => { queue = queue.then(() => { gathering = false; return openSessions(); }).catch(fail); }, opts.gatherMs ?? 200);
    await Promise.all(opts.signers.map(async (s) => {
      const relay = await connectRelay(opts.relayUrl);
      connections.push(relay);
      const agent = new SignerAgent({
        relay, runId, coordinator, message, pub, secretShare: s.secretShare, nostrKey: s.nostrKey, behaviour: s.behaviour ?? 'honest',
        ...(opts.seed !== undefined ? { rng: seededRng(opts.seed, `roast-nonce/${messageHex}/${s.secretShare.identifier}`) } : {}),
        onError: fail,
      });
      await agent.start();
    }));
  };

  try {
    setup().catch(fail);
    return await done;
  } catch (e) {
    throw e instanceof RoastError ? e : new RoastError('ROAST_RELAY', e instanceof Error ? e.message : String(e), transcript);
  } finally {
    clearTimeout(timer);
    clearTimeout(gatherTimer);
    for (const c of connections) c.close();
  }
}
