/** The payload of every Drey v1 message type (docs/protocol.md §3): wire types (snake_case JSON) and strict validators. */
import type { JsonValue } from './strict-json';
import { arr, hex, int, malformed, obj, oneOf, str } from './fields';
import { NETWORK_NAMES, type NetworkName } from '../chain/network';

export const MESSAGE_TYPES = ['genesis', 'register', 'inputs', 'lottery', 'commit', 'reveal', 'final'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Highest month number and lottery attempt a message may name. */
export const MAX_MONTH = 100_000;
export const MAX_ATTEMPT = 255;

const INSCRIPTION_ID_RE = /^[0-9a-f]{64}i(?:0|[1-9][0-9]{0,9})$/;
const PROOF_SYSTEM_RE = /^[a-z0-9][a-z0-9.-]{0,63}$/;
const RELAY_RE = /^wss?:\/\/[\x21-\x7e]{1,200}$/;
const SATS_MAX = 2_100_000_000_000_000;

export interface FileRef { inscription: string; sha256: string }
export interface TablePart extends FileRef { rows: number }
export interface TableRef { rows: number; parts: TablePart[] }
export interface Fraction { num: number; den: number }

interface Common { network: NetworkName; signer: string }
interface Scoped extends Common { genesis: string }
interface Monthly extends Scoped { month: number }

export interface GenesisParams {
  blocks_per_month: number;
  start_height: number;
  /** Calendar month of protocol month 1, as yyyymm (e.g. 202601). */
  start_month: number;
  min_stake: number;
  lead_window: number;
  max_attempts: number;
  race_delay: number;
  race_window: number;
  reveal_confirmations: number;
  reveal_window: number;
  super_majority: Fraction;
  reward_shares: number[];
  monthly_fee_ppm: number;
  penalty_sats: number;
  batch_size: number;
  /**
   * How many months the genesis transaction provides month outpoints for (§2.4): its outputs 1..months pay the FROST
   * group key, and month m's final is the transaction that spends output m. Absent: finals are found on the markers.
   */
  months?: number;
}

export interface GenesisPayload extends Common {
  program: FileRef;
  proof_system: string;
  verification_keys: FileRef[];
  mortality_table: FileRef;
  paillier: { n: string; parties: number; threshold: number; v: string; verification_keys: string[] };
  frost: { group_key: string; threshold: number; commitments: string[][] };
  bls: { group_key: string; threshold: number; parties: number };
  pol_key: string;
  params: GenesisParams;
  relays: string[];
}

export interface RegisterPayload extends Scoped {
  /** The stake outpoint and its stake proof (stake-proof.ts); a register without a valid proof backs no eligibility. */
  stake: { txid: string; vout: number; sig?: string };
  nostr_pubkey?: string;
  keylink?: { old_key: string; sig: string };
}

export interface InputsPayload extends Monthly { table: TableRef }

export interface LotteryPayload extends Monthly {
  attempt: number;
  anchor_height: number;
  anchor_hash: string;
  bls_signature: string;
}

export interface CommitPayload extends Monthly { attempt: number; kem: string; ciphertext: string }

export interface DecryptionShare { party: number; share: string; e: string; z: string }
export interface RevealPayload extends Monthly {
  /** The lottery attempt whose commits the reveal opens. */
  attempt: number;
  keys: { commit: string; key: string }[];
  disputes?: { commit: string; shares: DecryptionShare[] }[];
}

export const PENALTY_REASONS = ['missed_deadline', 'disagreed', 'invalid_package', 'void_commit', 'copied_package', 'unopenable'] as const;
export type PenaltyReason = (typeof PENALTY_REASONS)[number];

export interface FinalPayload extends Monthly {
  lead: string;
  attempt: number;
  table: TableRef;
  root: string;
  log: { size: number; root: string; consistency: string[]; inclusion: string[] };
  rewards: { actuary: string; sats: number }[];
  penalties: { actuary: string; reason: PenaltyReason; sats: number }[];
}

export interface PayloadByType {
  genesis: GenesisPayload;
  register: RegisterPayload;
  inputs: InputsPayload;
  lottery: LotteryPayload;
  commit: CommitPayload;
  reveal: RevealPayload;
  final: FinalPayload;
}

const key32 = (v: JsonValue | undefined, p: string): string => hex(v, p, 32);
const inscription = (v: JsonValue | undefined, p: string): string => str(v, p, INSCRIPTION_ID_RE, 'an inscription id <txid>i<index>');
const sats = (v: JsonValue | undefined, p: string): number => int(v, p, 0, SATS_MAX);

function fileRef(v: JsonValue, p: string): FileRef {
  const o = obj(v, p, ['inscription', 'sha256']);
  return { inscription: inscription(o.inscription, `${p}.inscription`), sha256: hex(o.sha256, `${p}.sha256`, 32) };
}

function tableRef(v: JsonValue | undefined, p: string): TableRef {
  const o = obj(v, p, ['rows', 'parts']);
  const rows = int(o.rows, `${p}.rows`, 0, 100_000_000);
  const parts = arr(o.parts, `${p}.parts`, 1, 4096, (x, q) => {
    const po = obj(x, q, ['inscription', 'sha256', 'rows']);
    return { ...fileRef({ inscription: po.inscription!, sha256: po.sha256! }, q), rows: int(po.rows, `${q}.rows`, 0, 100_000_000) };
  });
  if (parts.reduce((s, x) => s + x.rows, 0) !== rows) malformed(`${p}.rows`, 'is not the sum of the parts\' rows', rows);
  return { rows, parts };
}

function common(o: Record<string, JsonValue>): Common {
  return { network: oneOf(o.network, 'payload.network', NETWORK_NAMES), signer: key32(o.signer, 'payload.signer') };
}
function scoped(o: Record<string, JsonValue>): Scoped {
  return { ...common(o), genesis: inscription(o.genesis, 'payload.genesis') };
}
function monthly(o: Record<string, JsonValue>): Monthly {
  return { ...scoped(o), month: int(o.month, 'payload.month', 1, MAX_MONTH) };
}

const COMMON = ['network', 'signer'];
const SCOPED = [...COMMON, 'genesis'];
const MONTHLY = [...SCOPED, 'month'];

/** A non-negative safe integer: the shape of a genesis parameter; its bounds are genesis rules (genesis-rules.ts). */
const count = (v: JsonValue | undefined, p: string): number => int(v, p, 0, Number.MAX_SAFE_INTEGER);

function parseParams(v: JsonValue | undefined): GenesisParams {
  const p = 'payload.params';
  const o = obj(v, p, ['blocks_per_month', 'start_height', 'start_month', 'min_stake', 'lead_window', 'max_attempts', 'race_delay', 'race_window',
    'reveal_confirmations', 'reveal_window', 'super_majority', 'reward_shares', 'monthly_fee_ppm', 'penalty_sats', 'batch_size'], ['months']);
  const sm = obj(o.super_majority, `${p}.super_majority`, ['num', 'den']);
  return {
    blocks_per_month: count(o.blocks_per_month, `${p}.blocks_per_month`),
    start_height: count(o.start_height, `${p}.start_height`),
    start_month: count(o.start_month, `${p}.start_month`),
    min_stake: count(o.min_stake, `${p}.min_stake`),
    lead_window: count(o.lead_window, `${p}.lead_window`),
    max_attempts: count(o.max_attempts, `${p}.max_attempts`),
    race_delay: count(o.race_delay, `${p}.race_delay`),
    race_window: count(o.race_window, `${p}.race_window`),
    reveal_confirmations: count(o.reveal_confirmations, `${p}.reveal_confirmations`),
    reveal_window: count(o.reveal_window, `${p}.reveal_window`),
    super_majority: { num: count(sm.num, `${p}.super_majority.num`), den: count(sm.den, `${p}.super_majority.den`) },
    reward_shares: arr(o.reward_shares, `${p}.reward_shares`, 0, 256, count),
    monthly_fee_ppm: count(o.monthly_fee_ppm, `${p}.monthly_fee_ppm`),
    penalty_sats: count(o.penalty_sats, `${p}.penalty_sats`),
    batch_size: count(o.batch_size, `${p}.batch_size`),
    ...(o.months !== undefined ? { months: count(o.months, `${p}.months`) } : {}),
  };
}

function parseGenesis(o: Record<string, JsonValue>): GenesisPayload {
  // Group sizes and thresholds are bounded here only as far as the arrays they size; the group rules are genesis rules.
  const pa = obj(o.paillier, 'payload.paillier', ['n', 'parties', 'threshold', 'v', 'verification_keys']);
  const n = hex(pa.n, 'payload.paillier.n', [1, 1024]);
  if (n.startsWith('00')) malformed('payload.paillier.n', 'must have no leading zero byte');
  const parties = int(pa.parties, 'payload.paillier.parties', 0, 64);
  const nn = n.length / 2;
  const fr = obj(o.frost, 'payload.frost', ['group_key', 'threshold', 'commitments']);
  const bl = obj(o.bls, 'payload.bls', ['group_key', 'threshold', 'parties']);
  const frostCommitments = arr(fr.commitments, 'payload.frost.commitments', 1, 64, (x, q) => arr(x, q, 1, 64, (y, r) => hex(y, r, 33)));
  return {
    ...common(o),
    program: fileRef(o.program!, 'payload.program'),
    proof_system: str(o.proof_system, 'payload.proof_system', PROOF_SYSTEM_RE, 'a proof system id'),
    verification_keys: arr(o.verification_keys, 'payload.verification_keys', 1, 16, fileRef),
    mortality_table: fileRef(o.mortality_table!, 'payload.mortality_table'),
    paillier: {
      n, parties,
      threshold: int(pa.threshold, 'payload.paillier.threshold', 0, 64),
      v: hex(pa.v, 'payload.paillier.v', [1, 2 * nn]),
      verification_keys: arr(pa.verification_keys, 'payload.paillier.verification_keys', parties, parties, (x, q) => hex(x, q, [1, 2 * nn])),
    },
    frost: {
      group_key: key32(fr.group_key, 'payload.frost.group_key'),
      threshold: int(fr.threshold, 'payload.frost.threshold', 0, 64),
      commitments: frostCommitments,
    },
    bls: {
      group_key: hex(bl.group_key, 'payload.bls.group_key', 96),
      threshold: int(bl.threshold, 'payload.bls.threshold', 0, 64),
      parties: int(bl.parties, 'payload.bls.parties', 0, 64),
    },
    pol_key: key32(o.pol_key, 'payload.pol_key'),
    params: parseParams(o.params),
    relays: arr(o.relays, 'payload.relays', 0, 16, (x, q) => str(x, q, RELAY_RE, 'a ws:// or wss:// URL')),
  };
}

function parseRegister(o: Record<string, JsonValue>): RegisterPayload {
  const st = obj(o.stake, 'payload.stake', ['txid', 'vout'], ['sig']);
  const out: RegisterPayload = { ...scoped(o), stake: { txid: hex(st.txid, 'payload.stake.txid', 32), vout: int(st.vout, 'payload.stake.vout', 0, 0xffffffff) } };
  if (st.sig !== undefined) out.stake.sig = hex(st.sig, 'payload.stake.sig', 64);
  if (o.nostr_pubkey !== undefined) out.nostr_pubkey = key32(o.nostr_pubkey, 'payload.nostr_pubkey');
  if (o.keylink !== undefined) {
    const kl = obj(o.keylink, 'payload.keylink', ['old_key', 'sig']);
    out.keylink = { old_key: key32(kl.old_key, 'payload.keylink.old_key'), sig: hex(kl.sig, 'payload.keylink.sig', 64) };
    if (out.keylink.old_key === out.signer) malformed('payload.keylink.old_key', 'must differ from the new key');
  }
  return out;
}

function parseLottery(o: Record<string, JsonValue>): LotteryPayload {
  return {
    ...monthly(o),
    attempt: int(o.attempt, 'payload.attempt', 0, MAX_ATTEMPT),
    anchor_height: int(o.anchor_height, 'payload.anchor_height', 0, 100_000_000),
    anchor_hash: hex(o.anchor_hash, 'payload.anchor_hash', 32),
    bls_signature: hex(o.bls_signature, 'payload.bls_signature', 48),
  };
}

function parseCommit(o: Record<string, JsonValue>): CommitPayload {
  return {
    ...monthly(o),
    attempt: int(o.attempt, 'payload.attempt', 0, MAX_ATTEMPT),
    kem: hex(o.kem, 'payload.kem', [128, 2048]),
    ciphertext: hex(o.ciphertext, 'payload.ciphertext', [16, 300_000]),
  };
}

function parseReveal(o: Record<string, JsonValue>): RevealPayload {
  const out: RevealPayload = {
    ...monthly(o),
    attempt: int(o.attempt, 'payload.attempt', 0, MAX_ATTEMPT),
    keys: arr(o.keys, 'payload.keys', 0, 256, (x, q) => {
      const k = obj(x, q, ['commit', 'key']);
      return { commit: inscription(k.commit, `${q}.commit`), key: key32(k.key, `${q}.key`) };
    }),
  };
  if (o.disputes !== undefined) {
    out.disputes = arr(o.disputes, 'payload.disputes', 1, 256, (x, q) => {
      const d = obj(x, q, ['commit', 'shares']);
      return {
        commit: inscription(d.commit, `${q}.commit`),
        shares: arr(d.shares, `${q}.shares`, 1, 64, (y, r) => {
          const s = obj(y, r, ['party', 'share', 'e', 'z']);
          return { party: int(s.party, `${r}.party`, 1, 64), share: hex(s.share, `${r}.share`, [1, 1024]), e: hex(s.e, `${r}.e`, [1, 32]), z: hex(s.z, `${r}.z`, [1, 4096]) };
        }),
      };
    });
  }
  return out;
}

function parseFinal(o: Record<string, JsonValue>): FinalPayload {
  const lg = obj(o.log, 'payload.log', ['size', 'root', 'consistency', 'inclusion']);
  return {
    ...monthly(o),
    lead: key32(o.lead, 'payload.lead'),
    attempt: int(o.attempt, 'payload.attempt', 0, MAX_ATTEMPT),
    table: tableRef(o.table, 'payload.table'),
    root: hex(o.root, 'payload.root', 32),
    log: {
      size: int(lg.size, 'payload.log.size', 1, MAX_MONTH),
      root: hex(lg.root, 'payload.log.root', 32),
      consistency: arr(lg.consistency, 'payload.log.consistency', 0, 64, (x, q) => hex(x, q, 32)),
      inclusion: arr(lg.inclusion, 'payload.log.inclusion', 0, 64, (x, q) => hex(x, q, 32)),
    },
    rewards: arr(o.rewards, 'payload.rewards', 0, 256, (x, q) => {
      const r = obj(x, q, ['actuary', 'sats']);
      return { actuary: key32(r.actuary, `${q}.actuary`), sats: sats(r.sats, `${q}.sats`) };
    }),
    penalties: arr(o.penalties, 'payload.penalties', 0, 256, (x, q) => {
      const r = obj(x, q, ['actuary', 'reason', 'sats']);
      return { actuary: key32(r.actuary, `${q}.actuary`), reason: oneOf(r.reason, `${q}.reason`, PENALTY_REASONS), sats: sats(r.sats, `${q}.sats`) };
    }),
  };
}

const KEYS: Record<MessageType, [readonly string[], readonly string[]]> = {
  genesis: [[...COMMON, 'program', 'proof_system', 'verification_keys', 'mortality_table', 'paillier', 'frost', 'bls', 'pol_key', 'params', 'relays'], []],
  register: [[...SCOPED, 'stake'], ['nostr_pubkey', 'keylink']],
  inputs: [[...MONTHLY, 'table'], []],
  lottery: [[...MONTHLY, 'attempt', 'anchor_height', 'anchor_hash', 'bls_signature'], []],
  commit: [[...MONTHLY, 'attempt', 'kem', 'ciphertext'], []],
  reveal: [[...MONTHLY, 'attempt', 'keys'], ['disputes']],
  final: [[...MONTHLY, 'lead', 'attempt', 'table', 'root', 'log', 'rewards', 'penalties'], []],
};

const PARSERS: { [T in MessageType]: (o: Record<string, JsonValue>) => PayloadByType[T] } = {
  genesis: parseGenesis,
  register: parseRegister,
  inputs: (o) => ({ ...monthly(o), table: tableRef(o.table, 'payload.table') }),
  lottery: parseLottery,
  commit: parseCommit,
  reveal: parseReveal,
  final: parseFinal,
};

/** Validate an untrusted payload of the given type: exact key set, every field typed and in range (MESSAGE_MALFORMED). */
export function parsePayload<T extends MessageType>(type: T, value: JsonValue | undefined): PayloadByType[T] {
  const [required, optional] = KEYS[type];
  const o = obj(value, 'payload', required, optional);
  return PARSERS[type](o);
}
