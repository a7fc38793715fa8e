import { Script } from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../../bytes';
import type { ParsedTx } from '../../chain/tx';
import { publicKeyFromSecret } from '../../crypto/schnorr';
import { inscriptionsFromTx } from '../../inscription';
import { buildMessage, CONTENT_TYPES, METAPROTOCOL, parseMessage, type Message } from '../../protocol/message';
import type { MessageType, PayloadByType } from '../../protocol/payloads';
import { once } from '../../once.test-util';
import { recorded } from '../steps/recorded.test-util';
import { judgeListed, looksLikeScriptPath, registeredKeys, type EntitlementContext } from './entitled';
import { CONTROL, envelopeScript, inscribed, txWithWitness } from './inscribed.test-util';
import { strictGenesis } from './loose';

const full = recorded('full').sources;
const { genesisId, network } = full;
const month = full.month;
const txs = Object.values(full.reveals).map((r) => r.tx);

/** Every real message of the recorded month, with the transaction carrying it. */
const messages = once(() => txs.flatMap((tx) => inscriptionsFromTx(tx.bytes).inscriptions.flatMap((ins): { tx: ParsedTx; body: Uint8Array; message: Message | undefined }[] => {
  if (ins.metaprotocol !== METAPROTOCOL || ins.contentType !== CONTENT_TYPES.message || !ins.body) return [];
  for (const context of [{ network, genesis: genesisId, month }, { network, genesis: genesisId }]) {
    try {
      return [{ tx, body: ins.body, message: parseMessage(ins.body, context) }];
    } catch {
      // Another marker's message, or the genesis: tried in the next context.
    }
  }
  return [{ tx, body: ins.body, message: undefined }];
})));
const real = (type: MessageType): { tx: ParsedTx; body: Uint8Array; message: Message } => {
  const found = messages().find((x) => x.message?.type === type && ((x.message.payload as { month?: number }).month ?? month) === month);
  if (!found?.message) throw new Error(`the recorded month has no ${type}`);
  return found as { tx: ParsedTx; body: Uint8Array; message: Message };
};
const entitled = once(() => strictGenesis(full.reveals[genesisId.slice(0, 64)]!.tx, genesisId, network)!);
const ctx = (registered: Iterable<string> = []): EntitlementContext => ({ network, genesisId, entitled: entitled(), month, registered: new Set(registered) });

/** A message of `type` built from a real one's payload, changed by `edit` and signed by a fresh key. */
function resigned<T extends MessageType>(type: T, edit: (p: PayloadByType[T]) => Partial<PayloadByType[T]> = () => ({})): { body: Uint8Array; signer: string } {
  const secret = Uint8Array.from({ length: 32 }, (_, i) => i + 7);
  const signer = bytesToHex(publicKeyFromSecret(secret));
  const p = real(type).message.payload as PayloadByType[T];
  return { body: buildMessage(type, { ...p, ...edit(p), signer }, secret), signer };
}

describe('the shape of a witness that can hold a protocol inscription', () => {
  it('a leaf script and a control block of 33 + 32·k bytes (after an optional annex) is a script-path spend', () => {
    expect(looksLikeScriptPath([new Uint8Array(64), new Uint8Array(40), CONTROL])).toBe(true);
    expect(looksLikeScriptPath([new Uint8Array(40), new Uint8Array(65)])).toBe(true);
    expect(looksLikeScriptPath([new Uint8Array(40), CONTROL, Uint8Array.of(0x50, 1)])).toBe(true);
  });
  it('a witness script last (P2WSH), a key-path spend, or a control block of another length is not', () => {
    expect(looksLikeScriptPath([new Uint8Array(64), new Uint8Array(40), new Uint8Array(20)])).toBe(false);
    expect(looksLikeScriptPath([new Uint8Array(72), new Uint8Array(34)])).toBe(false);
    expect(looksLikeScriptPath([new Uint8Array(64)])).toBe(false);
    expect(looksLikeScriptPath([new Uint8Array(64), Uint8Array.of(0x50)])).toBe(false);
    expect(looksLikeScriptPath([new Uint8Array(40), new Uint8Array(33 + 32 * 129)])).toBe(false);
    expect(looksLikeScriptPath([])).toBe(false);
  });
});

describe('a listed transaction at full depth', () => {
  it('every message of the recorded month is entitled where it was listed', () => {
    const keys = registeredKeys(network, genesisId, txs);
    for (const [m, listed] of Object.entries(full.listed)) {
      if (Number(m) !== 0 && Number(m) !== month) continue;
      for (const txid of listed) {
        const tx = full.reveals[txid]?.tx;
        if (!tx || !messages().some((x) => x.tx === tx && x.message)) continue;
        const judged = judgeListed(ctx(keys), tx, Number(m));
        expect(judged.ignored, txid).toEqual([]);
        expect(judged.entitled.length, txid).toBeGreaterThan(0);
      }
    }
  });

  it('registrations name the keys whose commits are bound', () => {
    const keys = registeredKeys(network, genesisId, txs);
    expect(keys.size).toBeGreaterThanOrEqual(5);
    const commit = real('commit');
    expect(keys.has(commit.message.signer)).toBe(true);
    expect(judgeListed(ctx(keys), commit.tx, month).entitled.map((x) => x.type)).toContain('commit');
    const judged = judgeListed(ctx(), commit.tx, month);
    expect(judged.entitled).toEqual([]);
    expect(judged.ignored.map((x) => x.code)).toEqual(['MESSAGE_NOT_AUTHORISED']);
  });

  it('a commit, final, reveal or inputs under a key the genesis does not entitle is ignored, not fetched', () => {
    for (const type of ['commit', 'final', 'reveal', 'inputs'] as const) {
      const { body } = resigned(type);
      const judged = judgeListed(ctx(registeredKeys(network, genesisId, txs)), inscribed(body), month);
      expect(judged.entitled, type).toEqual([]);
      expect(judged.ignored.map((x) => x.code), type).toEqual(['MESSAGE_NOT_AUTHORISED']);
    }
  });

  it('a message on the wrong marker is MESSAGE_WRONG_MONTH; a registration on month 0\'s is entitled', () => {
    const register = real('register');
    expect(judgeListed(ctx(), inscribed(register.body), 0).entitled.map((x) => x.type)).toEqual(['register']);
    expect(judgeListed(ctx(), inscribed(real('final').body), 0).ignored.map((x) => x.code)).toEqual(['MESSAGE_WRONG_MONTH']);
  });

  it('a lottery is bound only for the month\'s anchor height and with a BLS signature of the group', () => {
    const lottery = real('lottery');
    expect(judgeListed(ctx(), inscribed(lottery.body), month).entitled.map((x) => x.type)).toEqual(['lottery']);
    // Anyone may sign a lottery message: a copy under another key still carries the group's BLS signature.
    expect(judgeListed(ctx(), inscribed(resigned('lottery').body), month).entitled.map((x) => x.type)).toEqual(['lottery']);
    const otherAnchor = resigned('lottery', (p) => ({ anchor_height: p.anchor_height + 1 }));
    expect(judgeListed(ctx(), inscribed(otherAnchor.body), month).ignored.map((x) => x.code)).toEqual(['LOTTERY_ANCHOR_MISMATCH']);
    const otherHash = resigned('lottery', () => ({ anchor_hash: '00'.repeat(32) }));
    expect(judgeListed(ctx(), inscribed(otherHash.body), month).ignored.map((x) => x.code)).toEqual(['LOTTERY_BAD_SIGNATURE']);
  });

  it('JSON that is no message is ignored with its §3 code; an object that is no JSON is neither bound nor listed', () => {
    expect(judgeListed(ctx(), inscribed(utf8.encode('{"drey":1,"type":"final","payload":{}}')), month).ignored.map((x) => x.code)).toEqual(['MESSAGE_MALFORMED']);
    const part = judgeListed(ctx(), inscribed(new Uint8Array(100), CONTENT_TYPES.table), month);
    expect(part).toEqual({ entitled: [], ignored: [] });
  });

  it('an envelope in a witness that is no script-path spend is INSCRIPTION_NOT_TAPROOT, even carrying a real message', () => {
    const final = real('final');
    const p2wsh = txWithWitness([new Uint8Array(64), envelopeScript(final.body), new Uint8Array(20)]);
    const judged = judgeListed(ctx(), p2wsh, month);
    expect(judged.entitled).toEqual([]);
    expect(judged.ignored).toEqual([expect.objectContaining({ txid: p2wsh.txid, month, code: 'INSCRIPTION_NOT_TAPROOT' })]);
  });

  it('a transaction with one entitled message is bound whole: nothing of it is listed as ignored', () => {
    const secret = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
    const junk = buildMessage('final', { ...(real('final').message.payload as PayloadByType['final']), signer: bytesToHex(publicKeyFromSecret(secret)) }, secret);
    const tx = txWithWitness([new Uint8Array(64), Uint8Array.from([...envelopeScript(real('final').body), ...envelopeScript(junk)]), CONTROL]);
    const judged = judgeListed(ctx(), tx, month);
    expect(judged.entitled.map((x) => x.type)).toEqual(['final']);
    expect(judged.ignored).toEqual([]);
  });
});

describe('what an ignored envelope tells the reader', () => {
  const only = (tx: ParsedTx, m: number, registered: Iterable<string> = []) => {
    const judged = judgeListed(ctx(registered), tx, m);
    expect(judged.entitled).toEqual([]);
    expect(judged.ignored).toHaveLength(1);
    return judged.ignored[0]!;
  };

  it('a message on the wrong marker: its id, transaction, marker, code and why', () => {
    const tx = inscribed(real('final').body);
    expect(only(tx, 0)).toEqual({ id: `${tx.txid}i0`, txid: tx.txid, month: 0, code: 'MESSAGE_WRONG_MONTH', message: 'a final message does not belong on month 0\'s marker' });
  });

  it('a message of another month on this month\'s marker is read with the marker\'s month', () => {
    const earlier = messages().find((x) => x.message?.type === 'final' && (x.message.payload as { month: number }).month === month - 1);
    if (!earlier) throw new Error('the recorded month has no final of the month before');
    const tx = inscribed(earlier.body);
    expect(only(tx, month)).toMatchObject({ code: 'MESSAGE_WRONG_MONTH', message: `final message is for month ${month - 1}, not ${month}` });
  });

  it('a message signed by a key other than the entitled one names both keys', () => {
    for (const [type, key] of [['final', entitled().groupKey], ['reveal', entitled().groupKey], ['inputs', entitled().polKey]] as const) {
      const { body, signer } = resigned(type);
      expect(only(inscribed(body), month).message, type).toBe(`${type} must be signed by ${key}, not ${signer}`);
    }
    const { body, signer } = resigned('commit');
    expect(only(inscribed(body), month).message).toBe(`commit signed by ${signer}, a key no registration on month 0's marker names`);
    expect(judgeListed(ctx([signer]), inscribed(body), month).entitled.map((x) => x.type)).toEqual(['commit']);
  });

  it('a lottery for another anchor height names both heights', () => {
    const p = real('lottery').message.payload as PayloadByType['lottery'];
    const { body } = resigned('lottery', (q) => ({ anchor_height: q.anchor_height + 1 }));
    expect(only(inscribed(body), month).message).toBe(`lottery names anchor height ${p.anchor_height + 1}, month ${month}'s is ${p.anchor_height}`);
  });

  it('an envelope outside a script-path spend names its input', () => {
    const tx = txWithWitness([new Uint8Array(64), envelopeScript(real('final').body), new Uint8Array(20)]);
    expect(only(tx, month)).toEqual({ id: `${tx.txid}i0`, txid: tx.txid, month, code: 'INSCRIPTION_NOT_TAPROOT', message: 'its envelope sits in input 0, whose witness is no taproot script-path spend' });
  });

  it('an envelope of another metaprotocol is neither bound nor listed, whatever it carries', () => {
    const body = real('final').body;
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < body.length; i += 520) chunks.push(body.subarray(i, i + 520));
    const script = Script.encode(['OP_0', 'IF', utf8.encode('ord'), Uint8Array.of(1), utf8.encode(CONTENT_TYPES.message), 'OP_0', ...chunks, 'ENDIF']);
    const tx = txWithWitness([new Uint8Array(64), script, CONTROL]);
    expect(judgeListed(ctx(), tx, month)).toEqual({ entitled: [], ignored: [] });
    expect(registeredKeys(network, genesisId, [inscribed(real('register').body)]).size).toBe(1);
    expect(registeredKeys(network, genesisId, [txWithWitness([new Uint8Array(64), Script.encode(['OP_0', 'IF', utf8.encode('ord'), Uint8Array.of(1), utf8.encode(CONTENT_TYPES.message), 'OP_0', real('register').body, 'ENDIF']), CONTROL])]).size).toBe(0);
  });
});

describe('the keys registrations name', () => {
  it('are the signers of register messages only: not the group\'s, not the PoL service\'s, not of a message that is no JSON', () => {
    const keys = registeredKeys(network, genesisId, txs);
    expect(keys.has(entitled().groupKey)).toBe(false);
    expect(keys.has(entitled().polKey)).toBe(false);
    const registers = messages().filter((x) => x.message?.type === 'register').map((x) => x.message!.signer);
    expect(keys).toEqual(new Set(registers));
    expect(registeredKeys(network, genesisId, [inscribed(real('commit').body), inscribed(utf8.encode('{}')), inscribed(real('register').body, CONTENT_TYPES.table)]).size).toBe(0);
  });
});

describe('the control block\'s length bounds', () => {
  it('33 + 32·128 bytes is the longest control block; an annex alone after one item leaves no script-path spend', () => {
    expect(looksLikeScriptPath([new Uint8Array(40), new Uint8Array(33 + 32 * 128)])).toBe(true);
    expect(looksLikeScriptPath([new Uint8Array(40), new Uint8Array(32)])).toBe(false);
    expect(looksLikeScriptPath([new Uint8Array(40), Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 0x50 : 0))])).toBe(false);
    expect(looksLikeScriptPath([new Uint8Array(40), CONTROL, Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 0x50 : 0))])).toBe(true);
  });
});

describe('transactions and witnesses that carry no protocol inscription', () => {
  it('a transaction whose bytes do not parse carries no envelope: nothing bound, nothing listed, no registration', () => {
    const tx = inscribed(real('register').body);
    const broken = { ...tx, bytes: tx.bytes.subarray(0, 12) };
    expect(judgeListed(ctx(), broken, 0)).toEqual({ entitled: [], ignored: [] });
    expect(registeredKeys(network, genesisId, [broken]).size).toBe(0);
  });

  it('a single item of control-block length, or a last item too short to be a control block, is no script-path spend', () => {
    expect(looksLikeScriptPath([CONTROL])).toBe(false);
    expect(looksLikeScriptPath([new Uint8Array(40), new Uint8Array(1)])).toBe(false);
  });
});
