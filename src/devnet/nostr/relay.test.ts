import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizeEvent, getPublicKey, type Event } from 'nostr-tools/pure';
import type { AbstractRelay } from 'nostr-tools/abstract-relay';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../../core/bytes';
import { startRelay, type LocalRelay } from './relay';
import { connectRelay } from './ws-client';

const alice = sha256(utf8.encode('relay-test/alice'));
const bob = sha256(utf8.encode('relay-test/bob'));

function note(sk: Uint8Array, kind: number, content: string, tags: string[][] = [], created_at = 1_700_000_000): Event {
  return finalizeEvent({ kind, content, tags, created_at }, sk);
}

function query(r: AbstractRelay, filter: Parameters<AbstractRelay['subscribe']>[0][number]): Promise<Event[]> {
  return new Promise((resolve) => {
    const got: Event[] = [];
    const sub = r.subscribe([filter], { onevent: (e) => got.push(e), oneose: () => { sub.close(); resolve(got); } });
  });
}

describe('the local relay on 127.0.0.1', () => {
  let relay: LocalRelay;
  let conn: AbstractRelay;
  beforeAll(async () => {
    relay = await startRelay({ port: 0 });
    conn = await connectRelay(relay.url);
  });
  afterAll(async () => {
    conn.close();
    await relay.close();
  });

  it('listens on loopback on the port it picked', () => {
    expect(relay.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(relay.port).toBeGreaterThan(0);
  });

  describe('when a client publishes and queries regular events', () => {
    it('stores them and returns them newest first, honouring tag filters and limit', async () => {
      const a = note(alice, 4731, 'one', [['x', 'run-a']], 1_700_000_001);
      const b = note(alice, 4731, 'two', [['x', 'run-b']], 1_700_000_002);
      const c = note(bob, 4731, 'three', [['x', 'run-a']], 1_700_000_003);
      for (const e of [a, b, c]) await conn.publish(e);
      const runA = await query(conn, { kinds: [4731], '#x': ['run-a'] });
      expect(runA.map((e) => e.id)).toEqual([c.id, a.id]);
      const newest = await query(conn, { kinds: [4731], limit: 1 });
      expect(newest.map((e) => e.id)).toEqual([c.id]);
      const byAlice = await query(conn, { kinds: [4731], authors: [getPublicKey(alice)] });
      expect(byAlice.map((e) => e.content).sort()).toEqual(['one', 'two']);
    });
  });

  describe('when another client subscribes before an event is published', () => {
    it('delivers the live event only to subscriptions whose tag filter matches', async () => {
      const listener = await connectRelay(relay.url);
      const seenX: string[] = [];
      const seenY: string[] = [];
      await new Promise<void>((resolve) => {
        const s1 = listener.subscribe([{ kinds: [4732], '#x': ['live-x'] }], { onevent: (e) => seenX.push(e.content), oneose: () => resolve() });
        void s1;
      });
      // A raw `ws` listener sees exactly what the relay sends, without client-side filtering.
      const raw = new (await import('ws')).default(relay.url);
      const rawEvents: string[] = [];
      await new Promise<void>((resolve) => raw.on('open', () => resolve()));
      raw.on('message', (m) => { const msg = JSON.parse(m.toString()) as unknown[]; if (msg[0] === 'EVENT') rawEvents.push((msg[2] as Event).content); });
      raw.send(JSON.stringify(['REQ', 'y', { kinds: [4732], '#x': ['live-y'] }]));
      await new Promise((r) => setTimeout(r, 50));
      listener.subscribe([{ kinds: [4732], '#x': ['live-y'] }], { onevent: (e) => seenY.push(e.content) });
      await conn.publish(note(bob, 4732, 'for x', [['x', 'live-x']], Math.floor(Date.now() / 1000)));
      await new Promise((r) => setTimeout(r, 100));
      expect(seenX).toEqual(['for x']);
      expect(seenY).toEqual([]);
      expect(rawEvents).toEqual([]);
      raw.close();
      listener.close();
    });
  });

  describe('when a replaceable or addressable event is republished', () => {
    it('keeps only the newest per (kind, pubkey) and per (kind, pubkey, d)', async () => {
      await conn.publish(note(alice, 0, '{"name":"old"}', [], 1_700_000_010));
      await conn.publish(note(alice, 0, '{"name":"new"}', [], 1_700_000_020));
      await conn.publish(note(alice, 0, '{"name":"older"}', [], 1_700_000_005));
      const profiles = await query(conn, { kinds: [0], authors: [getPublicKey(alice)] });
      expect(profiles.map((e) => e.content)).toEqual(['{"name":"new"}']);

      await conn.publish(note(alice, 30078, 's1', [['d', 'round/1']], 1_700_000_010));
      await conn.publish(note(alice, 30078, 's2', [['d', 'round/2']], 1_700_000_010));
      await conn.publish(note(alice, 30078, 's1b', [['d', 'round/1']], 1_700_000_011));
      const status = await query(conn, { kinds: [30078], authors: [getPublicKey(alice)] });
      expect(status.map((e) => e.content).sort()).toEqual(['s1b', 's2']);
    });

    it('on equal created_at keeps the event with the lowest id', async () => {
      const x = note(bob, 30078, 'tie-a', [['d', 'tie']], 1_700_000_100);
      const y = note(bob, 30078, 'tie-b', [['d', 'tie']], 1_700_000_100);
      const [low, high] = x.id < y.id ? [x, y] : [y, x];
      await conn.publish(high);
      await conn.publish(low);
      await conn.publish(high).catch(() => undefined);
      const kept = await query(conn, { kinds: [30078], '#d': ['tie'] });
      expect(kept.map((e) => e.id)).toEqual([low.id]);
    });
  });

  describe('when a client sends an event with a bad signature or id', () => {
    it('answers OK false and does not store it', async () => {
      const good = note(bob, 4733, 'honest', [['x', 'forged']]);
      const badSig = { ...good, sig: good.sig.slice(0, -2) + (good.sig.endsWith('00') ? '01' : '00') };
      await expect(conn.publish(badSig)).rejects.toThrow(/signature is wrong/);
      const badId = { ...good, content: 'tampered' };
      await expect(conn.publish(badId)).rejects.toThrow(/id is wrong/);
      expect(await query(conn, { kinds: [4733], '#x': ['forged'] })).toEqual([]);
    });

    it('answers a malformed message with a NOTICE and keeps serving', async () => {
      const raw = new (await import('ws')).default(relay.url);
      await new Promise<void>((resolve) => raw.on('open', () => resolve()));
      const notice = new Promise<string>((resolve) => raw.on('message', (m) => resolve(m.toString())));
      raw.send('["EVENT", {"id": 5}]');
      expect(JSON.parse(await notice)[0]).toBe('NOTICE');
      raw.close();
      expect(await query(conn, { kinds: [4731], limit: 1 })).toHaveLength(1);
    });
  });
});
