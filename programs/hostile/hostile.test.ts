import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgramInNodeWorker } from '../../workers/node-worker';
import { randomInput } from '../../src/core/program/random-input';
import { compileWat, HOSTILE_DIR, NOT_WASM, readWatFixtures, type HostileFixture } from './build';

const manifest = JSON.parse(readFileSync(join(HOSTILE_DIR, 'manifest.json'), 'utf8')) as HostileFixture[];
const input = randomInput(21, { rows: 40 });

describe('the committed hostile fixtures', () => {
  it('are the compilation of their .wat sources, listed in manifest.json', async () => {
    const fixtures = await readWatFixtures();
    for (const { fixture, wat } of fixtures) {
      const committed = new Uint8Array(readFileSync(join(HOSTILE_DIR, fixture.file)));
      expect(committed, fixture.file).toEqual(await compileWat(fixture.file, wat));
      expect(manifest).toContainEqual(fixture);
    }
    expect(new Uint8Array(readFileSync(join(HOSTILE_DIR, 'not-wasm.wasm')))).toEqual(NOT_WASM);
    expect(manifest).toHaveLength(fixtures.length + 1);
  });
});

async function outcome(f: HostileFixture, timeoutMs: number): Promise<string> {
  const wasm = new Uint8Array(readFileSync(join(HOSTILE_DIR, f.file)));
  const r = await runProgramInNodeWorker(wasm, input, { timeoutMs });
  return r.ok ? 'ok' : r.error.code;
}

// Programs that end on their own get room for a loaded machine (only their code is asserted) and run side by side.
describe.concurrent('when a hostile program ends on its own in a worker', () => {
  for (const f of manifest.filter((m) => m.expect !== 'PROGRAM_TIMEOUT')) {
    it(`${f.file} ends with ${f.expect}`, async () => {
      expect(await outcome(f, 3000)).toBe(f.expect);
    });
  }
});

// Programs that never finish each get the whole machine and a 300 ms limit.
describe('when a hostile program never finishes', () => {
  for (const f of manifest.filter((m) => m.expect === 'PROGRAM_TIMEOUT')) {
    it(`${f.file} is stopped at 300 ms with ${f.expect}`, async () => {
      expect(await outcome(f, 300)).toBe(f.expect);
    });
  }
});
