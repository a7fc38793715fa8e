import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileAllocationProgram, sha256Hex, WASM_PATH } from '../../scripts/build-program';

describe('the allocation program build', () => {
  it('is reproducible: two compilations give the committed bytes, whose sha256 the README records', async () => {
    const committed = new Uint8Array(readFileSync(WASM_PATH));
    const first = await compileAllocationProgram();
    const second = await compileAllocationProgram();
    expect(second.wasm).toEqual(first.wasm);
    expect(first.wasm).toEqual(committed);
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    expect(readme).toContain(sha256Hex(committed));
  });

  it('is small and imports nothing', () => {
    const committed = new Uint8Array(readFileSync(WASM_PATH));
    expect(committed.length).toBeLessThan(50 * 1024);
    expect(WebAssembly.Module.imports(new WebAssembly.Module(committed))).toEqual([]);
  });
});
