/**
 * Re-check a ROAST transcript (docs/nostr.md): every share event is signed by its sender, so an invalid share is
 * transferable evidence. Anyone holding the group's public package can rerun RFC 9591 `verifyShare` on it.
 */
import { schnorr_FROST as frost } from '@noble/curves/secp256k1.js';
import type { FrostPublic } from '@noble/curves/abstract/frost.js';
import { bytesToHex, hexToBytes } from '../../core/bytes';
import { verifiedEventFromUnknown, tagValue, type NostrEvent } from '../../core/nostr/event';
import { KIND_ROAST_SESSION, KIND_ROAST_SHARE } from '../../core/nostr/kinds';
import { commitmentFromWire, parseSession, parseShare, WireError } from './roast-wire';

export interface Blame {
  /** FROST identifier the author signed its share under. */
  identifier: string;
  /** nostr key that signed the share event. */
  author: string;
  shareEvent: string;
  sessionEvent: string;
  /** Both events' ids and signatures verified. */
  verified: boolean;
}

/** Shares in the transcript that fail `verifyShare` for the session (and message) they answer, with who signed them. */
export function blameFromTranscript(transcript: readonly unknown[], pub: FrostPublic, message: Uint8Array): Blame[] {
  const events = transcript.map(verifiedEventFromUnknown).flatMap((r) => ('event' in r ? [r.event] : []));
  const sessions = new Map<string, NostrEvent>(events.filter((e) => e.kind === KIND_ROAST_SESSION).map((e) => [e.id, e]));
  const blame: Blame[] = [];
  for (const ev of events) {
    if (ev.kind !== KIND_ROAST_SHARE) continue;
    const sessionEv = sessions.get(tagValue(ev, 'e') ?? '');
    if (!sessionEv) continue;
    try {
      const share = parseShare(ev.content);
      const session = parseSession(sessionEv.content);
      if (session.message !== bytesToHex(message) || session.session !== share.session) continue;
      const id = share.next.identifier;
      if (!session.commitments.some((c) => c.identifier === id)) continue;
      if (!sessionEv.tags.some((t) => t[0] === 'p' && t[1] === ev.pubkey)) continue;
      let ok: boolean;
      try {
        ok = frost.verifyShare(pub, session.commitments.map(commitmentFromWire), message, id, hexToBytes(share.share));
      } catch {
        ok = false;
      }
      if (!ok) blame.push({ identifier: id, author: ev.pubkey, shareEvent: ev.id, sessionEvent: sessionEv.id, verified: true });
    } catch (e) {
      if (!(e instanceof WireError)) throw e;
    }
  }
  return blame;
}
