/** All inscriptions a reveal transaction creates, with ids, curses and the unbound flag, as ord indexes them. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, parseHex, toDisplayHex } from '../bytes';
import { VerifyError } from '../errors';
import { cursesOf, type Curse } from './curses';
import { envelopesFromTapscript, type RawEnvelope } from './envelope';
import { inscriptionFromEnvelope, type Inscription } from './inscription';
import { inscriptionId } from './inscription-id';
import { isNullPrevout, parseRawTx, type RawTx } from './raw-tx';
import { tapscriptFromWitness } from './tapscript';

export interface InscriptionOptions {
  /** Values (sats) of the spent outputs keyed `<txid display hex>:<vout>`: an input worth 0 makes its inscriptions unbound. */
  prevoutValues?: ReadonlyMap<string, bigint>;
  /** When given, the transaction must hash to this txid (display hex), else INSCRIPTION_TXID_MISMATCH. */
  expectedTxid?: string;
}

export interface RevealedInscription extends Inscription {
  /** `<txid>i<n>`: n counts envelopes over inputs in order, then script order within an input. */
  id: string;
  bodyLength: number | null;
  bodySha256: string | null;
  /** Every curse that applies, in ord's order; ord records the first (`curse`). Reinscription is never listed. */
  curses: Curse[];
  curse: Curse | null;
  /** true: unrecognized even field or a spent output worth 0; false: bound; null: the input's value was not given. */
  unbound: boolean | null;
  /** Whether the sat already carried an inscription needs the ord index: never determinable from one transaction. */
  reinscription: null;
}

export interface RevealTransaction {
  txid: string;
  inscriptions: RevealedInscription[];
}

/** Envelopes of one input's witness (undefined tapscript or undecodable script: none). */
export function envelopesFromWitness(witness: readonly Uint8Array[], input: number): RawEnvelope[] {
  const script = tapscriptFromWitness(witness);
  return script ? envelopesFromTapscript(script, input) ?? [] : [];
}

/** Inscriptions of a decoded transaction. Inputs spending the null outpoint are skipped as ord skips them. */
export function inscriptionsFromRawTx(tx: RawTx, options: InscriptionOptions = {}): RevealTransaction {
  const envelopes: RawEnvelope[] = [];
  tx.inputs.forEach((input, i) => {
    for (const e of envelopesFromWitness(input.witness, i)) envelopes.push(e);
  });
  const inscriptions: RevealedInscription[] = [];
  let next = 0;
  for (let i = 0; i < tx.inputs.length; i++) {
    const input = tx.inputs[i]!;
    // ord skips a coinbase input without consuming its envelopes, so none after it are indexed either.
    if (isNullPrevout(input)) continue;
    const value = options.prevoutValues?.get(`${toDisplayHex(input.prevTxid)}:${input.prevVout}`);
    while (next < envelopes.length && envelopes[next]!.input === i) {
      // Extend in place (fixed property order): spreading ~25 fields into a new object costs more than the parse.
      const x = inscriptionFromEnvelope(envelopes[next]!) as RevealedInscription;
      const curses = cursesOf(x);
      x.id = inscriptionId(tx.txid, next);
      x.bodyLength = x.body ? x.body.length : null;
      x.bodySha256 = x.body ? bytesToHex(sha256(x.body)) : null;
      x.curses = curses;
      x.curse = curses[0] ?? null;
      x.unbound = x.unrecognizedEvenField ? true : value === undefined ? null : value === 0n;
      x.reinscription = null;
      inscriptions.push(x);
      next++;
    }
  }
  return { txid: tx.txid, inscriptions };
}

/** Inscriptions of a raw transaction (bytes). Throws INSCRIPTION_TX_* when the bytes are not a transaction. */
export function inscriptionsFromTx(raw: Uint8Array, options: InscriptionOptions = {}): RevealTransaction {
  const tx = parseRawTx(raw);
  if (options.expectedTxid !== undefined && options.expectedTxid.toLowerCase() !== tx.txid) {
    throw new VerifyError('INSCRIPTION_TXID_MISMATCH', 'transaction does not hash to the expected txid', {
      expected: options.expectedTxid, actual: tx.txid,
    });
  }
  return inscriptionsFromRawTx(tx, options);
}

/** Same from hex (whitespace is not accepted here; trim before). Throws INSCRIPTION_NOT_HEX on bad hex. */
export function inscriptionsFromTxHex(hex: string, options: InscriptionOptions = {}): RevealTransaction {
  return inscriptionsFromTx(parseHex(hex, 'INSCRIPTION_NOT_HEX', 'raw transaction'), options);
}
