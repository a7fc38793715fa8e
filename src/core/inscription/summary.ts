/** JSON-ready summary of a revealed inscription (hex for bytes, strings for u64), as the CLI and reports print it. */
import { bytesToHex } from '../bytes';
import type { RevealedInscription } from './inscriptions-from-tx';

export interface InscriptionSummary {
  id: string;
  input: number;
  offset: number;
  contentType: string | null;
  contentEncoding: string | null;
  metaprotocol: string | null;
  /** Decimal u64 (may exceed 2^53). */
  pointer: string | null;
  parents: string[];
  delegate: string | null;
  metadata: string | null;
  properties: string | null;
  bodyLength: number | null;
  bodySha256: string | null;
  tags: string[];
  unknownTags: string[];
  flags: {
    curse: string | null;
    curses: string[];
    unrecognizedEvenField: boolean;
    duplicateField: boolean;
    incompleteField: boolean;
    notInFirstInput: boolean;
    notAtOffsetZero: boolean;
    pointer: boolean;
    pushnum: boolean;
    stutter: boolean;
    /** Needs the ord index; always null here. */
    reinscription: null;
    unbound: boolean | null;
  };
}

const hexOrNull = (b: Uint8Array | null): string | null => (b ? bytesToHex(b) : null);

export function summaryFromInscription(x: RevealedInscription): InscriptionSummary {
  return {
    id: x.id,
    input: x.input,
    offset: x.offset,
    contentType: x.contentType,
    contentEncoding: x.contentEncoding,
    metaprotocol: x.metaprotocol,
    pointer: x.pointer === null ? null : x.pointer.toString(),
    parents: x.parents,
    delegate: x.delegate,
    metadata: hexOrNull(x.metadata),
    properties: hexOrNull(x.properties),
    bodyLength: x.bodyLength,
    bodySha256: x.bodySha256,
    tags: x.tags,
    unknownTags: x.unknownTags,
    flags: {
      curse: x.curse,
      curses: x.curses,
      unrecognizedEvenField: x.unrecognizedEvenField,
      duplicateField: x.duplicateField,
      incompleteField: x.incompleteField,
      notInFirstInput: x.input !== 0,
      notAtOffsetZero: x.offset !== 0,
      pointer: x.pointerBytes !== null,
      pushnum: x.pushnum,
      stutter: x.stutter,
      reinscription: null,
      unbound: x.unbound,
    },
  };
}
