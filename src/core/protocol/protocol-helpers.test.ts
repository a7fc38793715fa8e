/**
 * The small protocol helpers at their edges: which message types sit on which marker and who signs them, month
 * outpoint spends, marker payments, inscription ids and u32 encoding, and the month log's refusals.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedTx } from '../chain/tx';
import { errorOf } from '../errors.test-util';
import { inscriptionIdBytes, parseInscriptionId, u32be } from './ids';
import { markerScript, paysMarker } from './marker';
import { entitledSigner, typesOnMarker } from './marker-roles';
import { monthLogLeafHash, monthLogStep, verifyMonthLogStep } from './month-log';
import { monthOutpointInput, spendsMonthOutpoint } from './month-outpoints';
import { MESSAGE_TYPES } from './payloads';

const TXID = 'ab'.repeat(32);
const tx = (inputs: { txid: string; vout: number }[], outputs: Uint8Array[] = []): ParsedTx =>
  ({ inputs: inputs.map((i) => ({ ...i, witness: [] })), outputs: outputs.map((script) => ({ script, amount: 330n })) }) as unknown as ParsedTx;

describe('message types and their markers', () => {
  it('marker 0 carries registrations; every month marker the month\'s five message types', () => {
    expect(typesOnMarker(0)).toEqual(['register']);
    for (const m of [1, 2, 1200]) expect(typesOnMarker(m)).toEqual(['inputs', 'lottery', 'commit', 'reveal', 'final']);
  });

  it('inputs are signed by pol_key, reveals and finals by the group; any key may sign the rest', () => {
    const keys = { polKey: 'p'.repeat(64), groupKey: 'g'.repeat(64) };
    const signers = Object.fromEntries(MESSAGE_TYPES.map((t) => [t, entitledSigner(t, keys)]));
    expect(signers).toEqual({ genesis: undefined, register: undefined, inputs: keys.polKey, lottery: undefined, commit: undefined, reveal: keys.groupKey, final: keys.groupKey });
  });
});

describe('month outpoints spent', () => {
  it('an input of the genesis transaction at output 1 or above spends a month outpoint; output 0 and other transactions do not', () => {
    expect(spendsMonthOutpoint(tx([{ txid: TXID, vout: 1 }]), TXID)).toBe(true);
    expect(spendsMonthOutpoint(tx([{ txid: 'cd'.repeat(32), vout: 0 }, { txid: TXID, vout: 7 }]), TXID)).toBe(true);
    expect(spendsMonthOutpoint(tx([{ txid: TXID, vout: 0 }]), TXID)).toBe(false);
    expect(spendsMonthOutpoint(tx([{ txid: 'cd'.repeat(32), vout: 1 }]), TXID)).toBe(false);
    expect(spendsMonthOutpoint(tx([]), TXID)).toBe(false);
  });

  it('the input spending month m\'s outpoint is found by its index, also at index 0', () => {
    const t = tx([{ txid: TXID, vout: 3 }, { txid: TXID, vout: 2 }]);
    expect(monthOutpointInput(t, TXID, 3)).toBe(0);
    expect(monthOutpointInput(t, TXID, 2)).toBe(1);
    expect(monthOutpointInput(t, TXID, 4)).toBeUndefined();
  });
});

describe('marker payments', () => {
  it('a transaction pays month m\'s marker when one of its outputs has that marker\'s script', () => {
    const genesis = parseInscriptionId(`${TXID}i0`);
    const m3 = markerScript(genesis, 3);
    expect(paysMarker(tx([], [markerScript(genesis, 0), m3]), genesis, 3)).toBe(true);
    expect(paysMarker(tx([], [markerScript(genesis, 0)]), genesis, 3)).toBe(false);
    expect(paysMarker(tx([], []), genesis, 3)).toBe(false);
  });
});

describe('inscription ids', () => {
  it('parse <64 lowercase hex>i<index> with the index below 2^32, and refuse the rest with the caller\'s code and wording', () => {
    expect(parseInscriptionId(`${TXID}i4294967295`)).toEqual({ txid: TXID, index: 4294967295 });
    expect(parseInscriptionId(`${TXID}i0`)).toEqual({ txid: TXID, index: 0 });
    for (const bad of [`${TXID}i4294967296`, `x${TXID}i0`, `${TXID}i0x`, `${TXID}i01`, `${TXID.toUpperCase()}i0`, 7, null]) {
      const e = errorOf(() => parseInscriptionId(bad, 'ANCHOR_GENESIS_ID', 'genesis id'));
      expect([e.code, e.evidence, e.message], String(bad)).toEqual(['ANCHOR_GENESIS_ID', { value: String(bad).slice(0, 100) }, 'genesis id must look like <64 lowercase hex>i<index>']);
    }
    const long = errorOf(() => parseInscriptionId('z'.repeat(300)));
    expect([long.code, long.evidence, long.message]).toEqual(['MESSAGE_MALFORMED', { value: 'z'.repeat(100) }, 'inscription id must look like <64 lowercase hex>i<index>']);
  });

  it('their 36-byte form is the txid in internal order and the index little-endian', () => {
    const b = inscriptionIdBytes({ txid: `${'00'.repeat(31)}01`, index: 0x01020304 });
    expect([...b.slice(0, 2), ...b.slice(32)]).toEqual([1, 0, 4, 3, 2, 1]);
  });

  it('u32be takes integers 0..2^32 − 1', () => {
    expect([...u32be(0x01020304)]).toEqual([1, 2, 3, 4]);
    expect([...u32be(0xffffffff)]).toEqual([255, 255, 255, 255]);
    expect([...u32be(0)]).toEqual([0, 0, 0, 0]);
    for (const bad of [-1, 0x100000000, 1.5, Number.NaN]) expect(() => u32be(bad), String(bad)).toThrow(`u32be: ${bad} out of range`);
  });
});

describe('the month log', () => {
  const root = (b: number) => new Uint8Array(32).fill(b);
  it('a leaf needs a 32-byte root, and a step at least one entry', () => {
    expect(() => monthLogLeafHash({ month: 1, root: new Uint8Array(31) })).toThrow('monthLogLeafHash: root must be 32 bytes');
    expect(() => monthLogLeafHash({ month: 1, root: new Uint8Array(33) })).toThrow(RangeError);
    expect(monthLogLeafHash({ month: 1, root: root(1) })).toHaveLength(32);
    expect(() => monthLogStep([])).toThrow('monthLogStep: no entries');
  });

  it('a first head has size 1, an empty consistency proof and an inclusion proof of nothing; a second proves both', () => {
    const one = monthLogStep([{ month: 1, root: root(1) }]);
    expect([one.size, one.consistency, one.inclusion]).toEqual([1, [], []]);
    const two = monthLogStep([{ month: 1, root: root(1) }, { month: 2, root: root(2) }]);
    expect([two.size, two.consistency.length, two.inclusion.length]).toEqual([2, 1, 1]);
    expect(() => verifyMonthLogStep(one, two, { month: 2, root: root(2) })).not.toThrow();
  });

  it('refuses a head that does not grow by one, and a first head with a consistency proof, naming the sizes', () => {
    const one = monthLogStep([{ month: 1, root: root(1) }]);
    const e = errorOf(() => verifyMonthLogStep(one, one, { month: 1, root: root(1) }));
    expect([e.code, e.evidence, e.message]).toEqual(['MERKLE_LOG_SIZE', { previous: 1, size: 1 }, 'month log grows from 1 to 1, not by one']);
    const first = errorOf(() => verifyMonthLogStep(undefined, { ...one, consistency: ['00'.repeat(32)] }, { month: 1, root: root(1) }));
    expect([first.code, first.evidence, first.message]).toEqual(['MERKLE_PROOF_LENGTH', { length: 1 }, 'the first month log head needs an empty consistency proof']);
  });
});
