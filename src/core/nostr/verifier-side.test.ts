/** The verifier's nostr reads against the devnet relay and against a relay that lies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { finalizeEvent, getPublicKey, type Event } from 'nostr-tools/pure';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bytes';
import { startRelay, type LocalRelay } from '../../devnet/nostr/relay';
import { publishProfile, publishRoundStatus } from '../../devnet/nostr/presence';
import { fetchProfiles } from './profiles';
import { subscribeRoundStatus } from './round-status';
import { KIND_ROUND_STATUS, roundStatusD } from './kinds';
import type { UnconfirmedRoundStatus } from './unconfirmed';

const key = (l: string) => sha256(utf8.encode(`verifier-side/${l}`));
const [a1, a2, outsider] = [key('a1'), key('a2'), key('outsider')];
const actuaries = [getPublicKey(a1), getPublicKey(a2)];
const genesis = `${'ab'.repeat(32)}i0`;
const network = 'regtest';

describe('fetching actuary profiles from the devnet relay', () => {
  let relay: LocalRelay;
  beforeAll(async () => {
    relay = await startRelay({ port: 0 });
    await publishProfile({ relays: [relay.url], nostrKey: a1, name: 'Ada', about: 'first', createdAt: 1_700_000_000 });
    await publishProfile({ relays: [relay.url], nostrKey: a1, name: 'Ada L.', about: 'updated', createdAt: 1_700_000_100 });
    await publishProfile({ relays: [relay.url], nostrKey: outsider, name: 'Mallory', about: 'not an actuary' });
  });
  afterAll(async () => { await relay.close(); });

  it('returns the newest profile of each actuary, marked unconfirmed, and nothing for other keys', async () => {
    const got = await fetchProfiles([relay.url], actuaries, { WebSocket, maxWait: 1000 });
    expect([...got.keys()]).toEqual([actuaries[0]]);
    expect(got.get(actuaries[0]!)).toMatchObject({ trust: 'unconfirmed', name: 'Ada L.', about: 'updated', createdAt: 1_700_000_100 });
  });

  describe('when one of the relays is unreachable', () => {
    it('still answers from the others within maxWait', async () => {
      const got = await fetchProfiles(['ws://127.0.0.1:1', relay.url], actuaries, { WebSocket, maxWait: 800 });
      expect(got.get(actuaries[0]!)?.name).toBe('Ada L.');
    });
  });

  it('without a WebSocket implementation is a caller error', async () => {
    if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function') return;
    await expect(fetchProfiles([relay.url], actuaries)).rejects.toThrow(TypeError);
  });
});

describe('subscribing to a month\'s round status', () => {
  let relay: LocalRelay;
  beforeAll(async () => { relay = await startRelay({ port: 0 }); });
  afterAll(async () => { await relay.close(); });

  it('delivers stored then live statuses of actuaries only, newest per actuary', async () => {
    await publishRoundStatus({ relays: [relay.url], nostrKey: a1, network, genesis, month: 2, status: { phase: 'commit', height: 310 } });
    await publishRoundStatus({ relays: [relay.url], nostrKey: outsider, network, genesis, month: 2, status: { phase: 'final', height: 999 } });
    await publishRoundStatus({ relays: [relay.url], nostrKey: a2, network, genesis, month: 3, status: { phase: 'lottery', height: 320 } });
    const seen: UnconfirmedRoundStatus[] = [];
    const stored = new Promise<void>((resolve) => {
      const sub = subscribeRoundStatus([relay.url], genesis, 2, (s) => seen.push(s), { network, actuaries, WebSocket, onStored: resolve });
      afterAll(() => sub.close());
    });
    await stored;
    expect(seen.map((s) => [s.pubkey, s.phase, s.height])).toEqual([[actuaries[0], 'commit', 310]]);
    await publishRoundStatus({ relays: [relay.url], nostrKey: a1, network, genesis, month: 2, status: { phase: 'race', height: 317, commits: 3 } });
    await new Promise((r) => setTimeout(r, 150));
    expect(seen.map((s) => s.phase)).toEqual(['commit', 'race']);
    expect(seen[1]).toMatchObject({ trust: 'unconfirmed', month: 2, extra: { commits: 3 } });
  });
});

describe('when a relay lies', () => {
  let server: WebSocketServer;
  let url: string;
  const d = roundStatusD(network, genesis, 1);
  const status = (sk: Uint8Array, content: string, tags = [['d', d]]) => finalizeEvent({ kind: KIND_ROUND_STATUS, content, tags, created_at: 1_700_000_000 }, sk);
  const valid = status(a2, '{"phase":"reveal","height":400}');
  const served: unknown[] = [
    { ...status(a1, '{"phase":"final","height":1}'), content: '{"phase":"final","height":2}' }, // content swapped after signing
    status(outsider, '{"phase":"final","height":1}'), // not an actuary
    status(a1, '{"phase":"final","height":1}', [['d', roundStatusD(network, genesis, 9)]]), // another month
    status(a1, '{"phase":"FINAL!","height":-1}'), // malformed content
    status(a1, 'not json'),
    valid,
  ];
  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (ws) => ws.on('message', (m) => {
      const msg = JSON.parse(m.toString()) as unknown[];
      if (msg[0] !== 'REQ') return;
      for (const ev of served) ws.send(JSON.stringify(['EVENT', msg[1], ev]));
      ws.send(JSON.stringify(['EOSE', msg[1]]));
    }));
    await new Promise((r) => server.once('listening', r));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => { await new Promise((r) => server.close(r)); });

  it('keeps only the verified status of an actuary for the requested month and says why the rest was dropped', async () => {
    const seen: UnconfirmedRoundStatus[] = [];
    const reasons: string[] = [];
    await new Promise<void>((resolve) => {
      const sub = subscribeRoundStatus([url], genesis, 1, (s) => seen.push(s), {
        network, actuaries, WebSocket, onRejected: (r) => reasons.push(r), onStored: () => { sub.close(); resolve(); },
      });
    });
    expect(seen.map((s) => s.eventId)).toEqual([(valid as Event).id]);
    expect(reasons.filter((r) => r === 'relay sent an event outside the filter')).toHaveLength(2); // outsider, other month
    expect(reasons).toEqual(expect.arrayContaining([
      'id or signature does not verify', 'relay sent an event outside the filter',
      'status phase is not a short lowercase word', 'status content is not JSON',
    ]));
  });
});
