/**
 * Every code a `VerifyError` can carry (docs/protocol.md §14), grouped by where it is specified; `VerifyCode` is their
 * union, so a code that is not listed here does not type-check, and a table keyed by `VerifyCode` must explain them all.
 */

/**
 * docs/protocol.md §14.2: the rejections — rules of the month that chain data proves broken (src/core/month, the
 * pipeline). Each has an adversarial vector in which it is the month's first failing check.
 */
export const MONTH_CODES = [
  'ANCHOR_GENESIS_MISSING',
  'GENESIS_PARAM_RANGE', 'GENESIS_RACE_DELAY', 'GENESIS_BATCH_SIZE', 'GENESIS_SUPER_MAJORITY', 'GENESIS_REWARD_SHARES',
  'GENESIS_MONTH_TOO_SHORT', 'GENESIS_START_HEIGHT', 'GENESIS_MONTH_OUTPUTS', 'GENESIS_GROUP', 'GENESIS_PAILLIER', 'GENESIS_PROOF_SYSTEM',
  'TABLE_INPUTS_MISSING', 'TABLE_INPUTS_LATE', 'TABLE_PART_MISSING', 'TABLE_CONTENT_TYPE', 'TABLE_PART_HASH', 'TABLE_ROW_ORDER',
  'PROGRAM_TRAP', 'PROOF_KEY_MALFORMED',
  'LOTTERY_MISSING', 'LOTTERY_LATE', 'LOTTERY_NO_CANDIDATES', 'LOTTERY_WRONG_LEAD',
  'RACE_NO_QUORUM',
  'REVEAL_MISSING', 'REVEAL_TOO_EARLY', 'REVEAL_TOO_LATE', 'REVEAL_UNKNOWN_COMMIT', 'REVEAL_MALFORMED', 'REVEAL_KEY_MISSING',
  'RACE_VOID_COUNTED', 'RACE_LATE_COUNTED', 'RACE_REPEAT_COUNTED', 'RACE_OTHER_ATTEMPT_COUNTED',
  'MESSAGE_NOT_ACTUARY', 'MESSAGE_BAD_KEYLINK',
  'STAKE_REGISTERED_LATE', 'STAKE_MISSING', 'STAKE_NOT_P2TR', 'STAKE_NOT_CONTROLLED', 'STAKE_DUPLICATE', 'STAKE_TOO_LOW', 'STAKE_SPENT',
  'REVEAL_KEM_MISMATCH', 'REVEAL_SHARE_INVALID', 'REVEAL_SHARE_DUPLICATE', 'REVEAL_SHARES_TOO_FEW', 'REVEAL_KEY_CONTRADICTS_SHARES',
  'PROOF_BATCH_COUNT', 'PROOF_BATCH_SUMS', 'PROOF_ROOT_MISMATCH', 'PROOF_INVALID', 'TABLE_HASH_MISMATCH', 'AGREEMENT_LEAD_INVALID',
  'PROGRAM_TOTALS_MISMATCH', 'PROGRAM_OUTPUT_MISMATCH',
  'AGREEMENT_WRONG_LEAD', 'AGREEMENT_ROOT_MISMATCH', 'RACE_NO_AGREEMENT', 'AGREEMENT_FINAL_EARLY', 'AGREEMENT_FINAL_LATE',
  'MERKLE_ROOT_MISMATCH', 'MERKLE_BATCH_ROOT_MISMATCH',
  'MERKLE_LOG_SIZE', 'MERKLE_PROOF_LENGTH', 'MERKLE_CONSISTENCY_MISMATCH', 'MERKLE_INCLUSION_MISMATCH',
  'REWARD_MISMATCH', 'REWARD_PENALTY_MISMATCH',
  'AGREEMENT_NO_FINAL',
] as const;

/** docs/protocol.md §14.3: what the verifier ignored or how it judged an item — listed, never a failure. */
export const MONTH_INFO_CODES = [
  'INSCRIPTION_NOT_TAPROOT', 'MESSAGE_NOT_AUTHORISED', 'MESSAGE_WRONG_MONTH', 'MESSAGE_COPY', 'LOTTERY_ANCHOR_MISMATCH',
  'REVEAL_PACKAGE_MALFORMED', 'REVEAL_PACKAGE_SIGNATURE', 'REVEAL_PACKAGE_CONTEXT', 'MERKLE_USER_NOT_FOUND',
] as const;

/**
 * docs/protocol.md §14.4, besides FETCH_ and CHAIN_: what the month needed but the hosts did not give (or the pipeline
 * could not establish), and settings of the user's that do not fit the chain the hosts serve — the month is
 * unavailable, never rejected.
 */
export const MONTH_UNAVAILABLE_CODES = [
  'ANCHOR_GENESIS_ID', 'ANCHOR_NETWORK_MISMATCH', 'ANCHOR_CHECKPOINT_MISMATCH', 'LOTTERY_ANCHOR_UNVERIFIED', 'TABLE_PREVIOUS_MISSING', 'MERKLE_PREVIOUS_MISSING', 'PIPELINE_STEP_MISSING', 'PIPELINE_NOT_CHECKED'] as const;

/** What the hosts could not give or agree on (src/core/esplora): never a finding about the month. */
const FETCH_CODES = [
  'FETCH_ABORTED', 'FETCH_ALL_HOSTS_FAILED', 'FETCH_BAD_BODY', 'FETCH_CROSS_CHECK_UNAVAILABLE', 'FETCH_FAILED', 'FETCH_HOSTS_DISAGREE',
  'FETCH_HTTP_STATUS', 'FETCH_NETWORK', 'FETCH_NOT_FOUND', 'FETCH_RATE_LIMITED', 'FETCH_TIMEOUT',
  'FETCH_TOO_LARGE', 'FETCH_TRUNCATED', 'FETCH_DEADLINE', 'FETCH_NO_HONEST_HOST', 'FETCH_HOST_DROPPED', 'FETCH_NOT_ASKED', 'FETCH_PACK_REFUSED',
] as const;

/** Bitcoin data that failed a parse, hash, proof-of-work, Merkle or BIP341 check (src/core/chain). */
const CHAIN_CODES = [
  'CHAIN_BAD_HEX', 'CHAIN_BITS_INVALID', 'CHAIN_BLOCK_UNVERIFIED', 'CHAIN_HEADER_HASH_MISMATCH', 'CHAIN_HEADER_MALFORMED',
  'CHAIN_HEADER_NOT_LINKED', 'CHAIN_LINKAGE', 'CHAIN_MERKLE_DUPLICATE_NODE', 'CHAIN_MERKLE_POS_OUT_OF_RANGE',
  'CHAIN_MERKLE_PROOF_MALFORMED', 'CHAIN_MERKLE_ROOT_MISMATCH', 'CHAIN_POW_INSUFFICIENT', 'CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED',
  'CHAIN_TAPROOT_INTERNAL_KEY_INVALID', 'CHAIN_TAPROOT_KEY_MISMATCH', 'CHAIN_TAPROOT_NOT_P2TR', 'CHAIN_TAPROOT_NOT_SCRIPT_PATH',
  'CHAIN_TAPROOT_PARITY_MISMATCH', 'CHAIN_TAPROOT_PREVOUT_MISMATCH', 'CHAIN_TAPROOT_TWEAK_INVALID', 'CHAIN_TARGET_ABOVE_FLOOR',
  'CHAIN_TARGET_ABOVE_POW_LIMIT', 'CHAIN_TXID_MISMATCH', 'CHAIN_TX_64_BYTES', 'CHAIN_TX_MALFORMED',
  // A block's height proven by its coinbase (BIP34): a block named at a height it does not prove is a host's lie.
  'CHAIN_COINBASE_MALFORMED', 'CHAIN_HEIGHT_MISMATCH', 'CHAIN_HEIGHT_UNPROVABLE',
  // A host caught lying about the chain (src/core/esplora): named and dropped, never a finding about the month.
  'CHAIN_UNPROVEN_BLOCK', 'CHAIN_UNPROVEN_TIP', 'CHAIN_SPENDER_MISMATCH', 'CHAIN_SPENDER_UNKNOWN', 'CHAIN_SPENDER_HIDDEN', 'CHAIN_LISTING_OMITS',
  'CHAIN_LISTING_UNKNOWN_TX',
] as const;

/** An inscription's transaction or envelope (src/core/inscription, ord's grammar). */
const INSCRIPTION_CODES = [
  'INSCRIPTION_NOT_HEX', 'INSCRIPTION_TXID_MISMATCH', 'INSCRIPTION_TX_BAD_SEGWIT_FLAG', 'INSCRIPTION_TX_EMPTY_WITNESS',
  'INSCRIPTION_TX_NONCANONICAL_VARINT', 'INSCRIPTION_TX_TRAILING_DATA', 'INSCRIPTION_TX_TRUNCATED',
] as const;

/** docs/protocol.md §14.1: the primitives' codes (messages, the lottery beacon, the KEM) and the depositor's path. */
const PRIMITIVE_CODES = [
  'MESSAGE_MALFORMED', 'MESSAGE_TOO_LARGE', 'MESSAGE_NOT_CANONICAL', 'MESSAGE_UNSUPPORTED_VERSION', 'MESSAGE_BAD_KEY',
  'MESSAGE_BAD_SIGNATURE', 'MESSAGE_SIGNER_MISMATCH', 'MESSAGE_WRONG_NETWORK', 'MESSAGE_WRONG_GENESIS',
  'LOTTERY_MALFORMED', 'LOTTERY_BAD_KEY', 'LOTTERY_IDENTITY', 'LOTTERY_BAD_SIGNATURE',
  'REVEAL_AEAD_FAILED',
  'MERKLE_PATH_MALFORMED', 'MERKLE_PATH_NOT_FIELD', 'MERKLE_PATH_POSITION', 'MERKLE_BAD_SIZE', 'MERKLE_BAD_INDEX', 'MERKLE_MALFORMED',
] as const;

/** docs/tables.md: a table part or a joined table. */
const TABLE_CODES = [
  'TABLE_DUPLICATE_CELL', 'TABLE_DUPLICATE_USER', 'TABLE_EMPTY', 'TABLE_LISTING', 'TABLE_NOT_CANONICAL', 'TABLE_NOT_PARQUET',
  'TABLE_NULL', 'TABLE_ORDER', 'TABLE_PART_COUNT', 'TABLE_PART_ROWS', 'TABLE_PART_SIZE', 'TABLE_PART_SPLIT', 'TABLE_RANGE',
  'TABLE_RESERVE_ROW', 'TABLE_SCHEMA', 'TABLE_TOO_LARGE', 'TABLE_UTF8',
] as const;

/** A proof, its verification key or its public inputs (src/core/proof). */
const PROOF_CODES = [
  'PROOF_COORDINATE_RANGE', 'PROOF_MALFORMED_ENCODING', 'PROOF_MALFORMED_PROOF', 'PROOF_MALFORMED_PUBLIC', 'PROOF_MALFORMED_VKEY',
  'PROOF_POINT_AT_INFINITY', 'PROOF_POINT_NOT_IN_SUBGROUP', 'PROOF_POINT_NOT_ON_CURVE', 'PROOF_PUBLIC_COUNT',
  'PROOF_PUBLIC_INPUT_RANGE', 'PROOF_UNKNOWN_SYSTEM',
] as const;

/** docs/program-abi.md: running the allocation program. */
const PROGRAM_CODES = [
  'PROGRAM_ABI_VERSION', 'PROGRAM_ABORTED', 'PROGRAM_BAD_EXPORTS', 'PROGRAM_BAD_LAYOUT', 'PROGRAM_BAD_STATUS', 'PROGRAM_CONSERVATION',
  'PROGRAM_IMPORTS_FORBIDDEN', 'PROGRAM_INPUT_DATE', 'PROGRAM_INPUT_DECEASED_DEPOSIT', 'PROGRAM_INPUT_FIELD', 'PROGRAM_INPUT_OVERFLOW',
  'PROGRAM_INPUT_RATE', 'PROGRAM_INPUT_RESERVE', 'PROGRAM_INPUT_SIZE', 'PROGRAM_INVALID', 'PROGRAM_MEMORY_LIMIT', 'PROGRAM_TIMEOUT',
  'PROGRAM_WORKER',
] as const;

export type VerifyCode =
  | (typeof MONTH_CODES)[number] | (typeof MONTH_INFO_CODES)[number] | (typeof MONTH_UNAVAILABLE_CODES)[number] | (typeof FETCH_CODES)[number] | (typeof CHAIN_CODES)[number] | (typeof INSCRIPTION_CODES)[number] | (typeof PRIMITIVE_CODES)[number]
  | (typeof TABLE_CODES)[number] | (typeof PROOF_CODES)[number] | (typeof PROGRAM_CODES)[number];

/** Every code, each once. */
export const VERIFY_CODES: readonly VerifyCode[] = [
  ...MONTH_CODES, ...MONTH_INFO_CODES, ...MONTH_UNAVAILABLE_CODES, ...FETCH_CODES, ...CHAIN_CODES, ...INSCRIPTION_CODES, ...PRIMITIVE_CODES, ...TABLE_CODES, ...PROOF_CODES, ...PROGRAM_CODES,
];

/**
 * Not findings but the verifier's own failures, carried by an `Outcome` (outcome.ts), never by a VerifyError: an
 * unexpected exception (a bug) and a verifier Worker that died.
 */
export const INTERNAL_CODES = ['INTERNAL_ERROR', 'INTERNAL_WORKER'] as const;
export type InternalCode = (typeof INTERNAL_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(VERIFY_CODES);

/**
 * Codes that say the data could not be obtained or trusted — a host down, slow, refusing, hiding, lying or
 * disagreeing, a transaction's bytes or a header failing Bitcoin's own checks, a deadline, a step not run for want of
 * data — and so never a finding about the month: a month failing with one of them is `unavailable`, not `rejected`
 * (docs/protocol.md §14.4).
 */
const UNAVAILABLE: ReadonlySet<string> = new Set<VerifyCode>([...FETCH_CODES, ...CHAIN_CODES, ...INSCRIPTION_CODES, ...MONTH_UNAVAILABLE_CODES]);

export function isUnavailableCode(code: string): boolean {
  return UNAVAILABLE.has(code);
}

/** Whether a value is a code of this list (for codes that crossed a boundary as plain strings). */
export function isVerifyCode(code: unknown): code is VerifyCode {
  return typeof code === 'string' && KNOWN.has(code);
}
