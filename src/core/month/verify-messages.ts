/**
 * Step "signatures": every drey/1 JSON inscription parsed strictly as a message (canonical form, schema, context,
 * BIP340 signature), the genesis' FROST key re-derived, and each message type held to its signer (PoL service for
 * `inputs`, the FROST group for `reveal` and `final`). Messages anyone could have inscribed that fail are ignored and
 * listed, never counted: a third party paying a marker cannot make a month fail.
 */
import { passed, failed, type Check } from '../check';
import { verifyGroupKey } from '../crypto/frost';
import { VerifyError } from '../errors';
import { CONTENT_TYPES, parseMessage } from '../protocol/message';
import type { GenesisPayload, MessageType } from '../protocol/payloads';
import type { NetworkName } from '../chain/network';
import { chainOrder, type InscriptionRecord, type MessageRecord } from './records';

export interface MonthMessages {
  genesis: MessageRecord<'genesis'>;
  /** Month 0's marker: register messages, in chain order. */
  setup: MessageRecord[];
  /** Month m's marker, in chain order. */
  current: MessageRecord[];
  /** Month m−1's marker, in chain order (empty for month 1 or in quick mode). */
  previous: MessageRecord[];
}

/** Which key may sign a type (undefined: any key; eligibility is checked by the later steps). */
export function authorisedSigner(type: MessageType, g: GenesisPayload): string | undefined {
  if (type === 'inputs') return g.pol_key;
  if (type === 'reveal' || type === 'final') return g.frost.group_key;
  return undefined;
}

const MONTH0_TYPES: readonly MessageType[] = ['register'];
const MONTH_TYPES: readonly MessageType[] = ['inputs', 'lottery', 'commit', 'reveal', 'final'];

/** The genesis message: found by id, parsed without a genesis context, its FROST key re-derived (ANCHOR_/MESSAGE_ codes). */
export function verifyGenesisMessage(records: ReadonlyMap<string, InscriptionRecord>, genesisId: string, network: NetworkName): MessageRecord<'genesis'> {
  const ins = records.get(genesisId);
  if (!ins) throw new VerifyError('ANCHOR_GENESIS_MISSING', `the genesis inscription ${genesisId} is not a bound drey/1 inscription`, { genesis: genesisId });
  if (ins.contentType !== CONTENT_TYPES.message) throw new VerifyError('ANCHOR_GENESIS_MISSING', 'the genesis inscription is not a JSON message', { contentType: ins.contentType });
  const message = parseMessage(ins.body, { network });
  if (message.type !== 'genesis') throw new VerifyError('ANCHOR_GENESIS_MISSING', `inscription ${genesisId} is a ${message.type} message, not the genesis`, { type: message.type });
  verifyGroupKey(message.payload.frost.commitments, message.payload.frost.group_key);
  return { inscription: ins, type: 'genesis', payload: message.payload, signer: message.signer, message };
}

/** Parse every marker message of months 0, m and the month m starts from (m − 1, or earlier after failed months); one check each. */
export function verifyMessages(
  records: ReadonlyMap<string, InscriptionRecord>, genesisId: string, network: NetworkName, month: number, previousMonth = month - 1,
): { checks: Check[]; messages?: MonthMessages } {
  const checks: Check[] = [];
  let genesis: MessageRecord<'genesis'>;
  try {
    genesis = verifyGenesisMessage(records, genesisId, network);
    checks.push(passed('signatures', 'genesis message parsed, signed, FROST group key re-derived from the DKG commitments', {
      id: genesisId, height: genesis.inscription.height, groupKey: genesis.payload.frost.group_key, proofSystem: genesis.payload.proof_system,
    }));
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    checks.push(failed('signatures', e));
    return { checks };
  }
  const out: MonthMessages = { genesis, setup: [], current: [], previous: [] };
  const sorted = [...records.values()].filter((r) => r.found !== 'ref' && r.contentType === CONTENT_TYPES.message).sort(chainOrder);
  for (const ins of sorted) {
    const m = ins.found as number;
    const bucket = m === 0 ? out.setup : m === month ? out.current : m === previousMonth ? out.previous : undefined;
    if (!bucket) continue;
    const evidence = { id: ins.id, height: ins.height, position: ins.position };
    try {
      const message = parseMessage(ins.body, m === 0 ? { network, genesis: genesisId } : { network, genesis: genesisId, month: m });
      const allowed = m === 0 ? MONTH0_TYPES : MONTH_TYPES;
      if (!allowed.includes(message.type)) {
        throw new VerifyError('MESSAGE_WRONG_MONTH', `a ${message.type} message does not belong on month ${m}'s marker`, { type: message.type });
      }
      const who = authorisedSigner(message.type, genesis.payload);
      if (who !== undefined && message.signer !== who) {
        throw new VerifyError('MESSAGE_NOT_AUTHORISED', `${message.type} must be signed by ${who}, not ${message.signer}`, { type: message.type, signer: message.signer, authorised: who });
      }
      bucket.push({ inscription: ins, type: message.type, payload: message.payload, signer: message.signer, message } as MessageRecord);
      checks.push(passed('signatures', `${message.type} ${ins.id} signed by ${message.signer}`, { ...evidence, type: message.type, signer: message.signer }));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      checks.push(passed('signatures', `ignored ${ins.id}: ${e.message}`, { ...evidence, ignored: e.code }));
    }
  }
  return { checks, messages: out };
}

/** The messages of one type, in chain order. */
export function ofType<T extends MessageType>(list: readonly MessageRecord[], type: T): MessageRecord<T>[] {
  return list.filter((x): x is MessageRecord<T> => x.type === type);
}
