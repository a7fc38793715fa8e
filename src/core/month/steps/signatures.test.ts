import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, sha256 } from '../../bytes';
import { publicKeyFromSecret } from '../../crypto/schnorr';
import { VerifyError } from '../../errors';
import { buildMessage } from '../../protocol/message';
import type { ParsedTx } from '../../chain/tx';
import type { InscriptionRecord, MessageRecord } from '../records';
import { monthEnd } from '../timeline';
import { verifyHeaders } from './headers';
import { verifyInscriptions } from './inscriptions';
import { recorded, REGTEST } from './recorded.test-util';
import { authorisedSigner, timelyFinal, verifyMessages, verifySignatures, type SignaturesInput } from './signatures';
import { inscription, PARAMS } from './test-records.test-util';
import { once } from '../../once.test-util';

const { sources } = recorded('full');
/** The recorded month's inscriptions, read through the header and inscription steps on first use (inside a test). */
const recordsOf = once((): Map<string, InscriptionRecord> => {
  const blocks = verifyHeaders({ blocks: sources.blocks, network: REGTEST }).value ?? new Map();
  return verifyInscriptions({ reveals: sources.reveals, blocks, failures: [] }).value ?? new Map();
});
const input = (extra: Partial<SignaturesInput> = {}): SignaturesInput => ({ records: recordsOf(), genesisId: sources.genesisId, network: 'regtest', month: 2, previousMonth: 1, ...extra });
const ignored = (r: ReturnType<typeof verifySignatures>) => r.checks.filter((c) => c.evidence.ignored).map((c) => c.evidence.ignored);

describe('when the month\'s messages are the group\'s and its actuaries\'', () => {
  it('verifies the genesis and every message, picks the final and last month\'s timely final', () => {
    const r = verifySignatures(input());
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(ignored(r)).toEqual([]);
    expect(r.value?.final?.type).toBe('final');
    expect(r.value?.previous.month).toBe(1);
    expect(r.value?.previous.final?.inscription.found).toBe(1);
    expect(r.value?.messages.setup.every((m) => m.type === 'register')).toBe(true);
  });
});

describe('when the genesis is not among the bound inscriptions', () => {
  it('fails with ANCHOR_GENESIS_MISSING and nothing else is read', () => {
    const without = new Map([...recordsOf()].filter(([id]) => id !== sources.genesisId));
    const r = verifySignatures(input({ records: without }));
    expect(r.checks.map((c) => c.code)).toEqual(['ANCHOR_GENESIS_MISSING']);
    expect(r.value).toBeUndefined();
  });
  it('a genesis id that is no inscription id is a run-level ANCHOR_GENESIS_ID error', () => {
    expect(() => verifySignatures(input({ genesisId: 'genesis' }))).toThrow(expect.objectContaining({ code: 'ANCHOR_GENESIS_ID' }));
    expect(() => verifySignatures(input({ genesisId: 'genesis' }))).toThrow(VerifyError);
  });
});

describe('when a message is on the wrong marker or does not verify', () => {
  it('is listed as ignored (MESSAGE_WRONG_MONTH, MESSAGE_BAD_SIGNATURE), never failed', () => {
    const final = verifySignatures(input()).value?.final;
    if (!final) throw new Error('no final');
    const moved = { ...final.inscription, id: `${'ab'.repeat(32)}i0`, found: 0 };
    const text = new TextDecoder().decode(final.inscription.body);
    const at = text.indexOf('"sig":"') + 7;
    const body = new TextEncoder().encode(text.slice(0, at) + (text[at] === '0' ? '1' : '0') + text.slice(at + 1));
    const forged = { ...final.inscription, id: `${'cd'.repeat(32)}i0`, body, bodySha256: bytesToHex(sha256(body)) };
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [moved.id, moved], [forged.id, forged]]) }));
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(ignored(r).sort()).toEqual(['MESSAGE_BAD_SIGNATURE', 'MESSAGE_WRONG_MONTH']);
  });
  it('a reveal signed by a key other than the group\'s is ignored (MESSAGE_NOT_AUTHORISED)', () => {
    const sk = hexToBytes('07'.repeat(32));
    const signer = bytesToHex(publicKeyFromSecret(sk));
    const body = buildMessage('reveal', { network: 'regtest', genesis: sources.genesisId, month: 2, signer, attempt: 0, keys: [] }, sk);
    const rogue: InscriptionRecord = { ...inscription(999_999), found: 2, body, bodySha256: bytesToHex(sha256(body)) };
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [rogue.id, rogue]]) }));
    expect(ignored(r)).toEqual(['MESSAGE_NOT_AUTHORISED']);
  });
});

describe('envelopes the fetch layer listed but did not fetch (§2.5: none of their messages entitled)', () => {
  it('each is a passing check naming its id, transaction, marker and reason; nothing is counted', () => {
    const unbound = [
      { id: `${'ab'.repeat(32)}i0`, txid: 'ab'.repeat(32), month: 2, code: 'MESSAGE_NOT_AUTHORISED' as const, message: 'commit signed by a key no registration names' },
      { id: `${'cd'.repeat(32)}i1`, txid: 'cd'.repeat(32), month: 0, code: 'INSCRIPTION_NOT_TAPROOT' as const, message: 'not a script-path spend' },
    ];
    const plain = verifySignatures(input());
    const r = verifySignatures(input({ unbound }));
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(ignored(r)).toEqual(['MESSAGE_NOT_AUTHORISED', 'INSCRIPTION_NOT_TAPROOT']);
    const extra = r.checks.filter((c) => c.evidence.ignored);
    expect(extra.map((c) => c.evidence)).toEqual(unbound.map((x) => ({ id: x.id, txid: x.txid, marker: x.month, ignored: x.code })));
    expect(extra[0]!.message).toContain("on month 2's marker, not fetched: commit signed by a key no registration names");
    expect(extra.every((c) => c.step === 'signatures')).toBe(true);
    expect(r.value?.messages.current.length).toBe(plain.value?.messages.current.length);
    expect(r.checks.length).toBe(plain.checks.length + 2);
  });
});

describe('when the months before this one failed', () => {
  it('says which months failed and starts from the month the fetch layer found (none: an empty table)', () => {
    const r = verifySignatures(input({ previousMonth: 0 }));
    expect(r.checks.find((c) => c.evidence.previousMonth !== undefined)?.evidence).toEqual({ previousMonth: 0, failed: [1] });
    expect(r.value?.previous).toEqual({ month: 0 });
  });
});

describe('when last month\'s final is taken as this month\'s starting point', () => {
  const END = monthEnd(PARAMS, 1);
  const final = (height: number): MessageRecord<'final'> => ({ inscription: inscription(height), type: 'final', signer: 'aa'.repeat(32), payload: {} as never, message: undefined as never });
  it('is the group\'s first final when it confirmed by that month\'s end', () => {
    const first = final(END);
    expect(timelyFinal([first, final(END + 1)], END)).toBe(first);
  });
  it('is none when the first final came late (a later one does not replace it), or there is none', () => {
    expect(timelyFinal([final(END + 1), final(END + 2)], END)).toBeUndefined();
    expect(timelyFinal([], END)).toBeUndefined();
  });
});

describe('when someone re-inscribes a message of the month byte for byte (§2.5)', () => {
  it('the later copy is ignored as MESSAGE_COPY and stands for the earliest one', () => {
    const original = [...recordsOf().values()].find((r) => r.found === 2 && new TextDecoder().decode(r.body).includes('"type":"commit"'));
    if (!original) throw new Error('the recorded month has no commit');
    const id = `${'ee'.repeat(32)}i0`;
    const copy: InscriptionRecord = { ...original, id, txid: 'ee'.repeat(32), height: original.height + 1 };
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [id, copy]]) }));
    expect(ignored(r)).toEqual(['MESSAGE_COPY']);
    expect(r.value?.messages.copies.get(id)).toBe(original.id);
    expect(r.value?.messages.current.filter((x) => x.inscription.id === id)).toEqual([]);
  });
});

describe('the signatures checks\' evidence and the messages\' markers', () => {
  it('the genesis check names the genesis, its height, group key and proof system; each message its place, type and signer; the final the group key', () => {
    const r = verifySignatures(input());
    const g = r.value!.messages.genesis;
    expect(r.checks[0]?.evidence).toEqual({ id: sources.genesisId, height: g.inscription.height, groupKey: g.payload.frost.group_key, proofSystem: g.payload.proof_system });
    const c = r.value!.messages.current[0]!;
    expect(r.checks.find((x) => x.evidence.id === c.inscription.id)?.evidence).toEqual({ id: c.inscription.id, height: c.inscription.height, position: c.inscription.position, type: c.type, signer: c.signer });
    const f = r.value!.final!;
    expect(r.checks.at(-1)?.evidence).toEqual({ id: f.inscription.id, height: f.inscription.height, groupKey: g.payload.frost.group_key });
  });

  it('messages go to the marker they were found on: month 0\'s, this month\'s, the month it starts from; others and referenced objects are not read', () => {
    const r = verifySignatures(input());
    const m = r.value!.messages;
    expect(m.setup.length).toBeGreaterThan(0);
    expect(m.setup.every((x) => x.inscription.found === 0)).toBe(true);
    expect(m.current.every((x) => x.inscription.found === 2)).toBe(true);
    expect(m.previous.length).toBeGreaterThan(0);
    expect(m.previous.every((x) => x.inscription.found === 1)).toBe(true);
    const all = [...m.setup, ...m.current, ...m.previous].map((x) => x.inscription.id);
    expect(all.length).toBe(r.checks.filter((x) => x.evidence.signer !== undefined).length);
    expect([...recordsOf().values()].filter((x) => x.found === 'ref').every((x) => !all.includes(x.id))).toBe(true);
    const withoutPrevious = verifySignatures(input({ month: 3, previousMonth: 2 }));
    expect(withoutPrevious.value?.messages.previous.every((x) => x.inscription.found === 2)).toBe(true);
    expect(withoutPrevious.value?.messages.current).toEqual([]);
  });

  it('an ignored message names its place and why', () => {
    const final = verifySignatures(input()).value!.final!;
    const moved = { ...final.inscription, id: `${'ab'.repeat(32)}i0`, found: 0 };
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [moved.id, moved]]) }));
    expect(r.checks.find((c) => c.evidence.ignored)?.evidence).toEqual({ id: moved.id, height: moved.height, position: moved.position, ignored: 'MESSAGE_WRONG_MONTH' });
  });

  it('a genesis that is no JSON message, no valid message, or another message is ANCHOR_GENESIS_MISSING with why', () => {
    const g = recordsOf().get(sources.genesisId)!;
    const as = (record: InscriptionRecord) => verifySignatures(input({ records: new Map([...recordsOf(), [sources.genesisId, record]]) })).checks;
    expect(as({ ...g, contentType: 'text/plain' })).toEqual([expect.objectContaining({ code: 'ANCHOR_GENESIS_MISSING', evidence: { contentType: 'text/plain' } })]);
    expect(as({ ...g, body: new TextEncoder().encode('{}') })[0]).toMatchObject({ code: 'ANCHOR_GENESIS_MISSING', evidence: { genesis: sources.genesisId, reason: expect.stringMatching(/^MESSAGE_/) } });
    const commit = verifySignatures(input()).value!.messages.current.find((x) => x.type === 'commit')!;
    expect(as({ ...g, body: commit.inscription.body })).toEqual([expect.objectContaining({ code: 'ANCHOR_GENESIS_MISSING', evidence: { type: 'commit' } })]);
  });

  it('only the PoL service signs inputs and only the FROST group reveals and finals; anyone else\'s types any key', () => {
    const g = verifySignatures(input()).value!.genesis;
    expect(authorisedSigner('inputs', g)).toBe(g.pol_key);
    expect(authorisedSigner('reveal', g)).toBe(g.frost.group_key);
    expect(authorisedSigner('final', g)).toBe(g.frost.group_key);
    for (const t of ['commit', 'lottery', 'register'] as const) expect(authorisedSigner(t, g)).toBeUndefined();
  });

  it('several failed months are named; one failed month is named alone; none when the month starts from the one before', () => {
    expect(verifySignatures(input({ month: 3, previousMonth: 0 })).checks.find((c) => c.evidence.previousMonth !== undefined)?.evidence).toEqual({ previousMonth: 0, failed: [1, 2] });
    expect(verifySignatures(input()).checks.some((c) => c.evidence.previousMonth !== undefined)).toBe(false);
    expect(verifySignatures(input({ month: 3, previousMonth: 1 })).value?.previous.final?.inscription.found).toBe(1);
  });
});

describe('with month outpoints (§2.4.1): a month\'s final is the one its outpoint\'s spender carries', () => {
  const SECRET = hexToBytes('07'.repeat(32));
  /** The recorded records with the genesis re-signed to declare 12 month outpoints, and a genesis transaction paying them. */
  const withOutpoints = once(() => {
    const records = new Map(recordsOf());
    const g = records.get(sources.genesisId)!;
    const original = verifySignatures(input()).value!.genesis;
    const payload = { ...original, signer: bytesToHex(publicKeyFromSecret(SECRET)), params: { ...original.params, months: 12 } };
    const body = buildMessage('genesis', payload, SECRET);
    records.set(sources.genesisId, { ...g, body, bodySha256: bytesToHex(sha256(body)) });
    const groupOutput = { script: Uint8Array.from([0x51, 0x20, ...hexToBytes(original.frost.group_key)]), amount: 1_000n };
    const genesisTx = { txid: sources.genesisId.slice(0, 64), inputs: [], outputs: [{ script: new Uint8Array([0x51]), amount: 10_000n }, ...Array(12).fill(groupOutput)] } as unknown as ParsedTx;
    const finalOf = (found: number) => [...records.values()].find((r) => r.found === found && /"type":"final"/.test(new TextDecoder().decode(r.body)))!;
    return { records, genesisTx, final2: finalOf(2), final1: finalOf(1) };
  });
  const outpointInput = (spenders: [number, string][], genesisTx = withOutpoints().genesisTx): SignaturesInput =>
    input({ records: withOutpoints().records, outpoints: { genesisTx, spenders: new Map(spenders) } });

  it('picks the spenders\' finals for this month and the month it starts from', () => {
    const { final1, final2 } = withOutpoints();
    const r = verifySignatures(outpointInput([[1, final1.txid], [2, final2.txid]]));
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.value?.final?.inscription.id).toBe(final2.id);
    expect(r.value?.previous.final?.inscription.id).toBe(final1.id);
    expect(r.checks.filter((c) => c.message.startsWith('ignored final'))).toEqual([]);
  });

  it('a final that does not pay the markers stays the final; the report says its markers were listed from the top', () => {
    const { final1, final2 } = withOutpoints();
    const spenders = new Map([[1, final1.txid], [2, final2.txid]]);
    const r = verifySignatures(input({ records: withOutpoints().records, outpoints: { genesisTx: withOutpoints().genesisTx, spenders, unpaid: new Map([[2, [0]], [1, [0, 1]]]) } }));
    expect(r.value?.final?.inscription.id).toBe(final2.id);
    const notes = r.checks.filter((c) => c.evidence.unpaidMarkers !== undefined);
    expect(notes.map((c) => [c.ok, c.evidence])).toEqual([[true, { id: final2.id, unpaidMarkers: [0] }]]);
    expect(notes[0]!.message).toContain("does not pay month 0's marker: listed from the top");
    const paid = verifySignatures(input({ records: withOutpoints().records, outpoints: { genesisTx: withOutpoints().genesisTx, spenders, unpaid: new Map() } }));
    expect(paid.checks.some((c) => c.evidence.unpaidMarkers !== undefined)).toBe(false);
  });

  it('a group final that does not spend the outpoint is not the month\'s final: listed, not counted', () => {
    const { final1, final2 } = withOutpoints();
    const r = verifySignatures(outpointInput([[1, final1.txid]]));
    expect(r.value?.final).toBeUndefined();
    expect(r.value?.previous.final?.inscription.id).toBe(final1.id);
    const note = r.checks.find((c) => c.message.includes(`ignored final ${final2.id}`));
    expect(note?.ok).toBe(true);
    expect(note?.evidence).toMatchObject({ id: final2.id, month: 2, spender: null });
    const none = verifySignatures(outpointInput([]));
    expect(none.value?.previous.final).toBeUndefined();
  });

  it('a genesis transaction whose month outputs do not pay the group key fails the month: GENESIS_MONTH_OUTPUTS', () => {
    const { genesisTx } = withOutpoints();
    const broken = { ...genesisTx, outputs: genesisTx.outputs.slice(0, 12) } as ParsedTx;
    const r = verifySignatures(outpointInput([], broken));
    expect(r.value).toBeUndefined();
    expect(r.checks.find((c) => !c.ok)?.code).toBe('GENESIS_MONTH_OUTPUTS');
  });

  it('without the genesis transaction at hand, a genesis with month outpoints cannot be read: ANCHOR_GENESIS_MISSING', () => {
    const r = verifySignatures(input({ records: withOutpoints().records }));
    expect(r.checks).toEqual([{ step: 'signatures', ok: false, code: 'ANCHOR_GENESIS_MISSING', message: 'the genesis transaction is not at hand to read its month outpoints', evidence: { genesis: sources.genesisId } }]);
  });
});

describe('what the signatures checks tell the reader', () => {
  const ignoredCheck = (r: ReturnType<typeof verifySignatures>, id: string) => r.checks.find((c) => c.evidence.id === id && c.evidence.ignored !== undefined);

  it('a genesis that is missing, no JSON message, no valid message or another message says so in words', () => {
    const without = new Map([...recordsOf()].filter(([id]) => id !== sources.genesisId));
    expect(verifySignatures(input({ records: without })).checks).toEqual([{
      step: 'signatures', ok: false, code: 'ANCHOR_GENESIS_MISSING', message: `the genesis inscription ${sources.genesisId} is not a bound drey/1 inscription`, evidence: { genesis: sources.genesisId },
    }]);
    const g = recordsOf().get(sources.genesisId)!;
    const as = (record: InscriptionRecord) => verifySignatures(input({ records: new Map([...recordsOf(), [sources.genesisId, record]]) })).checks[0]!;
    expect(as({ ...g, contentType: 'text/plain' }).message).toBe('the genesis inscription is not a JSON message');
    expect(as({ ...g, body: new TextEncoder().encode('{}') }).message).toMatch(/^the genesis inscription is no valid message: ./);
    const commit = verifySignatures(input()).value!.messages.current.find((x) => x.type === 'commit')!;
    expect(as({ ...g, body: commit.inscription.body }).message).toBe(`inscription ${sources.genesisId} is a commit message, not the genesis`);
  });

  it('the genesis check and each message\'s check are the signatures step\'s, named by type, id and signer', () => {
    const r = verifySignatures(input());
    expect(r.checks.every((c) => c.step === 'signatures')).toBe(true);
    expect(r.checks[0]!.message).toBe('genesis message parsed, signed, FROST group key re-derived from the DKG commitments');
    expect(r.value!.messages.genesis.type).toBe('genesis');
    const c = r.value!.messages.current[0]!;
    expect(r.checks.find((x) => x.evidence.id === c.inscription.id && x.evidence.signer !== undefined)?.message).toBe(`${c.type} ${c.inscription.id} signed by ${c.signer}`);
    const f = r.value!.final!;
    expect(r.checks.at(-1)?.message).toBe(`final ${f.inscription.id} signed by the FROST group key`);
  });

  it('an ignored message is named with why: wrong marker, wrong signer, a copy', () => {
    const final = verifySignatures(input()).value!.final!;
    const moved = { ...final.inscription, id: `${'ab'.repeat(32)}i0`, found: 0 };
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [moved.id, moved]]) }));
    expect(ignoredCheck(r, moved.id)?.message).toBe(`ignored ${moved.id}: a final message does not belong on month 0's marker`);

    const sk = hexToBytes('07'.repeat(32));
    const signer = bytesToHex(publicKeyFromSecret(sk));
    const body = buildMessage('reveal', { network: 'regtest', genesis: sources.genesisId, month: 2, signer, attempt: 0, keys: [] }, sk);
    const rogue: InscriptionRecord = { ...inscription(999_999), found: 2, body, bodySha256: bytesToHex(sha256(body)) };
    const group = r.value!.genesis.frost.group_key;
    const r2 = verifySignatures(input({ records: new Map([...recordsOf(), [rogue.id, rogue]]) }));
    expect(ignoredCheck(r2, rogue.id)?.message).toBe(`ignored ${rogue.id}: reveal must be signed by ${group}, not ${signer}`);
    expect(ignoredCheck(r2, rogue.id)?.step).toBe('signatures');

    const original = [...recordsOf().values()].find((x) => x.found === 2 && new TextDecoder().decode(x.body).includes('"type":"commit"'))!;
    const id = `${'ee'.repeat(32)}i0`;
    const r3 = verifySignatures(input({ records: new Map([...recordsOf(), [id, { ...original, id, txid: 'ee'.repeat(32), height: original.height + 1 }]]) }));
    expect(ignoredCheck(r3, id)?.message).toBe(`ignored ${id}: a byte-for-byte copy of ${original.id}, which it stands for`);
  });

  it('a message of another month on this month\'s marker is ignored as MESSAGE_WRONG_MONTH (read with the marker\'s month)', () => {
    const lastMonths = verifySignatures(input()).value!.previous.final!;
    const moved = { ...lastMonths.inscription, id: `${'ac'.repeat(32)}i0`, txid: 'ac'.repeat(32), found: 2 };
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [moved.id, moved]]) }));
    expect(ignoredCheck(r, moved.id)?.evidence.ignored).toBe('MESSAGE_WRONG_MONTH');
    expect(r.value!.messages.current.some((x) => x.inscription.id === moved.id)).toBe(false);
    expect(r.value!.final?.inscription.id).not.toBe(moved.id);
  });

  it('an inscription on a marker that is no JSON message is not read as one (no check names it)', () => {
    const commit = verifySignatures(input()).value!.messages.current.find((x) => x.type === 'commit')!.inscription;
    const other: InscriptionRecord = { ...commit, id: `${'ad'.repeat(32)}i0`, txid: 'ad'.repeat(32), contentType: 'text/plain', bodySha256: '01'.repeat(32) };
    const plain = verifySignatures(input());
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [other.id, other]]) }));
    expect(r.checks.some((c) => c.evidence.id === other.id)).toBe(false);
    expect(r.checks.length).toBe(plain.checks.length);
  });

  it('a genesis id that is no inscription id says which id is malformed', () => {
    expect(() => verifySignatures(input({ genesisId: 'genesis' }))).toThrow(/^genesis id must look like/);
  });

  it('failed months are named in words: one month alone, several as a range; the start is last good month\'s final or an empty table', () => {
    const note = (month: number, previousMonth: number) => verifySignatures(input({ month, previousMonth })).checks.find((c) => c.evidence.previousMonth !== undefined);
    expect(note(3, 1)).toEqual({ step: 'signatures', ok: true, code: 'OK', message: 'month 2 has no final confirmed by its end (failed): this month starts from month 1\'s final', evidence: { previousMonth: 1, failed: [2] } });
    expect(note(4, 1)).toEqual({ step: 'signatures', ok: true, code: 'OK', message: 'months 2–3 have no final confirmed by their end (failed): this month starts from month 1\'s final', evidence: { previousMonth: 1, failed: [2, 3] } });
    expect(note(2, 0)?.message).toBe('month 1 has no final confirmed by its end (failed): this month starts from an empty table, as the first month does');
    expect(note(3, 0)?.message).toBe('months 1–2 have no final confirmed by their end (failed): this month starts from an empty table, as the first month does');
    expect(note(4, 2)?.evidence).toEqual({ previousMonth: 2, failed: [3] });
    expect(note(3, 2)).toBeUndefined();
  });
});

describe('with month outpoints: what the reader is told about finals that do not count', () => {
  it('an ignored final names the outpoint it does not spend; the unpaid markers are all named', () => {
    const records = new Map(recordsOf());
    const g = records.get(sources.genesisId)!;
    const SECRET = hexToBytes('07'.repeat(32));
    const original = verifySignatures(input()).value!.genesis;
    const body = buildMessage('genesis', { ...original, signer: bytesToHex(publicKeyFromSecret(SECRET)), params: { ...original.params, months: 12 } }, SECRET);
    records.set(sources.genesisId, { ...g, body, bodySha256: bytesToHex(sha256(body)) });
    const groupOutput = { script: Uint8Array.from([0x51, 0x20, ...hexToBytes(original.frost.group_key)]), amount: 1_000n };
    const genesisTx = { txid: sources.genesisId.slice(0, 64), inputs: [], outputs: [{ script: new Uint8Array([0x51]), amount: 10_000n }, ...Array(12).fill(groupOutput)] } as unknown as ParsedTx;
    const final2 = [...records.values()].find((x) => x.found === 2 && /"type":"final"/.test(new TextDecoder().decode(x.body)))!;
    const r = verifySignatures(input({ records, outpoints: { genesisTx, spenders: new Map([[2, 'ff'.repeat(32)]]) } }));
    const note = r.checks.find((c) => c.evidence.id === final2.id && c.evidence.month === 2);
    expect(note).toEqual({ step: 'signatures', ok: true, code: 'OK', message: `ignored final ${final2.id}: it does not spend month 2's outpoint`, evidence: { id: final2.id, month: 2, spender: 'ff'.repeat(32) } });
    const paidNot = verifySignatures(input({ records, outpoints: { genesisTx, spenders: new Map([[2, final2.txid]]), unpaid: new Map([[2, [0, 2]]]) } }));
    expect(paidNot.checks.find((c) => c.evidence.unpaidMarkers !== undefined)?.step).toBe('signatures');
    const none = verifySignatures(input({ records, outpoints: { genesisTx, spenders: new Map([[2, final2.txid]]), unpaid: new Map([[2, []]]) } }));
    expect(none.checks.some((c) => c.evidence.unpaidMarkers !== undefined)).toBe(false);
    expect(none.value?.final?.inscription.id).toBe(final2.id);
    expect(paidNot.checks.find((c) => c.evidence.unpaidMarkers !== undefined)?.message)
      .toBe(`final ${final2.id} does not pay month 0's or month 2's marker: listed from the top instead of back from the final`);
  });
});

describe('the order and the markers messages are read in', () => {
  it('without a starting month named, the month before is the one read besides month 0\'s and this month\'s', () => {
    const { messages } = verifyMessages(recordsOf(), sources.genesisId, 'regtest', 2);
    expect(messages!.previous.length).toBeGreaterThan(0);
    expect(messages!.previous.every((x) => x.inscription.found === 1)).toBe(true);
  });

  it('the earliest copy in chain order stands for the message, whatever order the records come in', () => {
    const original = [...recordsOf().values()].find((x) => x.found === 2 && new TextDecoder().decode(x.body).includes('"type":"commit"'))!;
    const id = `${'ef'.repeat(32)}i0`;
    const earlier: InscriptionRecord = { ...original, id, txid: 'ef'.repeat(32), height: original.height - 1 };
    const r = verifySignatures(input({ records: new Map([...recordsOf(), [id, earlier]]) }));
    expect(r.value?.messages.copies.get(original.id)).toBe(id);
    expect(r.value?.messages.current.some((x) => x.inscription.id === id)).toBe(true);
    expect(r.checks.find((c) => c.evidence.id === original.id)?.evidence.ignored).toBe('MESSAGE_COPY');
  });
});

describe('the unpaid-markers note', () => {
  const final2 = () => verifySignatures(input()).value!.final!;
  const genesisTx = { txid: sources.genesisId.slice(0, 64), inputs: [], outputs: [] } as unknown as ParsedTx;

  it('is not given for a genesis without month outpoints, whatever the sources say', () => {
    const r = verifySignatures(input({ outpoints: { genesisTx, spenders: new Map([[2, final2().inscription.txid]]), unpaid: new Map([[2, [0]]]) } }));
    expect(r.value?.final?.inscription.id).toBe(final2().inscription.id);
    expect(r.checks.some((c) => c.evidence.unpaidMarkers !== undefined)).toBe(false);
  });
});
