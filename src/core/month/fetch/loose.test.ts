import { afterEach, describe, expect, it, vi } from 'vitest';
import { utf8 } from '../../bytes';
import type { ParsedTx } from '../../chain/tx';
import { recorded } from '../steps/recorded.test-util';
import { dreyEnvelopes, looseMessages, looseParams, strictGenesis, strictMessages } from './loose';

/** Inscriptions as the parser gives them, when a test sets them (else the recorded transactions are parsed for real). */
const given = vi.hoisted(() => ({ inscriptions: undefined as unknown[] | Error | undefined }));
vi.mock('../../inscription', async (original) => {
  const real = await original<typeof import('../../inscription')>();
  return {
    ...real,
    inscriptionsFromTx: (raw: Uint8Array) => {
      if (given.inscriptions instanceof Error) throw given.inscriptions;
      return given.inscriptions ? { inscriptions: given.inscriptions } : real.inscriptionsFromTx(raw);
    },
  };
});
afterEach(() => { given.inscriptions = undefined; });

const TX = { bytes: new Uint8Array() } as ParsedTx;
const envelope = (id: string, body: string | Uint8Array | undefined, extra: { metaprotocol?: string | null; contentType?: string } = {}) => ({
  id, body: typeof body === 'string' ? utf8.encode(body) : body, metaprotocol: 'drey/1', contentType: 'application/json', ...extra,
});
const message = (type: unknown, payload: unknown) => JSON.stringify({ type, payload });

describe('the messages of a transaction read loosely', () => {
  it('are the {type, payload} of each drey/1 JSON envelope that parses as such, in order, by inscription id', () => {
    given.inscriptions = [
      envelope('a', message('commit', { x: 1 })),
      envelope('b', message('final', {}), { metaprotocol: 'other' }),
      envelope('c', message('final', {}), { metaprotocol: null }),
      envelope('d', message('final', {}), { contentType: 'text/plain' }),
      envelope('e', undefined),
      envelope('f', 'not json'),
      envelope('g', Uint8Array.of(0xff, 0xfe)),
      envelope('h', JSON.stringify([1])),
      envelope('i', message(7, {})),
      envelope('j', message('x', [])),
      envelope('k', message('x', null)),
      envelope('l', 'null'),
      envelope('m', message('genesis', { params: {} })),
    ];
    expect(looseMessages(TX)).toEqual([{ id: 'a', type: 'commit', payload: { x: 1 } }, { id: 'm', type: 'genesis', payload: { params: {} } }]);
  });

  it('are none when the envelopes do not parse', () => {
    given.inscriptions = new Error('bad envelope');
    expect(looseMessages(TX)).toEqual([]);
    expect(dreyEnvelopes(TX)).toEqual([]);
  });
});

describe('a transaction\'s drey/1 envelopes', () => {
  it('are every drey/1 envelope, whatever its content, and no other', () => {
    given.inscriptions = [envelope('a', undefined, { metaprotocol: 'other' }), envelope('b', undefined, { contentType: 'application/vnd.apache.parquet' })];
    expect(dreyEnvelopes(TX).map((i) => i.id)).toEqual(['b']);
    given.inscriptions = [envelope('a', message('commit', {}), { metaprotocol: 'other' })];
    expect(dreyEnvelopes(TX)).toEqual([]);
  });
});

describe('the genesis parameters read loosely', () => {
  it('are the start height and blocks per month, with the start month when it is an integer', () => {
    expect(looseParams({ params: { start_height: 100, blocks_per_month: 10, start_month: 202601 } })).toEqual({ startHeight: 100, blocksPerMonth: 10, startMonth: 202601 });
    expect(looseParams({ params: { start_height: 100, blocks_per_month: 10, start_month: 2.5 } })).toEqual({ startHeight: 100, blocksPerMonth: 10 });
    expect(looseParams({ params: { start_height: 0, blocks_per_month: 0 } })).toEqual({ startHeight: 0, blocksPerMonth: 0 });
  });
  it('are none without params, or when either number is not a safe integer', () => {
    expect(looseParams({})).toBeUndefined();
    expect(looseParams({ params: [100, 10] })).toBeUndefined();
    expect(looseParams({ params: null })).toBeUndefined();
    expect(looseParams({ params: { start_height: '100', blocks_per_month: 10 } })).toBeUndefined();
    expect(looseParams({ params: { start_height: 100, blocks_per_month: 1.5 } })).toBeUndefined();
    expect(looseParams({ params: { start_height: 2 ** 53, blocks_per_month: 10 } })).toBeUndefined();
  });
});

describe('on the recorded chain', () => {
  const { sources } = recorded('full');
  const genesisTx = () => sources.reveals[sources.genesisId.slice(0, 64)]!.tx;

  it('the genesis parses strictly: its parameters, group and PoL keys, and the ids of its program, mortality table and keys', () => {
    const g = strictGenesis(genesisTx(), sources.genesisId, 'regtest')!;
    const loose = looseMessages(genesisTx()).find((m) => m.id === sources.genesisId)!;
    const p = loose.payload as { params: unknown; frost: { group_key: string }; pol_key: string; program: { inscription: string }; mortality_table: { inscription: string }; verification_keys: { inscription: string }[] };
    expect(g.params).toEqual(p.params);
    expect(g.groupKey).toBe(p.frost.group_key);
    expect(g.polKey).toBe(p.pol_key);
    expect(g.objects).toEqual([p.program.inscription, p.mortality_table.inscription, ...p.verification_keys.map((k) => k.inscription)]);
  });

  it('no genesis: another inscription index, another network, or a message of another type', () => {
    expect(strictGenesis(genesisTx(), `${sources.genesisId.slice(0, 64)}i9`, 'regtest')).toBeUndefined();
    expect(strictGenesis(genesisTx(), sources.genesisId, 'mainnet')).toBeUndefined();
    const [txid, other] = Object.entries(sources.reveals).find(([, r]) => looseMessages(r.tx).some((m) => m.type === 'commit'))!;
    const id = looseMessages(other.tx).find((m) => m.type === 'commit')!.id;
    expect(id.startsWith(txid)).toBe(true);
    expect(strictGenesis(other.tx, id, 'regtest')).toBeUndefined();
  });

  it('strict messages are those that parse with a valid signature on the network', () => {
    const ctx = { network: 'regtest' as const, genesis: sources.genesisId };
    const all = Object.values(sources.reveals).flatMap((r) => strictMessages(r.tx, ctx));
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(all.map((m) => m.type))).toContain('commit');
    expect(Object.values(sources.reveals).flatMap((r) => strictMessages(r.tx, { ...ctx, network: 'mainnet' as const }))).toEqual([]);
    given.inscriptions = [envelope('a', message('commit', {})), envelope('b', 'junk')];
    expect(strictMessages(TX, ctx)).toEqual([]);
  });
});
