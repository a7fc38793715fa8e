/** Tapscript tokenizer with rust-bitcoin's `Script::instructions()` rules (non-minimal pushes allowed); never throws. */

/** Opcodes the envelope grammar names. Every byte value is an opcode; undefined ones (e.g. OP_SUCCESS 0xbb) are plain ops. */
export const OP = {
  PUSHBYTES_0: 0x00,
  PUSHDATA1: 0x4c,
  PUSHDATA2: 0x4d,
  PUSHDATA4: 0x4e,
  PUSHNUM_NEG1: 0x4f,
  PUSHNUM_1: 0x51,
  PUSHNUM_16: 0x60,
  IF: 0x63,
  ENDIF: 0x68,
  CHECKSIG: 0xac,
} as const;

/**
 * A decoded script as parallel arrays (no object per instruction): instruction k has opcode `ops[k]`; when it is a push
 * (`ops[k] <= OP_PUSHDATA4`) its data is `script[starts[k] .. ends[k])`, otherwise `starts[k] === ends[k]`.
 */
export interface Instructions {
  readonly script: Uint8Array;
  readonly count: number;
  readonly ops: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Whether an opcode pushes data (OP_0, OP_PUSHBYTES_1..75, OP_PUSHDATA1/2/4). */
export function isPush(opcode: number): boolean {
  return opcode <= OP.PUSHDATA4;
}

/**
 * Walk one instruction at `pos`. Returns the position after it, or -1 when the push it starts runs past the end
 * (rust-bitcoin's `EarlyEndOfScript`). `out[0..1]` receive the data range of a push.
 */
function step(script: Uint8Array, pos: number, out: Int32Array): number {
  const op = script[pos]!;
  let len: number;
  let at = pos + 1;
  if (op <= 0x4b) {
    len = op;
  } else if (op === OP.PUSHDATA1) {
    if (at + 1 > script.length) return -1;
    len = script[at]!;
    at += 1;
  } else if (op === OP.PUSHDATA2) {
    if (at + 2 > script.length) return -1;
    len = script[at]! | (script[at + 1]! << 8);
    at += 2;
  } else if (op === OP.PUSHDATA4) {
    if (at + 4 > script.length) return -1;
    len = (script[at]! | (script[at + 1]! << 8) | (script[at + 2]! << 16)) + script[at + 3]! * 0x1000000;
    at += 4;
  } else {
    out[0] = at;
    out[1] = at;
    return at;
  }
  if (len > script.length - at) return -1;
  out[0] = at;
  out[1] = at + len;
  return at + len;
}

/**
 * Decode a whole script. Returns undefined when any push is truncated: ord then ignores every envelope of the input,
 * because its instruction iterator fails before the scan can finish.
 */
export function decodeScript(script: Uint8Array): Instructions | undefined {
  const range = new Int32Array(2);
  let count = 0;
  for (let pos = 0; pos < script.length; count++) {
    pos = step(script, pos, range);
    if (pos < 0) return undefined;
  }
  const ops = new Uint8Array(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  for (let k = 0, pos = 0; k < count; k++) {
    ops[k] = script[pos]!;
    pos = step(script, pos, range);
    starts[k] = range[0]!;
    ends[k] = range[1]!;
  }
  return { script, count, ops, starts, ends };
}

/** The data a push instruction carries, as a view into the script (no copy). */
export function pushData(ins: Instructions, k: number): Uint8Array {
  return ins.script.subarray(ins.starts[k]!, ins.ends[k]!);
}
