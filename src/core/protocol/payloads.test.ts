/**
 * Every field of every payload, one at a time: a value of the wrong type, a missing required key and an unknown key
 * each fail MESSAGE_MALFORMED naming that very field (its JSON path), and optional fields are accepted and checked.
 * The paths are what a report shows; the walk covers every field the sample payloads hold.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../errors.test-util';
import { samples, signer } from './payload-samples.test-util';
import { MESSAGE_TYPES, parsePayload, type MessageType } from './payloads';
import type { JsonValue } from './strict-json';

type Json = Record<string, JsonValue>;
const copy = <T>(v: T): T => structuredClone(v);

/** Every path in a JSON value, with the value there (objects and arrays included, the root excluded). */
function paths(v: JsonValue, at: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const entries: [string | number, JsonValue][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return entries.flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
}
const shown = (path: (string | number)[]): string => ['payload', ...path].map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
function set(root: Json, path: (string | number)[], value: JsonValue | undefined): void {
  let node = root as Record<string | number, JsonValue>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, JsonValue>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}
/** The payload a message of this type carries, as JSON. */
const sample = (type: MessageType): Json => copy(samples[type]) as unknown as Json;
/** Samples that also carry every optional field. */
const withOptionals: [MessageType, Json][] = [
  ['genesis', { ...sample('genesis'), params: { ...(sample('genesis').params as Json), months: 12 } }],
  ['register', { ...sample('register'), stake: { txid: 'e1'.repeat(32), vout: 1, sig: '55'.repeat(64) }, keylink: { old_key: '66'.repeat(32), sig: '77'.repeat(64) } }],
  ['reveal', { ...sample('reveal'), disputes: [{ commit: `${'e3'.repeat(32)}i1`, shares: [{ party: 1, share: '0a', e: '0b', z: '0c' }] }] }],
];
const everySample: [MessageType, Json][] = [...MESSAGE_TYPES.map((t) => [t, sample(t)] as [MessageType, Json]), ...withOptionals];

describe('the sample payloads', () => {
  it.each(everySample.map(([t, p], i) => [`${t} #${i}`, t, p] as const))('%s parses as it is', (_n, type, payload) => {
    expect(parsePayload(type, copy(payload))).toEqual(payload);
  });
});

describe('a field of the wrong type', () => {
  it.each(everySample.map(([t, p], i) => [`${t} #${i}`, t, p] as const))('%s: each field set to true fails naming that field', (_n, type, payload) => {
    for (const path of paths(payload)) {
      const bad = copy(payload);
      set(bad, path, true);
      const e = errorOf(() => parsePayload(type, bad));
      expect(e.code, shown(path)).toBe('MESSAGE_MALFORMED');
      expect(e.evidence, shown(path)).toEqual({ field: shown(path), value: true });
      expect(e.message.startsWith(`${shown(path)} must be `), e.message).toBe(true);
    }
  });
});

describe('an object with a key missing or unknown', () => {
  it.each(everySample.map(([t, p], i) => [`${t} #${i}`, t, p] as const))('%s: each object fails naming the key', (_n, type, payload) => {
    const objects = [[], ...paths(payload)].filter((path) => {
      let node: JsonValue = payload;
      for (const k of path) node = (node as Record<string | number, JsonValue>)[k]!;
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
    const optional = new Set(['payload.params.months', 'payload.stake.sig', 'payload.keylink', 'payload.nostr_pubkey', 'payload.disputes']);
    for (const at of objects) {
      const unknown = copy(payload);
      set(unknown, [...at, 'zz_unknown'], 1);
      expect(errorOf(() => parsePayload(type, unknown)).evidence.field).toBe(`${shown(at)}.zz_unknown`);
      let node: JsonValue = payload;
      for (const k of at) node = (node as Record<string | number, JsonValue>)[k]!;
      for (const key of Object.keys(node as Json)) {
        const field = `${shown(at)}.${key}`;
        const without = copy(payload);
        set(without, [...at, key], undefined);
        if (optional.has(field)) {
          expect(() => parsePayload(type, without), field).not.toThrow();
          continue;
        }
        const e = errorOf(() => parsePayload(type, without));
        expect([e.code, e.evidence.field, e.message], field).toEqual(['MESSAGE_MALFORMED', field, `${field} is missing`]);
      }
    }
  });

  it('a payload that is not an object is refused as a whole', () => {
    for (const type of MESSAGE_TYPES) {
      for (const v of [null, [], 'x', 1]) expect(errorOf(() => parsePayload(type, v)).evidence.field).toBe('payload');
    }
  });
});

describe('values at their bounds', () => {
  const inscription = 'ab'.repeat(32);
  it('inscription ids: lowercase txid, "i", an index without leading zeros of at most 10 digits, nothing around them', () => {
    const ok = (id: string) => parsePayload('reveal', { ...sample('reveal'), keys: [{ commit: id, key: '42'.repeat(32) }] });
    for (const id of [`${inscription}i0`, `${inscription}i9`, `${inscription}i1234567890`]) expect(() => ok(id)).not.toThrow();
    for (const id of [`x${inscription}i0`, `${inscription}i0x`, `${inscription}i01`, `${inscription}i12345678901`, `${inscription}ia`, `${inscription.slice(2)}i0`, `${inscription}0`]) {
      expect(errorOf(() => ok(id)).evidence.field, id).toBe('payload.keys[0].commit');
    }
  });

  it('proof system ids: lowercase, digits, dots and dashes, starting with a letter or digit, at most 64', () => {
    const ok = (id: string) => parsePayload('genesis', { ...sample('genesis'), proof_system: id });
    for (const id of ['a', '0', 'groth16-bn254-snarkjs-v1', `a${'b'.repeat(63)}`]) expect(() => ok(id)).not.toThrow();
    for (const id of ['', '-a', '.a', 'A', `a${'b'.repeat(64)}`, 'a b', 'a_b', ' a', 'a ']) expect(errorOf(() => ok(id)).evidence.field, id).toBe('payload.proof_system');
  });

  it('relays: ws:// or wss:// and 1..200 printable characters, nothing around them', () => {
    const ok = (url: string) => parsePayload('genesis', { ...sample('genesis'), relays: [url] });
    for (const url of ['ws://a', 'wss://relay.example:443/path', `ws://${'a'.repeat(200)}`]) expect(() => ok(url)).not.toThrow();
    for (const url of ['ws://', 'http://a', ' ws://a', 'ws://a b', 'ws://a\n', `ws://${'a'.repeat(201)}`, 'xws://a', 'WS://a']) {
      expect(errorOf(() => ok(url)).evidence.field, url).toBe('payload.relays[0]');
    }
    expect(() => parsePayload('genesis', { ...sample('genesis'), relays: [] })).not.toThrow();
    expect(errorOf(() => parsePayload('genesis', { ...sample('genesis'), relays: new Array<string>(17).fill('ws://a') })).evidence.field).toBe('payload.relays');
  });

  it('the Paillier modulus: 1..1024 bytes without a leading zero byte; v and the verification keys at most twice its size', () => {
    const g = (pa: Json) => parsePayload('genesis', { ...sample('genesis'), paillier: { ...(sample('genesis').paillier as Json), ...pa } });
    const lead = errorOf(() => g({ n: `00${'ff'.repeat(63)}` }));
    expect([lead.evidence.field, lead.message]).toEqual(['payload.paillier.n', 'payload.paillier.n must have no leading zero byte']);
    expect(() => g({ n: `01${'00'.repeat(63)}`, v: 'ff'.repeat(128), verification_keys: ['ff'.repeat(128), '01'] })).not.toThrow();
    expect(errorOf(() => g({ v: 'ff'.repeat(129) })).evidence.field).toBe('payload.paillier.v');
    expect(errorOf(() => g({ verification_keys: ['06', 'ff'.repeat(129)] })).evidence.field).toBe('payload.paillier.verification_keys[1]');
    expect(errorOf(() => g({ verification_keys: ['06'] })).evidence.field).toBe('payload.paillier.verification_keys');
  });

  it('a key link may not name the new key as the old one', () => {
    const same = { ...sample('register'), keylink: { old_key: signer, sig: '77'.repeat(64) } };
    const e = errorOf(() => parsePayload('register', same));
    expect([e.evidence.field, e.message]).toEqual(['payload.keylink.old_key', 'payload.keylink.old_key must differ from the new key']);
  });

  it('a table whose rows are not the sum of its parts\' rows names the table\'s rows', () => {
    const table = { ...(sample('inputs').table as Json), rows: 4 };
    const e = errorOf(() => parsePayload('inputs', { ...sample('inputs'), table }));
    expect([e.evidence, e.message]).toEqual([{ field: 'payload.table.rows', value: 4 }, 'payload.table.rows is not the sum of the parts\' rows']);
  });

  it('numbers at the edges of their ranges', () => {
    const cases: [MessageType, string, number, number][] = [
      ['commit', 'month', 1, 100_000], ['commit', 'attempt', 0, 255], ['lottery', 'anchor_height', 0, 100_000_000],
      ['register', 'stake.vout', 0, 0xffffffff], ['final', 'log.size', 1, 100_000], ['final', 'rewards.0.sats', 0, 2_100_000_000_000_000],
      ['genesis', 'paillier.parties', 0, 64], ['genesis', 'bls.threshold', 0, 64],
    ];
    for (const [type, field, lo, hi] of cases) {
      const path = field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      const at = (v: number): Json => {
        const p = sample(type);
        if (field === 'paillier.parties') set(p, ['paillier', 'verification_keys'], new Array<string>(Math.max(0, v)).fill('06'));
        set(p, path, v);
        return p;
      };
      for (const v of [lo, hi]) if (!(field === 'paillier.parties' && v === hi)) expect(() => parsePayload(type, at(v)), `${field} ${v}`).not.toThrow();
      for (const v of [lo - 1, hi + 1]) {
        const e = errorOf(() => parsePayload(type, at(v)));
        expect(e.evidence.field, `${field} ${v}`).toBe(shown(path));
        expect(e.message).toBe(`${shown(path)} must be an integer in [${lo}, ${hi}]`);
      }
    }
  });
});
