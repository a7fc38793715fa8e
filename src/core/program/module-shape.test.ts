import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModuleShape, withMemoryCap } from './module-shape';

const program = new Uint8Array(readFileSync(new URL('../../../programs/allocation/build/allocation.wasm', import.meta.url)));
const growStorm = new Uint8Array(readFileSync(new URL('../../../programs/hostile/grow-storm.wasm', import.meta.url)));

describe('reading the allocation program', () => {
  const shape = parseModuleShape(program);
  it('finds no imports, one memory and the ABI exports with their signatures', () => {
    expect(shape.imports).toEqual([]);
    expect(shape.memories).toHaveLength(1);
    expect(shape.memories[0]!.maximum).toBe(1024);
    expect(shape.exports.get('memory')?.kind).toBe('memory');
    const prepare = shape.exports.get('prepare')!;
    expect(shape.functionTypes[prepare.index]).toEqual({ params: [0x7f, 0x7f, 0x7f], results: [0x7f] });
  });
  it('agrees with the engine on the export names and kinds', () => {
    const engine = WebAssembly.Module.exports(new WebAssembly.Module(program));
    expect(engine.map((e) => [e.name, e.kind]).sort()).toEqual([...shape.exports].map(([n, e]) => [n, e.kind]).sort());
  });
});

describe('when a module declares no memory maximum', () => {
  it('the capped copy declares the cap and the engine enforces it', () => {
    const shape = parseModuleShape(growStorm);
    expect(shape.memories[0]!.maximum).toBeNull();
    const capped = withMemoryCap(growStorm, shape, 20);
    expect(WebAssembly.validate(capped)).toBe(true);
    expect(parseModuleShape(capped).memories[0]).toEqual({ flags: 1, initial: 16, maximum: 20 });
    const memory = new WebAssembly.Instance(new WebAssembly.Module(capped), {}).exports.memory as WebAssembly.Memory;
    expect(memory.grow(4)).toBe(16);
    expect(() => memory.grow(1)).toThrow(RangeError);
  });
});

describe('when a module declares a maximum under the cap', () => {
  it('the bytes are unchanged', () => {
    expect(withMemoryCap(program, parseModuleShape(program), 2048)).toBe(program);
  });
});

describe('when the bytes are not a module', () => {
  it('a truncated section is a RangeError', () => {
    expect(() => parseModuleShape(program.subarray(0, 20))).toThrow(RangeError);
    expect(() => parseModuleShape(new Uint8Array([1, 2, 3]))).toThrow(RangeError);
  });
});
