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

/**
 * The control block of a witness shaped as a script-path spend — after the optional annex, a leaf script and then
 * 33 + 32·k bytes (k ≤ 128), as consensus requires of every script-path spend — or undefined for any other witness
 * (P2WSH, P2WPKH, a key-path spend). The leaf version is the caller's to judge.
 */
export function controlBlockOf(witness: readonly Uint8Array[]): Uint8Array | undefined {
  const n = witness.length;
  const items = n >= 2 && witness[n - 1]![0] === ANNEX_PREFIX ? n - 1 : n;
  const control = items >= 2 ? witness[items - 1]! : undefined;
  return control && control.length >= 33 && control.length <= 33 + 32 * 128 && (control.length - 33) % 32 === 0 ? control : undefined;
}
