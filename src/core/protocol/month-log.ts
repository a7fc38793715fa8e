/** The month log: an append-only RFC 9162 Merkle tree whose leaf k is month k's final root (docs/protocol.md §9). */
import { bytesToHex, concatBytes, hexToBytes } from '../bytes';
import { VerifyError } from '../errors';
import { consistencyProof, inclusionProof, leafHash, rootFromLeafHashes, verifyConsistency, verifyInclusion } from '../crypto/rfc9162';
import { u32be } from './ids';

export interface MonthLogEntry { month: number; root: Uint8Array }
export interface MonthLogHead { size: number; root: string }
/** What a final message carries about the log (hex hashes). */
export interface MonthLogStep extends MonthLogHead { consistency: string[]; inclusion: string[] }

/** Leaf data = month u32 BE ‖ month root (32 bytes); leaf hash = SHA-256(0x00 ‖ leaf data). */
export function monthLogLeafHash(e: MonthLogEntry): Uint8Array {
  if (e.root.length !== 32) throw new RangeError('monthLogLeafHash: root must be 32 bytes');
  return leafHash(concatBytes(u32be(e.month), e.root));
}

/** Producer side: the log fields of the final message that appends `entries.at(-1)` to the log of the earlier entries. */
export function monthLogStep(entries: readonly MonthLogEntry[]): MonthLogStep {
  if (entries.length === 0) throw new RangeError('monthLogStep: no entries');
  const leaves = entries.map(monthLogLeafHash);
  const size = leaves.length;
  return {
    size,
    root: bytesToHex(rootFromLeafHashes(leaves)),
    consistency: size > 1 ? consistencyProof(leaves, size - 1).map(bytesToHex) : [],
    inclusion: inclusionProof(leaves, size - 1).map(bytesToHex),
  };
}

/**
 * Verifier side: the new head extends the previous one by exactly one leaf (size + 1, consistency proof), and that
 * leaf is this month's root (inclusion proof at the last index). `previous` is undefined for the first final.
 */
export function verifyMonthLogStep(previous: MonthLogHead | undefined, step: MonthLogStep, entry: MonthLogEntry): void {
  const prevSize = previous?.size ?? 0;
  if (step.size !== prevSize + 1) {
    throw new VerifyError('MERKLE_LOG_SIZE', `month log grows from ${prevSize} to ${step.size}, not by one`, { previous: prevSize, size: step.size });
  }
  const root = hexToBytes(step.root);
  if (previous) {
    verifyConsistency(previous.size, step.size, step.consistency.map(hexToBytes), hexToBytes(previous.root), root);
  } else if (step.consistency.length !== 0) {
    throw new VerifyError('MERKLE_PROOF_LENGTH', 'the first month log head needs an empty consistency proof', { length: step.consistency.length });
  }
  verifyInclusion(step.size - 1, step.size, monthLogLeafHash(entry), step.inclusion.map(hexToBytes), root);
}
