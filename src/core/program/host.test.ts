import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAllocationProgram } from './host';
import { randomInput } from './random-input';
import { computeMonth } from './reference';

const dir = new URL('../../../programs/', import.meta.url);
const load = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, dir)));
const program = load('allocation/build/allocation.wasm');
const manifest = JSON.parse(readFileSync(new URL('hostile/manifest.json', dir), 'utf8')) as { file: string; expect: string }[];
const input = randomInput(11, { rows: 50 });

describe('when the pinned allocation program runs in this thread', () => {
  it('returns the reference outputs and its memory size', async () => {
    const r = await runAllocationProgram(program, input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.output).toEqual(computeMonth(input));
    expect(r.stats.memoryPages).toBeGreaterThan(0);
  });
});

describe('when the memory cap is below what the rows need', () => {
  it('the program cannot grow and reports PROGRAM_MEMORY_LIMIT', async () => {
    const big = randomInput(3, { rows: 20_000 });
    const r = await runAllocationProgram(program, big, { memoryPages: 8 });
    expect(r.ok ? 'ok' : r.error.code).toBe('PROGRAM_MEMORY_LIMIT');
  });
});

describe('when the module is larger than the byte cap', () => {
  it('is refused before compiling', async () => {
    const r = await runAllocationProgram(program, input, { maxBytes: 100 });
    expect(r.ok ? 'ok' : r.error.code).toBe('PROGRAM_INVALID');
  });
});

describe('when a hostile program ends on its own', () => {
  // Programs that loop forever need the worker's wall-clock limit: workers/program-client.test.ts covers them.
  const finite = manifest.filter((f) => f.expect !== 'PROGRAM_TIMEOUT');
  for (const f of finite) {
    it(`${f.file} ends with ${f.expect}`, async () => {
      const r = await runAllocationProgram(load(`hostile/${f.file}`), input);
      expect(r.ok ? 'ok' : r.error.code).toBe(f.expect);
    });
  }
});
