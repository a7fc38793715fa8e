import { Script } from '@scure/btc-signer';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8 } from '../../bytes';
import { parseTx, type ParsedTx } from '../../chain/tx';
import { publicKeyFromSecret } from '../../crypto/schnorr';
import { inscriptionsFromTx } from '../../inscription';
import { buildMessage, CONTENT_TYPES, METAPROTOCOL, parseMessage, type Message } from '../../protocol/message';
import type { MessageType, PayloadByType } from '../../protocol/payloads';
import { once } from '../../once.test-util';
import { recorded } from '../steps/recorded.test-util';
import { judgeListed, looksLikeScriptPath, registeredKeys, type EntitlementContext } from './entitled';
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

// A taproot script-path witness: [signature, leaf script, control block (33 bytes: no sibling)].
const CONTROL = Uint8Array.from({ length: 33 }, (_, i) => (i === 0 ? 0xc0 : 0x02));
const envelopeScript = (body: Uint8Array, contentType: string = CONTENT_TYPES.message): Uint8Array => {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < body.length; i += 520) chunks.push(body.subarray(i, i + 520));
  return Script.encode(['OP_0', 'IF', utf8.encode('ord'), Uint8Array.of(1), utf8.encode(contentType), Uint8Array.of(7), utf8.encode(METAPROTOCOL), 'OP_0', ...chunks, 'ENDIF']);
};
const varint = (n: number): number[] => (n < 0xfd ? [n] : [0xfd, n & 0xff, n >> 8]);
const le32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

/** A one-input transaction whose witness is `witness` (paying one P2TR output). */
function txWithWitness(witness: Uint8Array[]): ParsedTx {
  const bytes = [
    ...le32(2), 0x00, 0x01, 1, ...new Array<number>(32).fill(0x11), ...le32(0), 0, ...le32(0xffffffff),
    1, ...[0x4a, 0x01, 0, 0, 0, 0, 0, 0], 34, 0x51, 0x20, ...new Array<number>(32).fill(0x22),
    ...varint(witness.length), ...witness.flatMap((w) => [...varint(w.length), ...w]), ...le32(0),
  ];
  return parseTx(Uint8Array.from(bytes));
}
const inscribed = (body: Uint8Array, contentType?: string): ParsedTx => txWithWitness([new Uint8Array(64), envelopeScript(body, contentType), CONTROL]);

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
