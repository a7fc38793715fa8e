/**
 * Which listed transactions a full-depth month binds, read from the listing before anything is fetched for them
 * (docs/protocol.md §2.5): a transaction is bound when one of its drey/1 messages is entitled to take part in the
 * month — a `register` on month 0's marker; on month m's, `inputs` by `pol_key`, `reveal` and `final` by the group,
 * a `commit` by a key some `register` on month 0's marker names, and a `lottery` for the month's anchor height whose
 * BLS signature verifies under the group's key. The rest is never fetched: each of its drey/1 JSON envelopes is listed
 * as ignored with the reason, which a bound message would have been given by the steps. A choice of what to fetch,
 * never a verdict: everything bound is checked again by the steps, and what is not bound could not have counted.
 */
import type { ParsedTx } from '../../chain/tx';
import type { NetworkName } from '../../chain/network';
import { VerifyError } from '../../errors';
import { controlBlockOf } from '../../inscription/tapscript';
import { parseInscriptionId } from '../../protocol/ids';
import { verifyLottery } from '../../protocol/lottery';
import { CONTENT_TYPES, parseMessage, type Message } from '../../protocol/message';
import { entitledSigner, typesOnMarker } from '../../protocol/marker-roles';
import type { IgnoredListed } from '../records';
import { anchorHeight } from '../timeline';
import { dreyEnvelopes, strictMessages, type StrictGenesis } from './loose';

export interface EntitlementContext {
  network: NetworkName;
  genesisId: string;
  entitled: StrictGenesis;
  month: number;
  /** Signers of the `register` messages listed on month 0's marker: the keys whose `commit` is bound. */
  registered: ReadonlySet<string>;
}

/** What one listed transaction carries: its entitled messages, and the envelopes ignored (when none is entitled). */
export interface Judged {
  entitled: Message[];
  ignored: IgnoredListed[];
}

/**
 * Whether a witness has the shape of a taproot script-path spend (any leaf version: the inscriptions step binds
 * whatever consensus accepts). An envelope in any other witness cannot be a protocol inscription (§2.5).
 */
export function looksLikeScriptPath(witness: readonly Uint8Array[]): boolean {
  return controlBlockOf(witness) !== undefined;
}

/** Why an entitled-looking message still cannot take part, or undefined when it can (see the module comment). */
function refusal(ctx: EntitlementContext, m: number, x: Message): VerifyError | undefined {
  if (!typesOnMarker(m).includes(x.type)) return new VerifyError('MESSAGE_WRONG_MONTH', `a ${x.type} message does not belong on month ${m}'s marker`, { type: x.type });
  const who = entitledSigner(x.type, ctx.entitled);
  if (who !== undefined && x.signer !== who) return new VerifyError('MESSAGE_NOT_AUTHORISED', `${x.type} must be signed by ${who}, not ${x.signer}`, { type: x.type, signer: x.signer, authorised: who });
  if (x.type === 'commit' && !ctx.registered.has(x.signer)) {
    return new VerifyError('MESSAGE_NOT_AUTHORISED', `commit signed by ${x.signer}, a key no registration on month 0's marker names`, { type: x.type, signer: x.signer });
  }
  if (x.type === 'lottery') return lotteryRefusal(ctx, x.payload);
  return undefined;
}

function lotteryRefusal(ctx: EntitlementContext, p: Extract<Message, { type: 'lottery' }>['payload']): VerifyError | undefined {
  const anchor = anchorHeight(ctx.entitled.params, ctx.month);
  if (p.anchor_height !== anchor) return new VerifyError('LOTTERY_ANCHOR_MISMATCH', `lottery names anchor height ${p.anchor_height}, month ${ctx.month}'s is ${anchor}`, { anchor: p.anchor_height });
  try {
    verifyLottery({ network: ctx.network, genesis: parseInscriptionId(ctx.genesisId), month: ctx.month, attempt: p.attempt, anchorHash: p.anchor_hash }, p.bls_signature, ctx.entitled.blsKey);
    return undefined;
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return e;
  }
}

/** One listed transaction on marker month m (0 or the month itself) judged as the module comment says. */
export function judgeListed(ctx: EntitlementContext, tx: ParsedTx, m: number): Judged {
  const entitled: Message[] = [];
  const ignored: IgnoredListed[] = [];
  const context = m === 0 ? { network: ctx.network, genesis: ctx.genesisId } : { network: ctx.network, genesis: ctx.genesisId, month: m };
  for (const ins of dreyEnvelopes(tx)) {
    const at = { id: ins.id, txid: tx.txid, month: m };
    if (!looksLikeScriptPath(tx.inputs[ins.input]?.witness ?? [])) {
      ignored.push({ ...at, code: 'INSCRIPTION_NOT_TAPROOT', message: `its envelope sits in input ${ins.input}, whose witness is no taproot script-path spend` });
      continue;
    }
    if (ins.contentType !== CONTENT_TYPES.message || !ins.body) continue; // An object: bound only when an entitled message names it.
    try {
      const x = parseMessage(ins.body, context);
      const no = refusal(ctx, m, x);
      if (no) throw no;
      entitled.push(x);
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      ignored.push({ ...at, code: e.code, message: e.message });
    }
  }
  return { entitled, ignored: entitled.length > 0 ? [] : ignored };
}

/** The signers of the `register` messages among month 0's listed transactions (a superset of the eligible actuaries). */
export function registeredKeys(network: NetworkName, genesisId: string, txs: Iterable<ParsedTx>): Set<string> {
  const keys = new Set<string>();
  for (const tx of txs) for (const x of strictMessages(tx, { network, genesis: genesisId })) if (x.type === 'register') keys.add(x.signer);
  return keys;
}
