/**
 * Step "signatures": the genesis parsed and held to the genesis rules (docs/protocol.md §4.2.1), then every drey/1
 * JSON inscription parsed strictly as a message (canonical form, schema, context, BIP340 signature), its FROST key
 * re-derived, each message type held to its marker and signer (PoL service for `inputs`, the FROST group for `reveal`
 * and `final`), and byte-identical copies folded into their earliest one (§2.5). Messages anyone could have inscribed
 * that fail are ignored and listed, never counted: a third party paying a marker cannot make a month fail.
 */
import { failedOn, passed, type Check } from '../../check';
import type { NetworkName } from '../../chain/network';
import { verifyGroupKey } from '../../crypto/frost';
import { VerifyError } from '../../errors';
import { parseInscriptionId } from '../../protocol/ids';
import { CONTENT_TYPES, parseMessage } from '../../protocol/message';
import type { GenesisPayload, MessageType } from '../../protocol/payloads';
import { chainOrder, ofType, type IgnoredListed, type InscriptionRecord, type MessageRecord } from '../records';
import type { StepResult } from '../step-result';
import { monthEnd } from '../timeline';
import { verifyGenesisRules } from '../../protocol/genesis-rules';
import { verifyMonthOutputs } from '../../protocol/month-outpoints';
import { entitledSigner, typesOnMarker } from '../../protocol/marker-roles';
import type { ParsedTx } from '../../chain/tx';

export interface MonthMessages {
  genesis: MessageRecord<'genesis'>;
  /** Month 0's marker: register messages, in chain order. */
  setup: MessageRecord[];
  /** Month m's marker, in chain order. */
  current: MessageRecord[];
  /** Month m−1's marker, in chain order (empty for month 1 or in quick mode). */
  previous: MessageRecord[];
  /** A later copy's inscription id → the id of the message's earliest copy (§2.5: one message). */
  copies: Map<string, string>;
}

/** Which key may sign a type (undefined: any key; eligibility is checked by the later steps). */
export function authorisedSigner(type: MessageType, g: GenesisPayload): string | undefined {
  return entitledSigner(type, { polKey: g.pol_key, groupKey: g.frost.group_key });
}

/**
 * The genesis message: found by id and parsed without a genesis context (ANCHOR_GENESIS_MISSING, with the parse
 * failure's code as `reason`), held to the genesis rules (GENESIS_*), its FROST key re-derived (MESSAGE_BAD_KEY).
 */
export function verifyGenesisMessage(records: ReadonlyMap<string, InscriptionRecord>, genesisId: string, network: NetworkName, genesisTx?: ParsedTx): MessageRecord<'genesis'> {
  const ins = records.get(genesisId);
  if (!ins) throw new VerifyError('ANCHOR_GENESIS_MISSING', `the genesis inscription ${genesisId} is not a bound drey/1 inscription`, { genesis: genesisId });
  if (ins.contentType !== CONTENT_TYPES.message) throw new VerifyError('ANCHOR_GENESIS_MISSING', 'the genesis inscription is not a JSON message', { contentType: ins.contentType });
  let message;
  try {
    message = parseMessage(ins.body, { network });
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    throw new VerifyError('ANCHOR_GENESIS_MISSING', `the genesis inscription is no valid message: ${e.message}`, { genesis: genesisId, reason: e.code, ...e.evidence });
  }
  if (message.type !== 'genesis') throw new VerifyError('ANCHOR_GENESIS_MISSING', `inscription ${genesisId} is a ${message.type} message, not the genesis`, { type: message.type });
  verifyGenesisRules(message.payload, ins.height);
  verifyGroupKey(message.payload.frost.commitments, message.payload.frost.group_key);
  const months = message.payload.params.months;
  if (months !== undefined) {
    if (!genesisTx) throw new VerifyError('ANCHOR_GENESIS_MISSING', 'the genesis transaction is not at hand to read its month outpoints', { genesis: genesisId });
    verifyMonthOutputs(genesisTx, message.payload.frost.group_key, months);
  }
  return { inscription: ins, type: 'genesis', payload: message.payload, signer: message.signer, message };
}

/** Parse every marker message of months 0, m and the month m starts from (m − 1, or earlier after failed months); one check each. */
export function verifyMessages(
  records: ReadonlyMap<string, InscriptionRecord>, genesisId: string, network: NetworkName, month: number, previousMonth = month - 1, genesisTx?: ParsedTx,
): { checks: Check[]; messages?: MonthMessages } {
  const checks: Check[] = [];
  let genesis: MessageRecord<'genesis'>;
  try {
    genesis = verifyGenesisMessage(records, genesisId, network, genesisTx);
    checks.push(passed('signatures', 'genesis message parsed, signed, FROST group key re-derived from the DKG commitments', {
      id: genesisId, height: genesis.inscription.height, groupKey: genesis.payload.frost.group_key, proofSystem: genesis.payload.proof_system,
    }));
  } catch (e) {
    checks.push(failedOn('signatures', e));
    return { checks };
  }
  const out: MonthMessages = { genesis, setup: [], current: [], previous: [], copies: new Map() };
  /** Per marker month: the first message of each body (by SHA-256), so later copies fold into it. */
  const firstOfBody = new Map<string, string>();
  const sorted = [...records.values()].filter((r) => r.found !== 'ref' && r.contentType === CONTENT_TYPES.message).sort(chainOrder);
  for (const ins of sorted) {
    const m = ins.found;
    if (m === 'ref') continue;
    const bucket = m === 0 ? out.setup : m === month ? out.current : m === previousMonth ? out.previous : undefined;
    if (!bucket) continue;
    const evidence = { id: ins.id, height: ins.height, position: ins.position };
    try {
      const message = parseMessage(ins.body, m === 0 ? { network, genesis: genesisId } : { network, genesis: genesisId, month: m });
      if (!typesOnMarker(m).includes(message.type)) {
        throw new VerifyError('MESSAGE_WRONG_MONTH', `a ${message.type} message does not belong on month ${m}'s marker`, { type: message.type });
      }
      const who = authorisedSigner(message.type, genesis.payload);
      if (who !== undefined && message.signer !== who) {
        throw new VerifyError('MESSAGE_NOT_AUTHORISED', `${message.type} must be signed by ${who}, not ${message.signer}`, { type: message.type, signer: message.signer, authorised: who });
      }
      const original = firstOfBody.get(`${m}:${ins.bodySha256}`);
      if (original !== undefined) {
        out.copies.set(ins.id, original);
        throw new VerifyError('MESSAGE_COPY', `a byte-for-byte copy of ${original}, which it stands for`, { type: message.type, original });
      }
      firstOfBody.set(`${m}:${ins.bodySha256}`, ins.id);
      bucket.push({ inscription: ins, type: message.type, payload: message.payload, signer: message.signer, message } as MessageRecord);
      checks.push(passed('signatures', `${message.type} ${ins.id} signed by ${message.signer}`, { ...evidence, type: message.type, signer: message.signer }));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      checks.push(passed('signatures', `ignored ${ins.id}: ${e.message}`, { ...evidence, ignored: e.code }));
    }
  }
  return { checks, messages: out };
}

/** What the signatures step establishes: the month's verified messages, its final, and the month it starts from. */
export interface SignedMonth {
  messages: MonthMessages;
  genesis: GenesisPayload;
  /** The month's final: the group's first. */
  final?: MessageRecord<'final'>;
  /** The month this one starts from (m − 1, or earlier after failed months; 0: none) and its final, if timely. */
  previous: { month: number; final?: MessageRecord<'final'> };
}

export interface SignaturesInput {
  records: ReadonlyMap<string, InscriptionRecord>;
  genesisId: string;
  network: NetworkName;
  month: number;
  /** The month this one starts from as the fetch layer found it (m − 1 when it does not say). */
  previousMonth: number;
  /** With month outpoints (§2.4): the genesis transaction and each month's proven spender (see spendersOf). */
  outpoints?: { genesisTx: ParsedTx; spenders: ReadonlyMap<number, string>; unpaid?: ReadonlyMap<number, readonly number[]> };
  /** Full depth: drey/1 envelopes listed on the markers and never fetched, none of them entitled (§2.5). */
  unbound?: readonly IgnoredListed[];
}

/** Last month's final as this month's starting point: the group's first, and only if it confirmed by that month's end. */
export function timelyFinal(finals: readonly MessageRecord<'final'>[], monthEndHeight: number): MessageRecord<'final'> | undefined {
  const first = finals[0];
  return first && first.inscription.height <= monthEndHeight ? first : undefined;
}

/** Messages parsed and signed; the month's final (the group's first) and the final of the month it starts from picked out. */
export function verifySignatures(input: SignaturesInput): StepResult<SignedMonth> {
  const { records, genesisId, network, month, previousMonth: previous } = input;
  parseInscriptionId(genesisId, 'ANCHOR_GENESIS_ID', 'genesis id');
  const { checks, messages } = verifyMessages(records, genesisId, network, month, previous, input.outpoints?.genesisTx);
  if (!messages) return { checks };
  for (const x of input.unbound ?? []) {
    checks.push(passed('signatures', `ignored ${x.id} on month ${x.month}'s marker, not fetched: ${x.message}`, { id: x.id, txid: x.txid, marker: x.month, ignored: x.code }));
  }
  const genesis = messages.genesis.payload;
  // With month outpoints a month's final is the one its outpoint's spender carries; other finals are ignored.
  const spenders = genesis.params.months !== undefined ? input.outpoints?.spenders ?? new Map<number, string>() : undefined;
  const finalsOf = (list: readonly MessageRecord[], m: number): MessageRecord<'final'>[] => {
    const finals = ofType(list, 'final');
    if (!spenders) return finals;
    const spender = spenders.get(m);
    for (const f of finals) {
      if (f.inscription.txid !== spender) checks.push(passed('signatures', `ignored final ${f.inscription.id}: it does not spend month ${m}'s outpoint`, { id: f.inscription.id, month: m, spender: spender ?? null }));
    }
    return finals.filter((f) => f.inscription.txid === spender);
  };
  const final = finalsOf(messages.current, month)[0];
  const previousFinal = previous >= 1 ? timelyFinal(finalsOf(messages.previous, previous), monthEnd(genesis.params, previous)) : undefined;
  if (previous < month - 1) {
    const one = previous + 1 === month - 1;
    const skipped = one ? `month ${month - 1} has` : `months ${previous + 1}–${month - 1} have`;
    checks.push(passed('signatures', `${skipped} no final confirmed by ${one ? 'its' : 'their'} end (failed): this month starts from ${previous >= 1 ? `month ${previous}'s final` : 'an empty table, as the first month does'}`, { previousMonth: previous, failed: Array.from({ length: month - 1 - previous }, (_, i) => previous + 1 + i) }));
  }
  if (final) checks.push(passed('signatures', `final ${final.inscription.id} signed by the FROST group key`, { id: final.inscription.id, height: final.inscription.height, groupKey: genesis.frost.group_key }));
  const unpaid = final && spenders ? input.outpoints?.unpaid?.get(month) : undefined;
  if (final && unpaid && unpaid.length > 0) {
    // §2.4.1 asks the final to pay both markers so that they can be listed back from it; without, they were listed from the top.
    checks.push(passed('signatures', `final ${final.inscription.id} does not pay ${unpaid.map((k) => `month ${k}'s`).join(' or ')} marker: listed from the top instead of back from the final`, { id: final.inscription.id, unpaidMarkers: [...unpaid] }));
  }
  return {
    checks,
    value: { messages, genesis, ...(final ? { final } : {}), previous: { month: previous, ...(previousFinal ? { final: previousFinal } : {}) } },
  };
}
