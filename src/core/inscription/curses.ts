/** ord's curses for a new inscription (`inscription_updater.rs`), in ord's order of precedence; the first match wins. */
import type { Inscription } from './inscription';

export const CURSES = [
  'UnrecognizedEvenField', 'DuplicateField', 'IncompleteField', 'NotInFirstInput', 'NotAtOffsetZero', 'Pointer',
  'Pushnum', 'Stutter', 'Reinscription',
] as const;

export type Curse = (typeof CURSES)[number];

/**
 * Every curse that applies to the inscription, in ord's order (ord records the first). Reinscription needs the index
 * (earlier inscriptions on the same sat) and is never reported here.
 */
export function cursesOf(inscription: Inscription): Curse[] {
  const out: Curse[] = [];
  if (inscription.unrecognizedEvenField) out.push('UnrecognizedEvenField');
  if (inscription.duplicateField) out.push('DuplicateField');
  if (inscription.incompleteField) out.push('IncompleteField');
  if (inscription.input !== 0) out.push('NotInFirstInput');
  if (inscription.offset !== 0) out.push('NotAtOffsetZero');
  if (inscription.pointerBytes !== null) out.push('Pointer');
  if (inscription.pushnum) out.push('Pushnum');
  if (inscription.stutter) out.push('Stutter');
  return out;
}
