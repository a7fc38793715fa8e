import { describe, expect, it } from 'vitest';
import { DEVNET_URL } from '../../../../scripts/golden/collect';
import { networkFromName } from '../../chain/network';
import { parseTx, type ParsedTx } from '../../chain/tx';
import { isUnavailableCode } from '../../codes';
import { VerifyError } from '../../errors';
import { inscriptionsFromTx } from '../../inscription';
import { parseInscriptionId } from '../../protocol/ids';
import type { FileRef } from '../../protocol/payloads';
import { once } from '../../once.test-util';
import { verifyMonthSources } from '../../pipeline';
import type { MonthSources, ObjectSource } from '../records';
import { verifyObjects } from '../steps/inscriptions';
import { recorded } from '../steps/recorded.test-util';
import { objectBody } from '../table-refs';
import { byHashCandidates, carriesNamed, namedFiles, takeByHash, type NamedFile } from './by-hash';
import type { MarkerListing } from './listings';
import { strictGenesis } from './loose';
import type { MonthClient } from './month-client';
import { revealsToBind } from './wanted';

const full = recorded('full').sources;
const quick = recorded('quick').sources;
const txs = new Map<string, ParsedTx>([
  ...Object.entries({ ...full.reveals, ...quick.reveals }).map(([txid, r]) => [txid, r.tx] as const),
  ...Object.entries(quick.objects ?? {}).map(([txid, o]) => [txid, o.tx] as const),
]);
const listings: MarkerListing[] = Object.entries(quick.listed).map(([m, txids]) => ({ month: Number(m), txids, confirmed: new Map() }));
const genesis = parseInscriptionId(quick.genesisId);
const entitledOf = once(() => strictGenesis(txs.get(genesis.txid)!, quick.genesisId, 'regtest'));
const ctx = () => ({ network: 'regtest' as const, genesisId: quick.genesisId, genesis, entitled: entitledOf(), month: quick.month, depth: 'quick' as const });
const named = once(() => namedFiles(ctx(), listings, txs));
const candidates = once(() => byHashCandidates(revealsToBind(ctx(), listings, txs), genesis.txid, named()));

/** The transaction with one byte of a file's body changed: the txid does not cover the witness, so it stays. */
function withBodyTampered(tx: ParsedTx, id: string): ParsedTx {
  const body = inscriptionsFromTx(tx.bytes).inscriptions.find((x) => x.id === id)!.body!;
  const probe = body.subarray(0, 16);
  const at = tx.bytes.findIndex((_, i) => probe.every((b, j) => tx.bytes[i + j] === b));
  const bytes = tx.bytes.slice();
  bytes[at + 8]! ^= 1;
  const tampered = parseTx(bytes);
  expect(tampered.txid).toBe(tx.txid);
  return tampered;
}

/** A host serving `served` by txid; any other transaction is FETCH_NOT_FOUND. */
const hostServing = (served: ReadonlyMap<string, ParsedTx>): MonthClient => ({
  fetchTx: (txid: string) => {
    const tx = served.get(txid);
    return tx ? Promise.resolve(tx) : Promise.reject(new VerifyError('FETCH_NOT_FOUND', `no ${txid}`, { txid }));
  },
}) as unknown as MonthClient;

describe('the files signed messages name by SHA-256', () => {
  it('are the genesis\' program, mortality table and verification keys, and the parts of the entitled inputs and finals', () => {
    const g = entitledOf()!;
    for (const f of g.files) expect(named().get(f.inscription)).toEqual({ sha256s: new Set([f.sha256]), part: false });
    const parts = [...named()].filter(([, n]) => n.part);
    expect(parts.length).toBeGreaterThanOrEqual(2);
  });

  it('name nothing when no message is entitled (a stranger\'s inputs or final names no part)', () => {
    const stranger = '02'.padEnd(66, '1');
    const unentitled = { ...ctx(), entitled: { ...entitledOf()!, groupKey: stranger, polKey: stranger } };
    expect([...namedFiles(unentitled, listings, txs).values()].every((n) => !n.part)).toBe(true);
  });
});

describe('the reveals quick depth takes by hash', () => {
  it('are those bound only because a signed message names their files: never the genesis, never a marker\'s message', () => {
    const wanted = revealsToBind(ctx(), listings, txs);
    expect(candidates().size).toBeGreaterThan(0);
    for (const [txid, ids] of candidates()) {
      expect(wanted.get(txid)).toBe('ref');
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id.slice(0, 64)).toBe(txid);
    }
    expect(candidates().has(genesis.txid)).toBe(false);
    expect([...wanted].filter(([t, f]) => f === 'ref' && t !== genesis.txid).length).toBe(candidates().size);
  });

  it('leave out a reveal an earlier month of the run already bound', () => {
    const [txid] = [...candidates().keys()];
    const again = byHashCandidates(revealsToBind(ctx(), listings, txs), genesis.txid, named(), { [txid!]: full.reveals[txid!]! });
    expect(again.has(txid!)).toBe(false);
    expect(again.size).toBe(candidates().size - 1);
  });
});

describe('a file is taken by its hash', () => {
  it('when its body hashes to the SHA-256 the signed message names (a part: with the table content type)', () => {
    for (const [txid, ids] of candidates()) expect(carriesNamed(txs.get(txid)!, ids, named()), txid).toBe(true);
  });

  it('not when the served body does not match that SHA-256, nor when two messages name two hashes for it', () => {
    const [txid, ids] = [...candidates()][0]!;
    expect(carriesNamed(withBodyTampered(txs.get(txid)!, ids[0]!), ids, named())).toBe(false);
    const twice = new Map<string, NamedFile>(named());
    twice.set(ids[0]!, { ...named().get(ids[0]!)!, sha256s: new Set([...named().get(ids[0]!)!.sha256s, '00'.repeat(32)]) });
    expect(carriesNamed(txs.get(txid)!, ids, twice)).toBe(false);
  });

  it('not as a table part when its envelope says another content type', () => {
    const [txid, ids] = [...candidates()].find(([, i]) => !named().get(i[0]!)!.part)!;
    const asPart = new Map<string, NamedFile>(named());
    asPart.set(ids[0]!, { ...named().get(ids[0]!)!, part: true });
    expect(carriesNamed(txs.get(txid)!, ids, asPart)).toBe(false);
  });

  it('the fetch takes what matches, leaves what does not to be bound, and records what no host gives as a failure', async () => {
    const [tampered, gone, ...rest] = [...candidates()];
    const [tamperedTxid, tamperedIds] = tampered!;
    const [withheld] = gone!;
    const served = new Map([...txs].filter(([t]) => t !== withheld));
    served.set(tamperedTxid, withBodyTampered(txs.get(tamperedTxid)!, tamperedIds[0]!));
    const got = await takeByHash(hostServing(served), candidates(), named());
    expect(Object.keys(got.objects).sort()).toEqual(rest.map(([t]) => t).sort());
    expect(got.objects[tamperedTxid]).toBeUndefined();
    expect(got.failures).toEqual([{ txid: withheld, code: 'FETCH_NOT_FOUND', message: `no ${withheld}` }]);
  });
});

describe('a file taken by hash, read by the steps', () => {
  const objectsOf = (tx: (txid: string) => ParsedTx): Record<string, ObjectSource> => Object.fromEntries([...candidates()].map(([txid, ids]) => [txid, { tx: tx(txid), ids }]));
  const refOf = (id: string): FileRef => ({ inscription: id, sha256: [...named().get(id)!.sha256s][0]! });

  it('gives its body where it hashes as named', () => {
    const files = verifyObjects(objectsOf((t) => txs.get(t)!));
    expect(files.checks.every((c) => c.ok)).toBe(true);
    for (const ids of candidates().values()) for (const id of ids) expect(objectBody(files.value!, refOf(id), 'file').length).toBeGreaterThan(0);
  });

  it('is not accepted where its body does not match the SHA-256 its signed message names: the month is unavailable, not rejected', () => {
    const [txid, ids] = [...candidates()][0]!;
    const files = verifyObjects(objectsOf((t) => (t === txid ? withBodyTampered(txs.get(t)!, ids[0]!) : txs.get(t)!)));
    let caught: unknown;
    try {
      objectBody(files.value!, refOf(ids[0]!), 'file');
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'FETCH_BAD_BODY' });
    expect(isUnavailableCode((caught as VerifyError).code)).toBe(true);
  });

  it('is unavailable (FETCH_BAD_BODY) when the served transaction does not carry it as a drey/1 envelope', () => {
    const [txid, ids] = [...candidates()][0]!;
    const result = verifyObjects({ [txid]: { tx: txs.get(txid)!, ids: [...ids, `${txid}i9`] } });
    expect(result.checks).toEqual([expect.objectContaining({ ok: false, code: 'FETCH_BAD_BODY' })]);
  });
});

describe('a depositor\'s month whose files are taken by hash', { timeout: 120_000 }, () => {
  const client = { network: networkFromName('regtest'), hosts: [DEVNET_URL] };
  /** The recorded quick sources (the named files taken by hash, unbound), changed. */
  const byHash = (change: (objects: Record<string, ObjectSource>) => Partial<MonthSources> = () => ({})): MonthSources => ({ ...quick, ...change(quick.objects ?? {}) });
  const verdictOf = async (src: MonthSources) => (await verifyMonthSources(src, { client, network: 'regtest', genesisId: src.genesisId, month: src.month, depth: 'quick', user: recorded('quick').user! })).report;

  it('takes every file the quick fetch would take by hash', () => {
    expect(Object.keys(quick.objects ?? {}).sort()).toEqual([...candidates().keys()].sort());
  });

  it('verifies with the same files as when they are bound (sources recorded before files were taken by hash)', async () => {
    const report = await verdictOf(byHash());
    expect(report.verdict).toBe('verified');
    const { objects, ...rest } = quick;
    const bound: MonthSources = {
      ...rest, reveals: { ...quick.reveals, ...Object.fromEntries(Object.keys(objects ?? {}).map((t) => [t, full.reveals[t]!])) }, blocks: { ...full.blocks, ...quick.blocks },
    };
    const boundReport = await verdictOf(bound);
    expect(boundReport.verdict).toBe('verified');
    expect(report.inputsHashes).toEqual(boundReport.inputsHashes);
  });

  it('is unavailable, not rejected, when a host withholds one of them', async () => {
    const [txid] = [...candidates().keys()];
    const report = await verdictOf(byHash((objects) => {
      const { [txid!]: _gone, ...left } = objects;
      return { objects: left, failures: [...quick.failures, { txid: txid!, code: 'FETCH_NOT_FOUND', message: `no ${txid}` }] };
    }));
    expect(report.verdict).toBe('unavailable');
    expect(report.checks.find((c) => !c.ok)?.code).toBe('FETCH_NOT_FOUND');
  });

  it('is unavailable, not rejected, when a host serves one with another body', async () => {
    const [txid, ids] = [...candidates()][0]!;
    const report = await verdictOf(byHash((objects) => ({ objects: { ...objects, [txid]: { tx: withBodyTampered(txs.get(txid)!, ids[0]!), ids } } })));
    expect(report.verdict).toBe('unavailable');
    expect(report.checks.find((c) => !c.ok)?.code).toBe('FETCH_BAD_BODY');
  });
});
