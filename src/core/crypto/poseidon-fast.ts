/**
 * circomlib's Poseidon over BN254 (eprint 2019/458; circomlib poseidon_opt schedule, t = arity + 1, arities 1..16),
 * run in a small WebAssembly module with Montgomery arithmetic (poseidon-wat.ts). Synchronous: the 6 KB module is
 * compiled on first use, which workers and Node always allow. Where synchronous compilation is refused (Chromium's
 * main thread above 4 KB, a CSP without 'wasm-unsafe-eval', no WebAssembly) the same schedule runs on BigInt:
 * slower, same results. On a page's main thread, await preparePoseidon() once to compile asynchronously instead.
 *
 * Memory layout: scratch below LAYOUT.CONSTANTS; from there the optimised constants of each width in use, in
 * Montgomery form (9 × 29-bit limbs per element), loaded on first use; an I/O area for hashMany after them.
 */
import { base64 } from '@scure/base';
import { POSEIDON_CONSTANTS } from './poseidon-constants';
import { POSEIDON_WASM_BASE64 } from './poseidon-wasm-bytes';
import { grainRoundConstants } from './poseidon-grain';
import { optimiseParams, type OptimisedParams } from './poseidon-params';
import { ELEMENT_BYTES, FIELD, LAYOUT, LIMBS, LIMB_BITS, MONTGOMERY_R } from './poseidon-wat';

interface PoseidonExports {
  memory: WebAssembly.Memory;
  toMontgomery(ptr: number, count: number): void;
  hashMany(input: number, output: number, count: number, t: number, roundsP: number, c: number, s: number, m: number, p: number, init: number): void;
}

interface Pointers { t: number; roundsP: number; c: number; s: number; m: number; p: number }

export const MAX_ARITY = 16;
const LIMB_MASK = (1n << BigInt(LIMB_BITS)) - 1n;
const SHIFT = BigInt(LIMB_BITS);

/** Little-endian 32-byte field elements → bigints. */
function unpack(bytes: Uint8Array): bigint[] {
  const out: bigint[] = [];
  for (let k = 0; k < bytes.length; k += 32) {
    let v = 0n;
    for (let i = 31; i >= 0; i--) v = (v << 8n) | BigInt(bytes[k + i]!);
    out.push(v);
  }
  return out;
}

const schedules = new Map<number, OptimisedParams>();

/** The optimised schedule for width t, derived once: Grain round constants, the committed MDS matrix. */
function schedule(t: number): OptimisedParams {
  let params = schedules.get(t);
  if (!params) {
    const entry = POSEIDON_CONSTANTS[t];
    if (!entry) throw new RangeError(`poseidon: t = ${t} not supported`);
    const mds = unpack(base64.decode(entry.mds));
    const m = Array.from({ length: t }, (_, i) => mds.slice(i * t, (i + 1) * t));
    params = optimiseParams(t, entry.roundsP, grainRoundConstants(t, 8, entry.roundsP, FIELD, 254), m);
    schedules.set(t, params);
  }
  return params;
}

/** The wasm engine: one instance; each width's constants loaded on first use, the I/O area after them. */
class WasmEngine {
  private readonly exports: PoseidonExports;
  private readonly params = new Map<number, Pointers>();
  /** End of the loaded constants: where hashMany's inputs and outputs go. */
  private io: number = LAYOUT.CONSTANTS;
  private u32: Uint32Array;

  constructor(module: WebAssembly.Module) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as PoseidonExports;
    this.u32 = new Uint32Array(this.exports.memory.buffer);
    this.writeBig(LAYOUT.R2, (MONTGOMERY_R * MONTGOMERY_R) % FIELD);
    this.writeBig(LAYOUT.ONE, 1n);
  }

  private load(t: number): Pointers {
    let p = this.params.get(t);
    if (!p) {
      const { roundsP, c, s, m, p: pre } = schedule(t);
      const values = [...c, ...s, ...m, ...pre];
      const offset = this.io;
      const at = (k: number): number => offset + ELEMENT_BYTES * k;
      this.ensure(at(values.length));
      values.forEach((v, k) => this.writeBig(at(k), v));
      this.exports.toMontgomery(offset, values.length);
      p = { t, roundsP, c: at(0), s: at(c.length), m: at(c.length + s.length), p: at(c.length + s.length + m.length) };
      this.params.set(t, p);
      this.io = at(values.length);
    }
    return p;
  }

  private ensure(bytes: number): void {
    const memory = this.exports.memory;
    if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    this.u32 = new Uint32Array(memory.buffer);
  }

  private writeBig(byteOffset: number, v: bigint): void {
    const w = byteOffset >> 2;
    for (let i = 0; i < LIMBS; i++, v >>= SHIFT) this.u32[w + i] = Number(v & LIMB_MASK);
  }

  /** Hashes `count` rows of `arity` inputs laid out row after row in `flat` (each row led by its capacity element when `init`). */
  hash(flat: readonly bigint[], arity: number, count: number, init = false): bigint[] {
    const p = this.load(arity + 1);
    // Inputs and outputs cross as 4 little-endian 64-bit words each: few BigInt operations per element.
    const input = (this.io + 7) & ~7;
    const output = input + 32 * flat.length;
    this.ensure(output + 32 * count);
    const words = new BigUint64Array(this.exports.memory.buffer);
    for (let k = 0, w = input >> 3; k < flat.length; k++, w += 4) {
      const v = flat[k]!;
      words[w] = BigInt.asUintN(64, v);
      words[w + 1] = BigInt.asUintN(64, v >> 64n);
      words[w + 2] = BigInt.asUintN(64, v >> 128n);
      words[w + 3] = v >> 192n;
    }
    this.exports.hashMany(input, output, count, p.t, p.roundsP, p.c, p.s, p.m, p.p, init ? 1 : 0);
    const out: bigint[] = new Array<bigint>(count);
    for (let k = 0, w = output >> 3; k < count; k++, w += 4) {
      const v = (((((words[w + 3]! << 64n) | words[w + 2]!) << 64n) | words[w + 1]!) << 64n) | words[w]!;
      // Montgomery outputs are below 2r: one subtraction makes them canonical.
      out[k] = v >= FIELD ? v - FIELD : v;
    }
    return out;
  }
}

/** The same schedule on BigInt, for hosts that refuse synchronous compilation and were not prepared. */
class BigIntEngine {
  hash(flat: readonly bigint[], arity: number, count: number, init = false): bigint[] {
    const out: bigint[] = [];
    const width = init ? arity + 1 : arity;
    for (let k = 0; k < count; k++) {
      const row = flat.slice(k * width, (k + 1) * width);
      out.push(this.permute(schedule(arity + 1), init ? row : [0n, ...row]));
    }
    return out;
  }

  private permute({ t, roundsP, c, s, m, p }: OptimisedParams, state: bigint[]): bigint {
    const F = FIELD;
    const pow5 = (x: bigint): bigint => { const x2 = (x * x) % F; return (((x2 * x2) % F) * x) % F; };
    const addC = (at: number): void => { for (let i = 0; i < t; i++) state[i] = (state[i]! + c[at + i]!) % F; };
    const mix = (mat: bigint[]): void => {
      const next = state.map((_, i) => { let acc = 0n; for (let j = 0; j < t; j++) acc += mat[i * t + j]! * state[j]!; return acc % F; });
      for (let i = 0; i < t; i++) state[i] = next[i]!;
    };
    const full = (at: number | null, mat: bigint[]): void => {
      for (let i = 0; i < t; i++) state[i] = pow5(state[i]!);
      if (at !== null) addC(at);
      mix(mat);
    };
    addC(0);
    for (let r = 0; r < 3; r++) full((r + 1) * t, m);
    full(4 * t, p);
    for (let r = 0; r < roundsP; r++) {
      const row = r * (2 * t - 1);
      const s0 = (pow5(state[0]!) + c[5 * t + r]!) % F;
      let acc = s[row]! * s0;
      for (let j = 1; j < t; j++) acc += s[row + j]! * state[j]!;
      for (let j = 1; j < t; j++) state[j] = (state[j]! + s0 * s[row + t + j - 1]!) % F;
      state[0] = acc % F;
    }
    for (let r = 0; r < 3; r++) full(5 * t + roundsP + r * t, m);
    full(null, m);
    return state[0]!;
  }
}

type Engine = { hash(flat: readonly bigint[], arity: number, count: number, init?: boolean): bigint[] };
let engine: Engine | undefined;

function wasmBytes(): Uint8Array<ArrayBuffer> {
  return base64.decode(POSEIDON_WASM_BASE64) as Uint8Array<ArrayBuffer>;
}

function currentEngine(): Engine {
  if (!engine) {
    try {
      engine = new WasmEngine(new WebAssembly.Module(wasmBytes()));
    } catch {
      engine = new BigIntEngine();
    }
  }
  return engine;
}

/** Compiles the module asynchronously (allowed everywhere), so later synchronous calls take the fast path. */
export async function preparePoseidon(): Promise<void> {
  if (engine instanceof WasmEngine) return;
  engine = new WasmEngine(await WebAssembly.compile(wasmBytes()));
}

/** Which engine is in use: 'wasm' normally; 'bigint' where synchronous compilation was refused. */
export function poseidonEngine(): 'wasm' | 'bigint' {
  return currentEngine() instanceof WasmEngine ? 'wasm' : 'bigint';
}

/** Forces the BigInt engine (tests compare both; never needed in production). */
export function usePoseidonBigIntEngine(): void {
  engine = new BigIntEngine();
}

function element(v: bigint): bigint {
  if (typeof v !== 'bigint') throw new TypeError('poseidon: inputs must be bigints');
  return v >= 0n && v < FIELD ? v : ((v % FIELD) + FIELD) % FIELD;
}

/** Poseidon of each row (all rows of one arity, 1..16): e.g. every leaf of a table in one call. */
export function poseidonMany(rows: readonly (readonly bigint[])[]): bigint[] {
  if (rows.length === 0) return [];
  const arity = rows[0]!.length;
  if (arity < 1 || arity > MAX_ARITY) throw new RangeError(`poseidon: arity ${arity} not supported (1..${MAX_ARITY})`);
  const flat: bigint[] = [];
  for (const row of rows) {
    if (row.length !== arity) throw new RangeError('poseidonMany: every row must have the same arity');
    for (const v of row) flat.push(element(v));
  }
  return currentEngine().hash(flat, arity, rows.length);
}

/** One level up a binary Poseidon tree: [H(n0, n1), H(n2, n3), …]; the level must have even length. */
export function poseidonLevel(nodes: readonly bigint[]): bigint[] {
  if (nodes.length % 2 !== 0) throw new RangeError('poseidonLevel: odd number of nodes');
  return currentEngine().hash(nodes.map(element), 2, nodes.length / 2);
}

/** Poseidon(inputs), 1 to 16 field elements; inputs are taken modulo r, as circomlibjs does. */
export function poseidonFast(inputs: readonly bigint[]): bigint {
  if (inputs.length < 1 || inputs.length > MAX_ARITY) throw new RangeError(`poseidon: arity ${inputs.length} not supported (1..${MAX_ARITY})`);
  return currentEngine().hash(inputs.map(element), inputs.length, 1)[0]!;
}

/**
 * circomlib's PoseidonEx(n, 1) with a capacity element: out[0] of the permutation of [init, ...inputs] (1 to 16
 * inputs), for many rows of the same arity at once; rows are [init, ...inputs].
 */
export function poseidonWithInitMany(rows: readonly (readonly bigint[])[]): bigint[] {
  if (rows.length === 0) return [];
  const arity = rows[0]!.length - 1;
  if (arity < 1 || arity > MAX_ARITY) throw new RangeError(`poseidon: arity ${arity} not supported (1..${MAX_ARITY})`);
  const flat: bigint[] = [];
  for (const row of rows) {
    if (row.length !== arity + 1) throw new RangeError('poseidonWithInitMany: every row must have the same arity');
    for (const v of row) flat.push(element(v));
  }
  return currentEngine().hash(flat, arity, rows.length, true);
}
