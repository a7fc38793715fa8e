/**
 * What to fetch next, read from not-yet-verified transactions: the messages that parse strictly (only those of an
 * entitled signer steer fetching, docs/protocol.md §2.5), the genesis' entitled keys and objects, and loose reads of
 * the genesis parameters and message types for listing. Every message is verified again by the month steps.
 */
import { utf8 } from '../../bytes';
import type { NetworkName } from '../../chain/network';
import type { ParsedTx } from '../../chain/tx';
import { inscriptionsFromTx } from '../../inscription';
import { VerifyError } from '../../errors';
import { METAPROTOCOL, parseMessage, type Message, type MessageContext } from '../../protocol/message';
import type { FileRef, GenesisParams } from '../../protocol/payloads';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A transaction's inscriptions, or none when its envelopes do not parse (the inscriptions step reports it). */
function inscriptionsOf(tx: ParsedTx): ReturnType<typeof inscriptionsFromTx>['inscriptions'] {
  try {
    return inscriptionsFromTx(tx.bytes).inscriptions;
  } catch {
    return [];
  }
}

/** The drey/1 JSON envelopes of a transaction: the ones that can hold a message. */
function messageEnvelopes(tx: ParsedTx): { id: string; body: Uint8Array }[] {
  return dreyEnvelopes(tx).flatMap((ins) => (ins.body && ins.contentType === 'application/json' ? [{ id: ins.id, body: ins.body }] : []));
}

/** The `{type, payload}` of every drey/1 JSON envelope of a transaction, if it parses as JSON at all. */
export function looseMessages(tx: ParsedTx): { id: string; type: string; payload: Json }[] {
  const out: { id: string; type: string; payload: Json }[] = [];
  for (const ins of messageEnvelopes(tx)) {
    const text = utf8.decodeStrict(ins.body);
    if (text === undefined) continue;
    try {
      const v: unknown = JSON.parse(text);
      if (isObj(v) && typeof v.type === 'string' && isObj(v.payload)) out.push({ id: ins.id, type: v.type, payload: v.payload });
    } catch {
      // Not JSON: the strict parse later reports it.
    }
  }
  return out;
}

/** Every drey/1 message of a transaction that parses strictly with a valid signature (the rest are skipped). */
export function strictMessages(tx: ParsedTx, ctx: MessageContext): Message[] {
  const out: Message[] = [];
  for (const ins of messageEnvelopes(tx)) {
    try {
      out.push(parseMessage(ins.body, ctx));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
    }
  }
  return out;
}

/** What the fetch layer needs of a genesis that parses strictly: its parameters and the keys entitled to sign. */
export interface StrictGenesis {
  params: GenesisParams;
  groupKey: string;
  polKey: string;
  /** The threshold BLS key the lottery is signed with. */
  blsKey: string;
  /** The inscription ids of its program, verification keys and mortality table (at most 18). */
  objects: string[];
  /** The same files with the SHA-256 the genesis names for each. */
  files: FileRef[];
}

/** The genesis' parameters and entitled keys, if its message parses strictly (the signatures step reports it otherwise). */
export function strictGenesis(tx: ParsedTx, genesisId: string, network: NetworkName): StrictGenesis | undefined {
  const ins = inscriptionsOf(tx).find((x) => x.id === genesisId);
  if (!ins?.body) return undefined;
  try {
    const g = parseMessage(ins.body, { network });
    if (g.type !== 'genesis') return undefined;
    const { params, frost, pol_key: polKey, program, mortality_table: mortality, verification_keys: keys } = g.payload;
    const files = [program, mortality, ...keys];
    return { params, groupKey: frost.group_key, polKey, blsKey: g.payload.bls.group_key, objects: files.map((f) => f.inscription), files };
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return undefined;
  }
}

/** The genesis parameters the fetch layer and the month listing need: start height, blocks per month, start month if any. */
export interface LooseParams {
  startHeight: number;
  blocksPerMonth: number;
  /** yyyymm of month 1, when the genesis names one (a calendar label only). */
  startMonth?: number;
}

export function looseParams(payload: Json): LooseParams | undefined {
  const p = payload.params;
  if (!isObj(p) || !Number.isSafeInteger(p.start_height) || !Number.isSafeInteger(p.blocks_per_month)) return undefined;
  const startMonth = Number.isInteger(p.start_month) ? { startMonth: p.start_month as number } : {};
  return { startHeight: p.start_height as number, blocksPerMonth: p.blocks_per_month as number, ...startMonth };
}


/** A transaction's drey/1 envelopes, whatever their content (none when its envelopes do not parse). */
export function dreyEnvelopes(tx: ParsedTx): ReturnType<typeof inscriptionsFromTx>['inscriptions'] {
  return inscriptionsOf(tx).filter((i) => i.metaprotocol === METAPROTOCOL);
}
