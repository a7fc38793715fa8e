/** Ord-exact inscription parsing: the public surface of `src/core/inscription`. */
export { inscriptionsFromTx, inscriptionsFromTxHex, inscriptionsFromRawTx, envelopesFromWitness } from './inscriptions-from-tx';
export type { InscriptionOptions, RevealedInscription, RevealTransaction } from './inscriptions-from-tx';
export { summaryFromInscription, type InscriptionSummary } from './summary';
export { inscriptionFromEnvelope, pointerFromValue, type Inscription } from './inscription';
export { envelopesFromTapscript, type RawEnvelope } from './envelope';
export { tapscriptFromWitness } from './tapscript';
export { inscriptionIdFromValue } from './inscription-id';
export { parseRawTx, type RawTx, type RawTxInput } from './raw-tx';
export { CURSES, type Curse } from './curses';
