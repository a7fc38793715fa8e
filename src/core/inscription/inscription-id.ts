/** Inscription ids (`<txid>i<index>`) and their field encoding in parent/delegate tags (ord `inscription_id.rs`). */
import { toDisplayHex } from '../bytes';

/** Display id of the n-th inscription of a reveal transaction (txid in display order). */
export function inscriptionId(txidDisplay: string, index: number): string {
  return `${txidDisplay}i${index}`;
}

/**
 * Decode a parent/delegate value: 32-byte txid (internal order) ‖ index u32 LE, either exactly 4 bytes or with trailing
 * zero bytes stripped (so a shorter index must not end in 0). Anything else is not an id (ord ignores it).
 */
export function inscriptionIdFromValue(value: Uint8Array): string | undefined {
  if (value.length < 32 || value.length > 36) return undefined;
  const index = value.subarray(32);
  if (index.length > 0 && index.length !== 4 && index[index.length - 1] === 0) return undefined;
  let n = 0;
  for (let i = index.length - 1; i >= 0; i--) n = n * 256 + index[i]!;
  return inscriptionId(toDisplayHex(value.subarray(0, 32)), n);
}
