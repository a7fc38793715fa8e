import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { finalizeEvent, getPublicKey, type Event } from 'nostr-tools/pure';
import { fetchProfiles, roundStatusD, KIND_PROFILE, KIND_ROUND_STATUS } from '../../core/nostr';
import { startDevnet } from '../devnet';
import { seededSecretKey } from '../nostr';
import { INFO_FILE } from './fixture';
import { parsePresence, PRESENCE_FILE, PresenceRecorder, replayPresence, type PresenceFile } from './presence';

const genesis = `${'cd'.repeat(32)}i0`;
const other = `${'ef'.repeat(32)}i0`;
const [ada, blaise] = [seededSecretKey('presence-test', 'ada'), seededSecretKey('presence-test', 'blaise')];
const keys = [getPublicKey(ada), getPublicKey(blaise)];

const profile = (sk: Uint8Array, name: string, at: number): Event =>
  finalizeEvent({ kind: KIND_PROFILE, tags: [], content: JSON.stringify({ name, about: 'test' }), created_at: at }, sk);
const status = (sk: Uint8Array, g: string, month: number, phase: string, at: number): Event =>
  finalizeEvent({ kind: KIND_ROUND_STATUS, tags: [['d', roundStatusD('regtest', g, month)]], content: JSON.stringify({ phase, height: at % 1000 }), created_at: at }, sk);

function presenceText(events: unknown[], over: Partial<Record<keyof PresenceFile, unknown>> = {}): string {
  return JSON.stringify({ v: 1, network: 'regtest', genesis, events, ...over });
}

describe('reading presence.json', () => {
  it('keeps valid profiles and statuses of this chain', () => {
    const events = [profile(ada, 'Actuary Ada', 100), status(ada, genesis, 1, 'final', 130)];
    const { file, skipped } = parsePresence(presenceText(events));
    expect(file.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(skipped).toEqual([]);
  });

  describe('when an event was altered, has another kind or belongs to another chain', () => {
    it('skips exactly those events, each with its reason', () => {
      const tampered = { ...profile(ada, 'Actuary Ada', 100), content: '{"name":"Actuary Mallory"}' };
      const note = finalizeEvent({ kind: 1, tags: [], content: 'hello', created_at: 100 }, blaise);
      const foreign = status(blaise, other, 1, 'final', 130);
      const good = status(blaise, genesis, 1, 'final', 130);
      const { file, skipped } = parsePresence(presenceText([tampered, note, foreign, good, 'junk']));
      expect(file.events.map((e) => e.id)).toEqual([good.id]);
      expect(skipped).toEqual([
        'event 0: id or signature does not verify',
        'event 1: kind 1 is neither a profile nor a round status',
        'event 2: status of another chain',
        'event 4: not an object',
      ]);
    });
  });

  describe('when the file itself is malformed', () => {
    it.each([
      ['not JSON', '{"v":1,', /not JSON/],
      ['another version', presenceText([], { v: 2 }), /unsupported version 2/],
      ['a genesis that is no inscription id', presenceText([], { genesis: 'abc' }), /genesis is not an inscription id/],
      ['events that are no array', presenceText([], { events: {} }), /events is not an array/],
    ])('refuses %s', (_what, text, error) => {
      expect(() => parsePresence(text)).toThrow(error);
    });
  });
});

describe('recording presence', () => {
  it('keeps the newest event per kind, author and d tag, as a relay does', () => {
    const rec = new PresenceRecorder();
    const [p1, p2] = [profile(ada, 'Ada', 100), profile(ada, 'Ada L.', 200)];
    const [s1, s2, s3] = [status(ada, genesis, 1, 'commit', 110), status(ada, genesis, 1, 'final', 140), status(ada, genesis, 2, 'lottery', 150)];
    for (const ev of [p2, p1, s1, s3, s2]) rec.add(ev);
    expect(rec.toFile('regtest', genesis).events.map((e) => e.id)).toEqual([p2.id, s2.id, s3.id]);
  });
});

describe('replaying presence to a relay', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'drey-presence-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  const write = (events: unknown[], info = genesis): void => {
    writeFileSync(join(dir, PRESENCE_FILE), presenceText(events));
    writeFileSync(join(dir, INFO_FILE), JSON.stringify({ genesis: info, relays: [] }));
  };

  describe('when presence.json was written for another chain than the data directory holds', () => {
    it('refuses to replay it', async () => {
      write([profile(ada, 'Actuary Ada', 100)], other);
      await expect(replayPresence({ relayUrl: 'ws://127.0.0.1:1', dataDir: dir })).rejects.toThrow(/belongs to genesis/);
    });
  });

  describe('when the relay is unreachable', () => {
    it('reports every event as failed instead of throwing', async () => {
      write([profile(ada, 'Actuary Ada', 100)]);
      const r = await replayPresence({ relayUrl: 'ws://127.0.0.1:1', dataDir: dir, maxWait: 500 });
      expect(r.published).toBe(0);
      expect(r.failed).toHaveLength(1);
    });
  });

  describe('when a devnet starts on a data directory with presence.json', () => {
    it('serves the profiles on its own relay at once', async () => {
      write([profile(ada, 'Actuary Ada', 100), profile(blaise, 'Actuary Blaise', 100), status(ada, genesis, 1, 'race', 120)]);
      const devnet = await startDevnet({ port: 0, dataDir: dir, fixture: false, noDemo: true });
      try {
        const got = await fetchProfiles([devnet.relayUrl!], keys, { WebSocket, maxWait: 2000 });
        expect([...got.values()].map((p) => p.name).sort()).toEqual(['Actuary Ada', 'Actuary Blaise']);
      } finally {
        await devnet.close();
      }
    });

    it('starts anyway, with a logged reason, when the file is broken', async () => {
      writeFileSync(join(dir, PRESENCE_FILE), '{ broken');
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        const devnet = await startDevnet({ port: 0, dataDir: dir, fixture: false, noDemo: true });
        await devnet.close();
        expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('presence replay failed: presence.json is not JSON');
      } finally {
        stderr.mockRestore();
      }
    });
  });
});
