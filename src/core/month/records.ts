/** Plain records the fetch layer hands to the verify steps (design §3): raw material in, bound inscriptions and messages out. */
import type { VerifyCode } from '../errors';
import type { HeightProof } from '../chain/block-proof';
import type { Header } from '../chain/header';
import type { MerkleProof } from '../chain/merkle';
import type { ParsedTx } from '../chain/tx';
import type { Outspend } from '../esplora/shapes';
import type { Message } from '../protocol/message';
import type { MessageType, PayloadByType } from '../protocol/payloads';
import type { NetworkName } from '../chain/network';

/**
 * A block the month refers to: its header (re-hashed by the client), what proves its height (BIP34: the coinbase and
 * its Merkle branch) and what each host names at its height.
 */
export interface BlockSource {
  height: number;
  /** The hash settled at `height` (the hosts named it; its header and height proof were checked as they answered). */
  hash: string;
  header?: Header;
  /** The coinbase and its branch at position 0: the block proves `height` itself (steps/headers.ts checks it again). */
  heightProof?: HeightProof;
  /** Per host: the hash it names at `height`, or the error code it gave. */
  hosts: Record<string, string>;
  /** Why the block could not be fetched (code and message), if it could not. */
  error?: { code: VerifyCode; message: string };
}

/** One reveal transaction and what binds it: its Merkle proof and the commit transactions its inputs spend. */
export interface RevealSource {
  tx: ParsedTx;
  proof: MerkleProof;
  /** Spent transactions by txid (re-hashed), for the BIP341 binding of every envelope's input. */
  spent: Record<string, ParsedTx>;
  /** Where the source was found: a marker month, or `ref` when fetched by id. */
  found: number | 'ref';
}

/**
 * A transaction carrying files that verified, signed messages name by inscription id and SHA-256 (the genesis'
 * program, verification keys and mortality table; the parts of an `inputs` or `final` table), fetched at quick depth
 * without a Merkle proof, block or commit transaction: such a file is authentic by its hash (docs/protocol.md §2.4),
 * and no rule of a quick check depends on its height (§2.5).
 */
export interface ObjectSource {
  /** The transaction (re-hashed to its txid; its witness is the host's word until a body hashes as named). */
  tx: ParsedTx;
  /** The inscription ids it was fetched for. */
  ids: string[];
}

/** A transaction the fetch layer could not obtain (listed on a marker but unreachable, or a referenced id). */
export interface FetchFailure {
  txid: string;
  code: VerifyCode;
  message: string;
}

/**
 * A drey/1 envelope listed on a marker but never fetched: no message of its transaction was entitled to take part
 * (docs/protocol.md §2.5, fetch/entitled.ts). Listed in the report as information, with the reason the steps would have
 * given it.
 */
export interface IgnoredListed {
  id: string;
  txid: string;
  /** The marker month it was listed on. */
  month: number;
  code: VerifyCode;
  message: string;
}

/** A stake outpoint as fetched: the funding transaction (re-hashed) and the host's outspend answer. */
export interface StakeSource {
  txid: string;
  vout: number;
  /** The funding transaction (re-hashed): the output's value and script are authenticated by the txid. */
  tx?: ParsedTx;
  /** Each host's outspend answer (unspentness cannot be proven by SPV: it is the hosts' word, cross-checked). */
  outspends?: Record<string, Outspend>;
  error?: { code: VerifyCode; message: string };
}

/** Everything fetched for one month, untrusted until the steps have checked it. */
export interface MonthSources {
  network: NetworkName;
  genesisId: string;
  month: number;
  tipHeight: number;
  /** Reveal transactions by txid: the genesis', month 0's, month m−1's and month m's, and referenced objects' (at quick depth only those not taken by hash, `objects`). */
  reveals: Record<string, RevealSource>;
  /**
   * The month this one starts from (docs/protocol.md §8): m − 1, or the latest earlier month with a timely final when
   * the months between failed; 0 when none has one. Absent in sources recorded before it existed: m − 1.
   */
  previousMonth?: number;
  /**
   * Quick depth: transactions of files taken by the SHA-256 a signed message names (§2.4), by txid; absent in sources
   * recorded before it existed (every file then a bound reveal).
   */
  objects?: Record<string, ObjectSource>;
  /** Txids listed on each marker month (newest first, as the host lists them). */
  listed: Record<number, string[]>;
  blocks: Record<number, BlockSource>;
  stakes: Record<string, StakeSource>;
  failures: FetchFailure[];
  /** Esplora requests this month's fetch made (cache hits not counted). */
  requests: number;
  /**
   * With month outpoints (§2.4): the spender the hosts name for each month outpoint asked about (null: every host
   * says unspent). The steps count a spender only once its reveal is bound and spends that output.
   */
  spenders?: Record<number, string | null>;
  /** Full depth: the drey/1 envelopes of listed transactions left unfetched, none of them entitled (§2.5). */
  ignored?: IgnoredListed[];
}

/** An inscription whose reveal is in a PoW-checked block and whose witness is bound to its commit output (BIP341). */
export interface InscriptionRecord {
  id: string;
  txid: string;
  index: number;
  height: number;
  blockHash: string;
  /** The reveal's position in its block, from the Merkle proof. */
  position: number;
  contentType: string | null;
  metaprotocol: string | null;
  body: Uint8Array;
  bodySha256: string;
  /** Marker month the reveal was listed under, or `ref`. */
  found: number | 'ref';
  bound: true;
  commitTxid: string;
}

/**
 * A file taken by its hash (quick depth, §2.4): a drey/1 envelope of an `ObjectSource` with the id a signed message
 * names. Its body counts only where it hashes to the SHA-256 that message names (table-refs.ts); its envelope tags are
 * the host's word, and it has no height or position: nothing orders it.
 */
export interface ObjectRecord {
  id: string;
  txid: string;
  index: number;
  contentType: string | null;
  metaprotocol: string | null;
  body: Uint8Array;
  bodySha256: string;
  found: 'ref';
  bound: 'sha256';
}

/** A file a month reads: a bound inscription, or one taken by the SHA-256 its signed message names. */
export type FileRecord = InscriptionRecord | ObjectRecord;

/** A parsed, signature-checked protocol message with where it was inscribed. */
export interface MessageRecord<T extends MessageType = MessageType> {
  inscription: InscriptionRecord;
  type: T;
  payload: PayloadByType[T];
  signer: string;
  message: Message;
}

/** Chain order of two inscriptions: (height, position in block, index in the reveal). */
export function chainOrder(a: InscriptionRecord, b: InscriptionRecord): number {
  return a.height - b.height || a.position - b.position || a.index - b.index;
}

/** The messages of one type, in chain order. */
export function ofType<T extends MessageType>(list: readonly MessageRecord[], type: T): MessageRecord<T>[] {
  return list.filter((x): x is MessageRecord<T> => x.type === type);
}
