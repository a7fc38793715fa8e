/**
 * Reads what the host needs from a WebAssembly binary (core spec §5.5): imports, function signatures of exports,
 * memory limits and where the memory section sits. Run only on bytes that `WebAssembly.validate` accepted.
 */

export interface ExportShape {
  kind: 'function' | 'table' | 'memory' | 'global' | 'tag' | 'unknown';
  index: number;
}

export interface MemoryShape {
  /** Limits flag byte: 0 = min, 1 = min+max; others are shared or 64-bit memories. */
  flags: number;
  initial: number;
  maximum: number | null;
}

export interface ModuleShape {
  imports: { module: string; name: string; kind: number }[];
  exports: Map<string, ExportShape>;
  /** Signature of each defined function (imported functions are not counted: any import is refused). */
  functionTypes: ({ params: number[]; results: number[] } | null)[];
  memories: MemoryShape[];
  /** Byte range [start, end) of the whole memory section (id byte included), if any. */
  memorySection: { start: number; end: number } | null;
}

const EXPORT_KINDS = ['function', 'table', 'memory', 'global', 'tag'] as const;

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly end = bytes.length) {}
  byte(): number {
    if (this.pos >= this.end) throw new RangeError('truncated module');
    return this.bytes[this.pos++]!;
  }
  /** Unsigned LEB128 up to 64 bits, returned as a number (exact below 2^53, enough for counts and limits). */
  leb(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new RangeError('LEB128 too long');
  }
  name(): string {
    const len = this.leb();
    const start = this.pos;
    this.pos += len;
    if (this.pos > this.end) throw new RangeError('truncated name');
    return new TextDecoder().decode(this.bytes.subarray(start, this.pos));
  }
  /** A value type; reference types with a heap type (0x63/0x64) carry a signed LEB that is skipped. */
  valType(): number {
    const t = this.byte();
    if (t === 0x63 || t === 0x64) this.leb();
    return t;
  }
  limits(): MemoryShape {
    const flags = this.byte();
    const initial = this.leb();
    const maximum = flags & 1 ? this.leb() : null;
    if (flags & 8) this.leb(); // custom page size exponent
    return { flags, initial, maximum };
  }
}

function readTypes(r: Reader): ({ params: number[]; results: number[] } | null)[] {
  const types: ({ params: number[]; results: number[] } | null)[] = [];
  const count = r.leb();
  for (let i = 0; i < count; i++) {
    const form = r.byte();
    if (form !== 0x60) {
      // GC rec/sub types: not used by the ABI; stop reading and mark the rest unknown.
      for (let j = i; j < count; j++) types.push(null);
      return types;
    }
    const params = Array.from({ length: r.leb() }, () => r.valType());
    const results = Array.from({ length: r.leb() }, () => r.valType());
    types.push({ params, results });
  }
  return types;
}

function readImports(r: Reader): ModuleShape['imports'] {
  const count = r.leb();
  if (count === 0) return [];
  // Descriptors are not needed: any import refuses the module, so only the first one is named.
  const first = { module: r.name(), name: r.name(), kind: r.byte() };
  return [first, ...Array.from({ length: count - 1 }, () => ({ module: '?', name: '?', kind: -1 }))];
}

/** Parse the sections the host checks. Throws RangeError on a truncated or unsupported binary. */
export function parseModuleShape(bytes: Uint8Array): ModuleShape {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new RangeError('not a WebAssembly binary');
  }
  const shape: ModuleShape = { imports: [], exports: new Map(), functionTypes: [], memories: [], memorySection: null };
  let types: ({ params: number[]; results: number[] } | null)[] = [];
  const r = new Reader(bytes);
  r.pos = 8;
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.leb();
    const end = r.pos + size;
    if (end > bytes.length) throw new RangeError('section runs past the end');
    const s = new Reader(bytes, end);
    s.pos = r.pos;
    if (id === 1) types = readTypes(s);
    else if (id === 2) shape.imports = readImports(s);
    else if (id === 3) {
      const count = s.leb();
      for (let i = 0; i < count; i++) shape.functionTypes.push(types[s.leb()] ?? null);
    } else if (id === 5) {
      const count = s.leb();
      for (let i = 0; i < count; i++) shape.memories.push(s.limits());
      shape.memorySection = { start, end };
    } else if (id === 7) {
      const count = s.leb();
      for (let i = 0; i < count; i++) {
        const name = s.name();
        const kind = s.byte();
        const index = s.leb();
        shape.exports.set(name, { kind: EXPORT_KINDS[kind] ?? 'unknown', index });
      }
    }
    r.pos = end;
  }
  return shape;
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/**
 * The same module with its one memory's maximum lowered to `maxPages` (or set, when it had none), so the engine
 * itself refuses any `memory.grow` past the cap. The caller has checked `initial <= maxPages` and flags 0 or 1.
 */
export function withMemoryCap(bytes: Uint8Array<ArrayBuffer>, shape: ModuleShape, maxPages: number): Uint8Array<ArrayBuffer> {
  const mem = shape.memories[0];
  const section = shape.memorySection;
  if (!mem || !section || shape.memories.length !== 1) throw new RangeError('module has no single memory');
  const maximum = mem.maximum === null ? maxPages : Math.min(mem.maximum, maxPages);
  if (mem.maximum === maximum) return bytes;
  const content = [1, 0x01, ...leb(mem.initial), ...leb(maximum)];
  const header = [5, ...leb(content.length)];
  const out = new Uint8Array(bytes.length - (section.end - section.start) + header.length + content.length);
  out.set(bytes.subarray(0, section.start), 0);
  out.set(header, section.start);
  out.set(content, section.start + header.length);
  out.set(bytes.subarray(section.end), section.start + header.length + content.length);
  return out;
}
