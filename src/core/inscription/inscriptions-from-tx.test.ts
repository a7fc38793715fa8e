import { describe, expect, it } from 'vitest';
import { Transaction } from '@scure/btc-signer';
import { bytesToHex, hexToBytes } from '../bytes';
import { isVerifyError } from '../errors';
import { inscriptionsFromTx, inscriptionsFromTxHex } from './inscriptions-from-tx';
import { summaryFromInscription } from './summary';
import { caseVectors, mutationVectors, realVectors, type CaseVector } from './test-vectors';
import testnet from '../../../vectors/esplora/esplora-testnet3-block-2582756.json';

describe('real reveal transactions (vectors/inscriptions)', () => {
  it('has all seven vectors', () => expect(realVectors).toHaveLength(7));

  for (const [name, v] of realVectors) {
    describe(name, () => {
      const result = inscriptionsFromTxHex(v.hex);

      it('hashes to the recorded txid, as scure does with permissive options', () => {
        const scure = Transaction.fromRaw(hexToBytes(v.hex), {
          allowUnknownOutputs: true, allowUnknownInputs: true, allowUnknownVersion: true, disableScriptCheck: true,
        });
        expect(result.txid).toBe(v.txid);
        expect(result.txid).toBe(scure.id);
      });

      it('reproduces every recorded inscription: id, content type, body, input, offset, tags and ord flags', () => {
        expect(result.inscriptions).toHaveLength(v.inscriptions.length);
        result.inscriptions.forEach((got, n) => {
          const want = v.inscriptions[n]!;
          expect({
            id: got.id, contentType: got.contentType, bodySha256: got.bodySha256, bodyLength: got.bodyLength,
            input: got.input, offset: got.offset, tags: got.tags,
            ordFlags: {
              duplicateField: got.duplicateField, incompleteField: got.incompleteField, unrecognizedEvenField: got.unrecognizedEvenField,
              pushnum: got.pushnum, stutter: got.stutter, pointer: got.pointerBytes !== null, parents: got.parents.length,
              metadata: got.metadata !== null, metaprotocol: got.metaprotocol, contentEncoding: got.contentEncoding,
            },
          }).toEqual({
            id: want.id, contentType: want.contentType, bodySha256: want.bodySha256, bodyLength: want.bodyLength,
            input: want.input, offset: want.offset, tags: want.tags, ordFlags: want.ordFlags,
          });
        });
      });
    });
  }

  it('when the 100-envelope reveal is read, the first has no pointer and every later one is cursed NotInFirstInput', () => {
    const [, v] = realVectors.find(([n]) => n.includes('26f6901cc730'))!;
    const { inscriptions } = inscriptionsFromTxHex(v.hex);
    expect(inscriptions.map((x) => x.curse)).toEqual(inscriptions.map(() => 'NotInFirstInput'));
    expect(inscriptions[1]!.curses).toEqual(['NotInFirstInput', 'NotAtOffsetZero', 'Pointer']);
  });

  it('reads the testnet reveal served by mempool.space (vectors/esplora)', () => {
    const tx = testnet.txs.find((t: { txid: string }) => t.txid.startsWith('5cadcbc1')) as { txid: string; hex: string } | undefined;
    expect(tx).toBeDefined();
    const { inscriptions } = inscriptionsFromTxHex(tx!.hex);
    expect(inscriptions.map((x) => [x.id, x.contentType, x.bodyLength, x.bodySha256])).toEqual([[
      '5cadcbc1ccd91b222346f22c9a9a6fdbf20c9338ec8df0b36097e92d029509eci0', 'text/plain', 13,
      '75336bb7112bf45a0fdb879feb9bba7b34a6408c99e54cd9fccdf09b78f9c2dc',
    ]]);
  });
});

function checkCase(v: CaseVector): void {
  const prevoutValues = v.prevoutValues ? new Map(Object.entries(v.prevoutValues).map(([k, s]) => [k, BigInt(s)])) : undefined;
  const run = (): ReturnType<typeof inscriptionsFromTxHex> => inscriptionsFromTxHex(v.hex, { prevoutValues });
  if ('error' in v.expected) {
    let caught: unknown;
    try {
      run();
    } catch (e) {
      caught = e;
    }
    expect(isVerifyError(caught), String(caught)).toBe(true);
    expect((caught as { code: string }).code).toBe(v.expected.error);
    return;
  }
  const result = run();
  expect(result.txid).toBe(v.expected.txid);
  expect(result.inscriptions).toHaveLength(v.expected.inscriptions.length);
  v.expected.inscriptions.forEach((want, n) => {
    const got = result.inscriptions[n]!;
    const summary = summaryFromInscription(got);
    const { body, flags, ...fields } = want;
    for (const [k, value] of Object.entries(fields)) expect(summary[k as keyof typeof summary], `${n}.${k}`).toEqual(value);
    for (const [k, value] of Object.entries(flags ?? {})) expect(summary.flags[k as keyof typeof summary.flags], `${n}.flags.${k}`).toEqual(value);
    if (body !== undefined) expect(got.body === null ? null : bytesToHex(got.body), `${n}.body`).toEqual(body);
  });
}

describe('hand-built cases (vectors/inscriptions/cases): ord divergences and grammar rules', () => {
  it('has the cases', () => expect(caseVectors.length).toBeGreaterThanOrEqual(40));
  for (const [name, v] of caseVectors) {
    it(`when ${v.description}: ${v.ord}`, () => checkCase(v));
    void name;
  }
});

describe('mutations of the real reveals (vectors/inscriptions/mutations)', () => {
  it('has the mutations', () => expect(mutationVectors.length).toBeGreaterThanOrEqual(40));
  for (const [name, v] of mutationVectors) {
    it(`${name}: ${v.ord}`, () => checkCase(v));
  }
});

describe('when an expected txid is given', () => {
  const [, v] = realVectors[0]!;
  it('accepts the matching txid in any case', () => {
    expect(inscriptionsFromTx(hexToBytes(v.hex), { expectedTxid: v.txid.toUpperCase() }).txid).toBe(v.txid);
  });
  it('rejects another txid with INSCRIPTION_TXID_MISMATCH', () => {
    expect(() => inscriptionsFromTx(hexToBytes(v.hex), { expectedTxid: '00'.repeat(32) })).toThrow(
      expect.objectContaining({ code: 'INSCRIPTION_TXID_MISMATCH' }),
    );
  });
});
