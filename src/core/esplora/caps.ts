/**
 * The largest answer each Esplora endpoint can legitimately need (electrs `rest.rs` shapes, Bitcoin's consensus
 * limits), so a host cannot make the verifier hold more than that per request. A path no rule names gets 1 MiB.
 */

const KiB = 1024;
const MiB = 1024 * KiB;
const HASH = '[0-9a-f]{64}';

/** A transaction is at most the 4,000,000 weight units of a block: at most 4 MB serialized. */
const MAX_TX_BYTES = 4_000_000;

const RULES: readonly (readonly [RegExp, number])[] = [
  [/^\/blocks\/tip\/(height|hash)$/, 1 * KiB],
  [/^\/block-height\/\d+$/, 1 * KiB],
  [new RegExp(`^/block/${HASH}/header$`), 1 * KiB],
  [new RegExp(`^/block/${HASH}/status$`), 4 * KiB],
  [new RegExp(`^/block/${HASH}$`), 64 * KiB],
  // At most about 66,700 transactions fit a block (60 bytes each at least): 67 characters per txid in JSON.
  [new RegExp(`^/block/${HASH}/txids$`), 5 * MiB],
  [new RegExp(`^/block/${HASH}/raw$`), MAX_TX_BYTES + 64 * KiB],
  [new RegExp(`^/tx/${HASH}/raw$`), MAX_TX_BYTES],
  [new RegExp(`^/tx/${HASH}/hex$`), 2 * MAX_TX_BYTES + 16],
  [new RegExp(`^/tx/${HASH}$`), 3 * MAX_TX_BYTES],
  [new RegExp(`^/tx/${HASH}/(status|outspend/\\d+)$`), 4 * KiB],
  // One entry per output (a spent one about 250 characters): 16,000 outputs; a protocol genesis has at most 1,201.
  [new RegExp(`^/tx/${HASH}/outspends$`), 4 * MiB],
  // Branches are at most 24 hashes long (more would exceed any block): 67 characters each.
  [new RegExp(`^/tx/${HASH}/merkle-proof$`), 8 * KiB],
  [new RegExp(`^/tx/${HASH}/merkleblock-proof$`), 64 * KiB],
  // 25 transactions as JSON, inscriptions included (standard transactions stay under 400,000 weight units).
  [new RegExp(`^/(address|scripthash)/[^/]+/txs(/chain(/${HASH})?)?$`), 32 * MiB],
  // A block's transactions, 25 from a start: as an address page, and never more than the block itself as JSON.
  [new RegExp(`^/block/${HASH}/txs/\\d+$`), 32 * MiB],
  [/^\/(address|scripthash)\/[^/]+\/utxo$/, 8 * MiB],
  [/^\/fee-estimates$/, 16 * KiB],
  [/^\/tx$/, 1 * KiB],
];

export const DEFAULT_BODY_CAP = 1 * MiB;

/** The byte cap for an answer to `path` (no query string). */
export function bodyCapFor(path: string): number {
  return RULES.find(([re]) => re.test(path))?.[1] ?? DEFAULT_BODY_CAP;
}
