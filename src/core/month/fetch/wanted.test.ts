import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../../chain/tx';
import { parseInscriptionId } from '../../protocol/ids';
import { recorded } from '../steps/recorded.test-util';
import type { MarkerListing } from './listings';
import { looseMessages, strictGenesis, strictMessages } from './loose';
import { inscribed } from './inscribed.test-util';
import { bytesToHex } from '../../bytes';
import { publicKeyFromSecret } from '../../crypto/schnorr';
import { buildMessage } from '../../protocol/message';
import type { PayloadByType } from '../../protocol/payloads';
import { revealsToBind } from './wanted';
import type { IgnoredListed } from '../records';
import { once } from '../../once.test-util';

const full = recorded('full').sources;
const quick = recorded('quick').sources;
const txs = new Map<string, ParsedTx>(Object.entries({ ...full.reveals, ...quick.reveals }).map(([txid, r]) => [txid, r.tx]));
const listingsOf = (listed: Record<number, string[]>): MarkerListing[] => Object.entries(listed).map(([m, txids]) => ({ month: Number(m), txids, confirmed: new Map() }));
const genesis = parseInscriptionId(full.genesisId);
const genesisTx = txs.get(genesis.txid) ?? (() => { throw new Error('no genesis'); })();
/** The recorded genesis as the fetch layer reads it, parsed on first use (inside a test, not at collection). */
const entitledOf = once(() => strictGenesis(genesisTx, full.genesisId, 'regtest'));
const ctx = (depth: 'full' | 'quick') => ({ network: 'regtest' as const, genesisId: full.genesisId, genesis, entitled: entitledOf(), month: 2, depth });

describe('when a month is fetched at full depth', () => {
  it('binds every drey/1 reveal of month 0\'s and month m\'s markers, the previous final and everything they name', () => {
    const wanted = revealsToBind(ctx('full'), listingsOf(full.listed), txs);
    expect(new Set(wanted.keys())).toEqual(new Set(Object.keys(full.reveals)));
    expect(wanted.get(genesis.txid)).toBe('ref');
  });
});

describe('month 0\'s marker with month outpoints (§2.4.1)', () => {
  it('a transaction spending a genesis output from 1 on (an earlier month\'s final) is not bound there; one spending output 0 is', () => {
    const registration = (full.listed[0] ?? []).find((t) => full.reveals[t])!;
    const tx = txs.get(registration)!;
    const spending = (vout: number): ParsedTx => ({ ...tx, inputs: [...tx.inputs, { ...tx.inputs[0]!, txid: genesis.txid, vout, witness: [] }] });
    const wantedWith = (vout: number) => revealsToBind(ctx('full'), [{ month: 0, txids: [registration], confirmed: new Map() }], new Map([[registration, spending(vout)]]));
    expect(wantedWith(1).has(registration)).toBe(false);
    expect(wantedWith(7).has(registration)).toBe(false);
    expect(wantedWith(0).get(registration)).toBe(0);
  });
});

describe('when a depositor\'s month is fetched at quick depth', () => {
  it('binds the finals, the inputs, the reveal and the lead\'s commit only, and the tables and keys they name', () => {
    const wanted = revealsToBind(ctx('quick'), listingsOf(quick.listed), txs);
    expect(new Set(wanted.keys())).toEqual(new Set(Object.keys({ ...quick.reveals, ...quick.objects })));
    expect(wanted.size).toBeLessThan(Object.keys(full.reveals).length);
    expect([...wanted.values()].filter((f) => f === 2).length).toBeGreaterThanOrEqual(3);
  });
  it('without a final, binds no commit', () => {
    const listings = listingsOf(quick.listed).map((l) => ({ ...l, txids: l.txids.filter((t) => !looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'final')) }));
    const wanted = revealsToBind(ctx('quick'), listings, txs);
    const commits = [...wanted.keys()].filter((t) => looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'commit'));
    expect(commits).toEqual([]);
  });
});

describe('commits at full depth', () => {
  const registrations = () => (full.listed[0] ?? []).filter((t) => looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'register'));
  const commitsOf = (wanted: Map<string, unknown>) => [...wanted.keys()].filter((t) => looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'commit'));

  it('a commit of a key no registration names is not bound, unless the group\'s reveal names it', () => {
    const all = commitsOf(revealsToBind(ctx('full'), listingsOf(full.listed), txs));
    expect(all.length).toBeGreaterThan(0);
    const withoutRegistrations = listingsOf(full.listed).map((l) => (l.month === 0 ? { ...l, txids: l.txids.filter((t) => !registrations().includes(t)) } : l));
    const ignored: IgnoredListed[] = [];
    const named = commitsOf(revealsToBind(ctx('full'), withoutRegistrations, txs, ignored));
    const revealed = new Set(looseMessages(txs.get((full.listed[2] ?? []).find((t) => looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'reveal'))!) as ParsedTx)
      .flatMap((x) => (x.type === 'reveal' ? (x.payload.keys as { commit: string }[]).map((k) => k.commit.slice(0, 64)) : [])));
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named)).toEqual(new Set(all.filter((t) => revealed.has(t))));
    const unnamed = all.filter((t) => !revealed.has(t));
    expect(new Set(ignored.map((x) => x.txid))).toEqual(new Set(unnamed));
    for (const x of ignored) expect(x).toMatchObject({ month: 2, code: 'MESSAGE_NOT_AUTHORISED' });

    // Without the reveal too, no commit is bound, and each is listed as ignored.
    const noReveal = withoutRegistrations.map((l) => ({ ...l, txids: l.txids.filter((t) => !looseMessages(txs.get(t) as ParsedTx).some((x) => x.type === 'reveal')) }));
    const none: IgnoredListed[] = [];
    expect(commitsOf(revealsToBind(ctx('full'), noReveal, txs, none))).toEqual([]);
    expect(new Set(none.filter((x) => all.includes(x.txid)).map((x) => x.txid))).toEqual(new Set(all));
  });
});

describe('when a listed transaction could not be fetched', () => {
  it('is not bound (its failure is reported by the inscriptions step)', () => {
    const [missing] = full.listed[2] ?? [];
    const fewer = new Map([...txs].filter(([t]) => t !== missing));
    const wanted = revealsToBind(ctx('full'), listingsOf(full.listed), fewer);
    expect(missing && wanted.has(missing)).toBe(false);
  });
});

describe('when the group\'s and the PoL service\'s messages are signed by other keys than the genesis names', () => {
  const stranger = '11'.repeat(32);
  const unentitled = () => { const entitled = entitledOf(); return entitled && { ...entitled, groupKey: stranger, polKey: stranger }; };

  it('at quick depth, follows none of them: only the genesis and its objects are bound', () => {
    const wanted = revealsToBind({ ...ctx('quick'), entitled: unentitled() }, listingsOf(quick.listed), txs);
    expect([...wanted.values()].every((f) => f === 'ref')).toBe(true);
    expect(new Set(wanted.keys())).toEqual(new Set([genesis.txid, ...(entitledOf()?.objects ?? []).map((id) => id.slice(0, 64))]));
  });

  it('at full depth, binds registrations and commits but neither their messages nor the table parts they name, and lists those as ignored', () => {
    const honest = revealsToBind(ctx('full'), listingsOf(full.listed), txs);
    const ignored: IgnoredListed[] = [];
    const wanted = revealsToBind({ ...ctx('full'), entitled: unentitled() }, listingsOf(full.listed), txs, ignored);
    const parts = [...honest].filter(([t, f]) => f === 'ref' && t !== genesis.txid && !(entitledOf()?.objects ?? []).some((id) => id.startsWith(t)));
    expect(parts.length).toBeGreaterThan(0);
    for (const [t] of parts) expect(wanted.has(t), t).toBe(false);
    const typesOf = (t: string) => looseMessages(txs.get(t) as ParsedTx).map((x) => x.type);
    const groupAndPol = [...honest.keys()].filter((t) => typesOf(t).some((x) => x === 'final' || x === 'reveal' || x === 'inputs') && (full.listed[2] ?? []).includes(t));
    expect(groupAndPol.length).toBeGreaterThanOrEqual(3);
    for (const t of groupAndPol) expect(wanted.has(t), t).toBe(false);
    expect(new Set(ignored.map((x) => x.txid))).toEqual(new Set(groupAndPol));
    expect(new Set(ignored.map((x) => x.code))).toEqual(new Set(['MESSAGE_NOT_AUTHORISED']));
    expect([...wanted.keys()].filter((t) => typesOf(t).includes('register') || typesOf(t).includes('commit')).length).toBeGreaterThanOrEqual(10);
  });

  it('without a genesis that parses, binds the genesis alone', () => {
    const wanted = revealsToBind({ ...ctx('quick'), entitled: undefined }, listingsOf(quick.listed), txs);
    expect([...wanted.keys()]).toEqual([genesis.txid]);
  });
});

describe('where each bound reveal was found', () => {
  it('at full and quick depth: the marker it is listed on, or `ref` when only named, as the recorded month has it', () => {
    for (const [depth, src] of [['full', full], ['quick', quick]] as const) {
      const ignored: IgnoredListed[] = [];
      const wanted = revealsToBind(ctx(depth), listingsOf(src.listed), txs, ignored);
      // Files taken by their hash (quick depth) are chosen here too; they are named by id only.
      const byHash = Object.fromEntries(Object.keys(src.objects ?? {}).map((t) => [t, 'ref']));
      expect(Object.fromEntries(wanted), depth).toEqual({ ...byHash, ...Object.fromEntries(Object.entries(src.reveals).map(([t, r]) => [t, r.found])) });
      expect(ignored, depth).toEqual([]);
    }
  });

  it('at full depth without a genesis that parses, binds the genesis alone and judges nothing', () => {
    const ignored: IgnoredListed[] = [];
    const wanted = revealsToBind({ ...ctx('full'), entitled: undefined }, listingsOf(full.listed), txs, ignored);
    expect([...wanted]).toEqual([[genesis.txid, 'ref']]);
    expect(ignored).toEqual([]);
  });
});

describe('the table parts an entitled inputs message names (§2.5: the split rule bounds them)', () => {
  const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i + 3);
  const pol = bytesToHex(publicKeyFromSecret(SECRET));
  const A = `${'a1'.repeat(32)}i0`;
  const B = `${'b2'.repeat(32)}i0`;
  /** The recorded month's inputs message re-signed by `pol` (entitled below), naming parts of the given row counts. */
  const inputsNaming = (parts: [string, number][]) => {
    const tx = (full.listed[2] ?? []).map((t) => txs.get(t)!).find((t) => t && strictMessages(t, { network: 'regtest', genesis: full.genesisId, month: 2 }).some((x) => x.type === 'inputs'))!;
    const p = strictMessages(tx, { network: 'regtest', genesis: full.genesisId, month: 2 }).find((x) => x.type === 'inputs')!.payload as PayloadByType['inputs'];
    const table = { rows: parts.reduce((a, [, r]) => a + r, 0), parts: parts.map(([inscription, rows]) => ({ inscription, sha256: '5a'.repeat(32), rows })) };
    return inscribed(buildMessage('inputs', { ...p, signer: pol, table }, SECRET), undefined, parts.length);
  };
  const bound = (depth: 'full' | 'quick', tx: ParsedTx) =>
    revealsToBind({ ...ctx(depth), entitled: { ...entitledOf()!, polKey: pol } }, [{ month: 2, txids: [tx.txid], confirmed: new Map() }], new Map([[tx.txid, tx]]));

  it('parts the split rule can give are bound where named (`ref`), with the message', () => {
    const tx = inputsNaming([[A, 7]]);
    for (const depth of ['full', 'quick'] as const) {
      const wanted = bound(depth, tx);
      expect(wanted.get(tx.txid), depth).toBe(2);
      expect(wanted.get(A.slice(0, 64)), depth).toBe('ref');
    }
  });

  it('a message naming more parts than its rows allow binds none of them (the tables step reports TABLE_PART_SPLIT)', () => {
    const tx = inputsNaming([[A, 1], [B, 1]]);
    for (const depth of ['full', 'quick'] as const) {
      const wanted = bound(depth, tx);
      expect(wanted.get(tx.txid), depth).toBe(2);
      expect(wanted.has(A.slice(0, 64)), depth).toBe(false);
      expect(wanted.has(B.slice(0, 64)), depth).toBe(false);
      expect([...wanted.keys()].sort(), depth).toEqual([genesis.txid, tx.txid, ...(entitledOf()?.objects ?? []).map((id) => id.slice(0, 64))].sort());
    }
  });
});

describe('messages of the month before at quick depth, signed by the entitled keys', () => {
  const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i + 5);
  const me = bytesToHex(publicKeyFromSecret(SECRET));
  const payloadOf = (type: 'inputs' | 'reveal') => {
    const tx = (full.listed[2] ?? []).map((t) => txs.get(t)!).find((t) => t && strictMessages(t, { network: 'regtest', genesis: full.genesisId, month: 2 }).some((x) => x.type === type))!;
    return strictMessages(tx, { network: 'regtest', genesis: full.genesisId, month: 2 }).find((x) => x.type === type)!.payload;
  };
  const bound = (tx: ParsedTx, m: number) =>
    revealsToBind({ ...ctx('quick'), entitled: { ...entitledOf()!, polKey: me, groupKey: me } }, [{ month: m, txids: [tx.txid], confirmed: new Map() }], new Map([[tx.txid, tx]]));

  it('the month before\'s inputs and reveal are not bound; this month\'s are', () => {
    for (const type of ['inputs', 'reveal'] as const) {
      const p = payloadOf(type) as PayloadByType[typeof type];
      const of = (month: number) => inscribed(buildMessage(type, { ...p, month, signer: me } as never, SECRET), undefined, month + (type === 'inputs' ? 0 : 10));
      expect(bound(of(1), 1).has(of(1).txid), type).toBe(false);
      expect(bound(of(2), 2).get(of(2).txid), type).toBe(2);
    }
  });

  it('a part inscribed in the message\'s own transaction keeps the marker the message was found on', () => {
    const p = payloadOf('inputs') as PayloadByType['inputs'];
    const withPart = (txid: string) => ({ rows: 7, parts: [{ inscription: `${txid}i1`, sha256: '5a'.repeat(32), rows: 7 }] });
    // A txid does not commit to the witness: built once to learn it, then again naming its own transaction's second inscription.
    const first = inscribed(buildMessage('inputs', { ...p, signer: me, table: withPart('00'.repeat(32)) }, SECRET), undefined, 99);
    const tx = inscribed(buildMessage('inputs', { ...p, signer: me, table: withPart(first.txid) }, SECRET), undefined, 99);
    expect(tx.txid).toBe(first.txid);
    const wanted = bound(tx, 2);
    expect(wanted.get(tx.txid)).toBe(2);
  });
});

describe('where a full-depth month finds what it binds', () => {
  const typesOf = (t: string) => looseMessages(txs.get(t) as ParsedTx).map((x) => x.type);
  const revealTx = () => (full.listed[2] ?? []).find((t) => typesOf(t).includes('reveal'))!;
  const revealedCommits = () => looseMessages(txs.get(revealTx()) as ParsedTx).flatMap((x) => (x.type === 'reveal' ? (x.payload.keys as { commit: string }[]).map((k) => k.commit.slice(0, 64)) : []));

  it('a commit the reveal names is bound only when listed on month m\'s marker and fetched', () => {
    const [named] = revealedCommits();
    expect(named).toBeDefined();
    const listings = listingsOf(full.listed).map((l) => ({ ...l, txids: l.txids.filter((t) => !typesOf(t).includes('register') || l.month !== 0) }));
    expect(revealsToBind(ctx('full'), listings, txs).get(named!)).toBe(2);
    const unlisted = listings.map((l) => ({ ...l, txids: l.txids.filter((t) => t !== named) }));
    expect(revealsToBind(ctx('full'), unlisted, txs).has(named!)).toBe(false);
    const unfetched = new Map([...txs].filter(([t]) => t !== named));
    expect(revealsToBind(ctx('full'), listings, unfetched).has(named!)).toBe(false);
  });

  it('registrations count only from month 0\'s marker: listed on month m\'s, they entitle no commit', () => {
    const regs = (full.listed[0] ?? []).filter((t) => typesOf(t).includes('register'));
    const unrevealed = listingsOf(full.listed).map((l) => (l.month === 0 ? { ...l, txids: l.txids.filter((t) => !regs.includes(t)) } : l.month === 2 ? { ...l, txids: [...l.txids.filter((t) => t !== revealTx()), ...regs] } : l));
    const commits = [...revealsToBind(ctx('full'), unrevealed, txs).keys()].filter((t) => typesOf(t).includes('commit'));
    expect(commits).toEqual([]);
  });

  it('this month\'s final spending its month outpoint is bound on month m\'s marker (only month 0\'s skips spenders)', () => {
    const finalTxid = (full.listed[2] ?? []).find((t) => typesOf(t).includes('final'))!;
    const tx = txs.get(finalTxid)!;
    const spender: ParsedTx = { ...tx, inputs: [...tx.inputs, { ...tx.inputs[0]!, txid: genesis.txid, vout: 2, witness: [] }] };
    const wanted = revealsToBind(ctx('full'), [{ month: 2, txids: [finalTxid], confirmed: new Map() }], new Map([[finalTxid, spender]]));
    expect(wanted.get(finalTxid)).toBe(2);
  });
});

describe('the lead\'s commit at quick depth', () => {
  it('is found from the month\'s final wherever the final is listed among the month\'s transactions', () => {
    const types = (t: string) => looseMessages(txs.get(t) as ParsedTx).map((x) => x.type);
    const listings = listingsOf(quick.listed).map((l) => (l.month === 2 ? { ...l, txids: [...l.txids.filter((t) => !types(t).includes('final')), ...l.txids.filter((t) => types(t).includes('final'))] } : l));
    expect(listings.find((l) => l.month === 2)!.txids[0]).not.toBe(listingsOf(quick.listed).find((l) => l.month === 2)!.txids[0]);
    const wanted = revealsToBind(ctx('quick'), listings, txs);
    expect(new Set(wanted.keys())).toEqual(new Set(Object.keys({ ...quick.reveals, ...quick.objects })));
  });
});

describe('the split rule of each table (inputs parts hold at least 1,584 rows but the last, allocation parts 3,815)', () => {
  const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i + 9);
  const me = bytesToHex(publicKeyFromSecret(SECRET));
  const A = `${'a3'.repeat(32)}i0`;
  const B = `${'b4'.repeat(32)}i0`;
  const naming = (type: 'inputs' | 'final', rows: [number, number]) => {
    const tx = (full.listed[2] ?? []).map((t) => txs.get(t)!).find((t) => t && strictMessages(t, { network: 'regtest', genesis: full.genesisId, month: 2 }).some((x) => x.type === type))!;
    const p = strictMessages(tx, { network: 'regtest', genesis: full.genesisId, month: 2 }).find((x) => x.type === type)!.payload as PayloadByType[typeof type];
    const table = { rows: rows[0] + rows[1], parts: [{ inscription: A, sha256: '5a'.repeat(32), rows: rows[0] }, { inscription: B, sha256: '5b'.repeat(32), rows: rows[1] }] };
    return inscribed(buildMessage(type, { ...p, signer: me, table } as never, SECRET), undefined, type === 'inputs' ? 41 : 42);
  };
  const parts = (tx: ParsedTx) => {
    const wanted = revealsToBind({ ...ctx('quick'), entitled: { ...entitledOf()!, polKey: me, groupKey: me } }, [{ month: 2, txids: [tx.txid], confirmed: new Map() }], new Map([[tx.txid, tx]]));
    expect(wanted.get(tx.txid)).toBe(2);
    return [A, B].filter((id) => wanted.has(id.slice(0, 64))).length;
  };

  it('a first part of 2,000 rows is an inputs table\'s right, not an allocation table\'s', () => {
    expect(parts(naming('inputs', [2000, 1]))).toBe(2);
    expect(parts(naming('final', [2000, 1]))).toBe(0);
    expect(parts(naming('final', [4000, 1]))).toBe(2);
  });
});
