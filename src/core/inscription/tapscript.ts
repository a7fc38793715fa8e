/** The tapscript of a witness stack, as rust-bitcoin's `Witness::tapscript()` finds it (BIP341 annex rule) for ord. */

/** BIP341: a last witness item starting with this byte, when there are at least two items, is the annex. */
export const ANNEX_PREFIX = 0x50;

/**
 * The script-path leaf script of a witness, or undefined for key-path spends and empty witnesses. Like ord, this does
 * not check the leaf version, the control block or that the spent output is P2TR.
 * - ≥ 2 items and the last starts with 0x50: the last is the annex; the script is the third from last (none if only 2);
 * - otherwise ≥ 2 items: the script is the second from last;
 * - fewer than 2 items: a key-path spend, no script.
 */
export function tapscriptFromWitness(witness: readonly Uint8Array[]): Uint8Array | undefined {
  const n = witness.length;
  if (n < 2) return undefined;
  const hasAnnex = witness[n - 1]![0] === ANNEX_PREFIX;
  const fromEnd = hasAnnex ? 3 : 2;
  return n >= fromEnd ? witness[n - fromEnd] : undefined;
}
