/** ord's envelope grammar (`src/inscriptions/envelope.rs`): `OP_FALSE OP_IF "ord" <payload> OP_ENDIF`, anywhere in a tapscript. */
import { OP, decodeScript, isPush, pushData, type Instructions } from './script';

/** One envelope as ord reads it: the payload items before any tag or body interpretation. */
export interface RawEnvelope {
  /** Index of the transaction input whose tapscript holds the envelope. */
  input: number;
  /** Index of this envelope among the envelopes of its input (0 for the first). */
  offset: number;
  /** Data pushes (views into the script bytes), plus fresh `[n]` / `[0x81]` items for OP_1..OP_16 / OP_1NEGATE. */
  payload: Uint8Array[];
  /** An OP_1..OP_16 or OP_1NEGATE appeared in the payload. */
  pushnum: boolean;
  /** The envelope followed a failed envelope start that was itself followed by an empty push. */
  stutter: boolean;
}

const PROTOCOL_ID = [0x6f, 0x72, 0x64]; // "ord"


function isEmptyPush(ins: Instructions, k: number): boolean {
  return k < ins.count && isPush(ins.ops[k]!) && ins.starts[k] === ins.ends[k];
}

function isProtocolId(ins: Instructions, k: number): boolean {
  if (k >= ins.count || !isPush(ins.ops[k]!) || ins.ends[k]! - ins.starts[k]! !== 3) return false;
  const s = ins.starts[k]!;
  return ins.script[s] === PROTOCOL_ID[0] && ins.script[s + 1] === PROTOCOL_ID[1] && ins.script[s + 2] === PROTOCOL_ID[2];
}

/**
 * Envelopes of one tapscript, in script order. Returns undefined when the script does not decode (a truncated push):
 * ord then drops every envelope of that input. A malformed envelope is simply not an envelope.
 */
export function envelopesFromTapscript(script: Uint8Array, input: number): RawEnvelope[] | undefined {
  const ins = decodeScript(script);
  if (!ins) return undefined;
  const envelopes: RawEnvelope[] = [];
  let stuttered = false;
  let k = 0;
  while (k < ins.count) {
    const empty = isEmptyPush(ins, k);
    k++;
    if (!empty) continue;
    // Expect OP_IF then a push of exactly "ord"; on a miss, the next instruction being another empty push is a stutter.
    if (k < ins.count && ins.ops[k] === OP.IF) {
      k++;
    } else {
      stuttered = isEmptyPush(ins, k);
      continue;
    }
    if (isProtocolId(ins, k)) {
      k++;
    } else {
      stuttered = isEmptyPush(ins, k);
      continue;
    }
    const payload: Uint8Array[] = [];
    let pushnum = false;
    let closed = false;
    while (k < ins.count) {
      const op = ins.ops[k]!;
      k++;
      if (op === OP.ENDIF) {
        closed = true;
        break;
      }
      if (isPush(op)) {
        payload.push(pushData(ins, k - 1));
      } else if (op === OP.PUSHNUM_NEG1 || (op >= OP.PUSHNUM_1 && op <= OP.PUSHNUM_16)) {
        pushnum = true;
        payload.push(Uint8Array.of(op === OP.PUSHNUM_NEG1 ? 0x81 : op - OP.PUSHNUM_1 + 1));
      } else {
        break; // any other opcode: not an envelope; the scan resumes after it
      }
    }
    if (closed) {
      // ord does not reset the stutter state after a complete envelope
      envelopes.push({ input, offset: envelopes.length, payload, pushnum, stutter: stuttered });
    } else {
      stuttered = false;
    }
  }
  return envelopes;
}
