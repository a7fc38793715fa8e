/**
 * Host for any allocation program (ABI v1, docs/program-abi.md): validates the module's shape, caps its memory,
 * instantiates it with no imports, passes the columns in and reads the results out. Every failure of the program
 * is a coded result value, never a throw. No time limit here: untrusted programs run through workers/program-client.
 */
import type { Evidence, VerifyCode } from '../errors';
import { ABI_VERSION, COLUMN, MEMORY_EXPORT, REQUIRED_FUNCTIONS, STATUS_CODES, STATUS_MESSAGES } from './abi';
import { parseModuleShape, withMemoryCap, type ModuleShape } from './module-shape';
import { checkInputShape } from './reference';
import {
  AGES, DEFAULT_MAX_BYTES, DEFAULT_MEMORY_PAGES, VALUE_LIMIT,
  type AllocationInput, type AllocationOutput, type ProgramLimits, type ProgramResult,
} from './types';

const PAGE = 65536;
/** Typed-array bytes are copied into little-endian wasm memory as they are: the host must be little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A coded failure, thrown inside this module only and turned into a result value at its edge. */
class ProgramError extends Error {
  constructor(readonly code: VerifyCode, message: string, readonly evidence: Evidence = {}) {
    super(message);
  }
}

type Exports = {
  memory: WebAssembly.Memory;
  abi_version: () => number;
  prepare: (rows: number, prevRows: number, geographies: number) => number;
  column: (id: number) => number;
  run: (referenceDate: number) => number;
  error_row: () => number;
};

function sameTypes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Imports, memory and exports of a module, checked before anything runs. */
function checkShape(shape: ModuleShape, capPages: number): void {
  if (shape.imports.length > 0) {
    const first = shape.imports[0]!;
    throw new ProgramError('PROGRAM_IMPORTS_FORBIDDEN', `the program imports ${shape.imports.length} item(s), e.g. ${first.module}.${first.name}; it must import nothing`, { imports: shape.imports.length, first: `${first.module}.${first.name}` });
  }
  const mem = shape.memories[0];
  if (shape.memories.length !== 1 || !mem) throw new ProgramError('PROGRAM_BAD_EXPORTS', `the program defines ${shape.memories.length} memories; it must define exactly one`, { memories: shape.memories.length });
  if (mem.flags !== 0 && mem.flags !== 1) throw new ProgramError('PROGRAM_INVALID', `unsupported memory kind (limits flags 0x${mem.flags.toString(16)}: shared or 64-bit)`, { flags: mem.flags });
  if (mem.initial > capPages) throw new ProgramError('PROGRAM_MEMORY_LIMIT', `the program declares ${mem.initial} initial pages, over the cap of ${capPages}`, { initialPages: mem.initial, capPages });
  const memExport = shape.exports.get(MEMORY_EXPORT);
  if (memExport?.kind !== 'memory') throw new ProgramError('PROGRAM_BAD_EXPORTS', `export "${MEMORY_EXPORT}" must be the program's memory`, { export: MEMORY_EXPORT, kind: memExport?.kind ?? 'missing' });
  for (const [name, want] of Object.entries(REQUIRED_FUNCTIONS)) {
    const exp = shape.exports.get(name);
    if (exp?.kind !== 'function') throw new ProgramError('PROGRAM_BAD_EXPORTS', `export "${name}" must be a function`, { export: name, kind: exp?.kind ?? 'missing' });
    const got = shape.functionTypes[exp.index];
    if (!got || !sameTypes(got.params, want.params) || !sameTypes(got.results, want.results)) {
      throw new ProgramError('PROGRAM_BAD_EXPORTS', `export "${name}" has the wrong signature`, { export: name, params: got?.params.join(',') ?? '?', results: got?.results.join(',') ?? '?' });
    }
  }
}

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Runs the program's calls, checking memory bounds after each one. */
class Session {
  constructor(readonly ex: Exports, readonly capPages: number) {}

  call<T>(what: string, fn: () => T): T {
    let value: T;
    try {
      value = fn();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (this.pages() >= this.capPages) throw new ProgramError('PROGRAM_MEMORY_LIMIT', `the program trapped in ${what} with its memory at the cap of ${this.capPages} pages: ${message}`, { call: what, pages: this.pages() });
      throw new ProgramError('PROGRAM_TRAP', `the program trapped in ${what}: ${message}`, { call: what });
    }
    if (this.pages() > this.capPages) throw new ProgramError('PROGRAM_MEMORY_LIMIT', `the program's memory grew to ${this.pages()} pages, over the cap of ${this.capPages}`, { pages: this.pages() });
    return value;
  }

  pages(): number {
    return this.ex.memory.buffer.byteLength / PAGE;
  }

  /** The bytes of column `id`, `length` long, checked to lie inside memory. */
  region(id: number, length: number): Uint8Array {
    const ptr = this.call('column', () => this.ex.column(id)) >>> 0;
    const size = this.ex.memory.buffer.byteLength;
    if (ptr + length > size) throw new ProgramError('PROGRAM_BAD_LAYOUT', `column ${id} at ${ptr} (+${length} bytes) lies outside the program's ${size}-byte memory`, { column: id, pointer: ptr, length, memoryBytes: size });
    return new Uint8Array(this.ex.memory.buffer, ptr, length);
  }

  status(what: string, status: number): void {
    if (status === 0) return;
    const code = STATUS_CODES[status];
    if (!code) throw new ProgramError('PROGRAM_BAD_STATUS', `${what} returned unknown status ${status}`, { call: what, status });
    const item = this.call('error_row', () => this.ex.error_row());
    const evidence: Evidence = code === 'PROGRAM_INPUT_RATE' ? { status, entry: item } : { status, row: item };
    throw new ProgramError(code, `${STATUS_MESSAGES[code] ?? code} (${code === 'PROGRAM_INPUT_RATE' ? 'entry' : 'row'} ${item})`, evidence);
  }
}

function readU64(session: Session, id: number, n: number): BigUint64Array {
  const out = new BigUint64Array(n);
  bytesOf(out).set(session.region(id, 8 * n));
  return out;
}

/** Exact sum of u64 values, by 32-bit halves in doubles (exact below 2^53), flushed to a bigint every 2^20 values. */
function sumU64(a: BigUint64Array): bigint {
  const u = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  let total = 0n;
  for (let start = 0; start < a.length; start += 1 << 20) {
    let lo = 0;
    let hi = 0;
    const end = Math.min(a.length, start + (1 << 20));
    for (let i = start; i < end; i++) {
      lo += u[2 * i]!;
      hi += u[2 * i + 1]!;
    }
    total += BigInt(lo) + (BigInt(hi) << 32n);
  }
  return total;
}

function checkConservation(input: AllocationInput, out: AllocationOutput): void {
  const before = sumU64(input.previous) + sumU64(input.deposit);
  const after = sumU64(out.newAllocations);
  if (after !== before || after >= VALUE_LIMIT) {
    throw new ProgramError('PROGRAM_CONSERVATION', `new allocations sum to ${after}, previous allocations and deposits to ${before}`, { before: before.toString(), after: after.toString() });
  }
}

async function execute(untrusted: Uint8Array, input: AllocationInput, capPages: number, maxBytes: number): Promise<{ output: AllocationOutput; memoryPages: number }> {
  if (untrusted.length > maxBytes) throw new ProgramError('PROGRAM_INVALID', `the program is ${untrusted.length} bytes, over the cap of ${maxBytes}`, { bytes: untrusted.length, maxBytes });
  const wasm = new Uint8Array(untrusted);
  if (!WebAssembly.validate(wasm)) throw new ProgramError('PROGRAM_INVALID', 'the program is not a valid WebAssembly module', { bytes: wasm.length });
  let shape: ModuleShape;
  try {
    shape = parseModuleShape(wasm);
  } catch (e) {
    throw new ProgramError('PROGRAM_INVALID', `unreadable module: ${(e as Error).message}`);
  }
  checkShape(shape, capPages);
  const capped = withMemoryCap(wasm, shape, capPages);
  let instance: WebAssembly.Instance;
  try {
    const module = await WebAssembly.compile(capped);
    instance = await WebAssembly.instantiate(module, {});
  } catch (e) {
    throw new ProgramError('PROGRAM_TRAP', `the program failed to start: ${(e as Error).message}`);
  }
  const s = new Session(instance.exports as unknown as Exports, capPages);
  const version = s.call('abi_version', () => s.ex.abi_version());
  if (version !== ABI_VERSION) throw new ProgramError('PROGRAM_ABI_VERSION', `the program speaks ABI ${version}, the host ${ABI_VERSION}`, { version });

  const n = input.alive.length;
  const prevRows = input.previous.length;
  const g = input.mortality.geographies;
  s.status('prepare', s.call('prepare', () => s.ex.prepare(n, prevRows, g)));
  s.region(COLUMN.previous, 8 * prevRows).set(bytesOf(input.previous));
  s.region(COLUMN.alive, n).set(input.alive);
  s.region(COLUMN.deposit, 8 * n).set(bytesOf(input.deposit));
  s.region(COLUMN.dob, 4 * n).set(bytesOf(input.dob));
  s.region(COLUMN.sex, n).set(input.sex);
  s.region(COLUMN.geography, 2 * n).set(bytesOf(input.geography));
  s.region(COLUMN.mortality, 4 * g * 2 * AGES).set(bytesOf(input.mortality.rates));

  const ref = input.referenceDate;
  const refArg = Number.isInteger(ref) && ref >= 0 && ref <= 0x7fffffff ? ref : -1;
  s.status('run', s.call('run', () => s.ex.run(refArg)));

  const q = new Uint32Array(n);
  bytesOf(q).set(s.region(COLUMN.q, 4 * n));
  const totals = readU64(s, COLUMN.totals, 3);
  const output: AllocationOutput = {
    newAllocations: readU64(s, COLUMN.newAllocations, n),
    q,
    w: readU64(s, COLUMN.w, n),
    share: readU64(s, COLUMN.share, n),
    F: totals[0]!,
    W: totals[1]!,
    R: totals[2]!,
  };
  checkConservation(input, output);
  return { output, memoryPages: s.pages() };
}

/**
 * Run `wasm` (any module; ABI v1) on `input` in this thread. Resolves to `{ ok: true, output }` or to
 * `{ ok: false, error: { code: 'PROGRAM_*', … } }`. Mismatched column lengths are a caller bug (RangeError).
 */
export async function runAllocationProgram(wasm: Uint8Array, input: AllocationInput, limits: ProgramLimits = {}): Promise<ProgramResult> {
  checkInputShape(input);
  if (!LITTLE_ENDIAN) throw new RangeError('the program host needs a little-endian platform');
  const capPages = limits.memoryPages ?? DEFAULT_MEMORY_PAGES;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isInteger(capPages) || capPages < 1 || capPages > 65536) throw new RangeError('memoryPages must be 1..65536');
  const t0 = performance.now();
  try {
    const { output, memoryPages } = await execute(wasm, input, capPages, maxBytes);
    return { ok: true, output, stats: { memoryPages, ms: performance.now() - t0 } };
  } catch (e) {
    if (e instanceof ProgramError) return { ok: false, error: { code: e.code, message: e.message, evidence: e.evidence } };
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'PROGRAM_TRAP', message: `the program failed: ${message}`, evidence: {} } };
  }
}
