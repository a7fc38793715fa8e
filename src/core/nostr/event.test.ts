import { describe, expect, it } from 'vitest';
import { finalizeEvent, verifyEvent } from 'nostr-tools/pure';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bytes';
import { supersedes, verifiedEventFromUnknown } from './event';

const sk = sha256(utf8.encode('event-test'));
const good = finalizeEvent({ kind: 1, content: 'hi', tags: [['t', 'x']], created_at: 1_700_000_000 }, sk);

describe('NIP-01 event check on untrusted input', () => {
  it('accepts a correctly signed event and returns a fresh copy', () => {
    const r = verifiedEventFromUnknown(JSON.parse(JSON.stringify(good)));
    expect('event' in r && r.event.id).toBe(good.id);
  });

  describe('when an event was verified once and then mutated', () => {
    it('is re-verified on the copy, so the cached flag does not carry over', () => {
      const ev = JSON.parse(JSON.stringify(good));
      expect(verifyEvent(ev)).toBe(true);
      ev.content = 'changed';
      expect(verifyEvent(ev)).toBe(true); // nostr-tools' cached answer
      expect(verifiedEventFromUnknown(ev)).toEqual({ reason: 'id or signature does not verify' });
    });
  });

  it.each([
    ['not an object', 'x'],
    ['uppercase id', { ...good, id: good.id.toUpperCase() }],
    ['short sig', { ...good, sig: good.sig.slice(2) }],
    ['fractional created_at', { ...good, created_at: 1.5 }],
    ['kind too large', { ...good, kind: 70000 }],
    ['tag with a number', { ...good, tags: [['t', 5]] }],
    ['content not a string', { ...good, content: 5 }],
    ['flipped signature bit', { ...good, sig: (good.sig[0] === '0' ? '1' : '0') + good.sig.slice(1) }],
  ])('rejects %s', (_, raw) => {
    expect('reason' in verifiedEventFromUnknown(raw)).toBe(true);
  });

  it('orders replaceable events newest first, lowest id on a tie', () => {
    const a = { ...good, created_at: 2, id: 'b'.repeat(64) };
    const b = { ...good, created_at: 2, id: 'a'.repeat(64) };
    expect(supersedes(b, a)).toBe(true);
    expect(supersedes(a, b)).toBe(false);
    expect(supersedes({ ...a, created_at: 3 }, b)).toBe(true);
  });
});
