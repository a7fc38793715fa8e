/** Compiles the hostile program fixtures (programs/hostile/*.wat → *.wasm) and writes manifest.json. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import createWabt from 'wabt';

export const HOSTILE_DIR = dirname(fileURLToPath(import.meta.url));

export interface HostileFixture {
  /** The .wasm file name in programs/hostile/. */
  file: string;
  /** The PROGRAM_* code the host must end it with. */
  expect: string;
  about: string;
}

/** Bytes that start like a module but are not one. */
export const NOT_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0xff, 0xff, 0xff, 0x0f]);

/** Each .wat opens with `;; expect: CODE` and a line saying what it does. */
export function fixtureFromWat(name: string, wat: string): HostileFixture {
  const lines = wat.split('\n');
  const expect = /^;; expect: (PROGRAM_[A-Z_]+)$/.exec(lines[0] ?? '')?.[1];
  if (!expect) throw new Error(`${name}: first line must be ";; expect: PROGRAM_…"`);
  const about = lines.slice(1).filter((l) => l.startsWith(';; ')).map((l) => l.slice(3)).join(' ');
  return { file: name.replace(/\.wat$/, '.wasm'), expect, about };
}

export async function compileWat(name: string, wat: string): Promise<Uint8Array> {
  const wabt = await createWabt();
  const mod = wabt.parseWat(name, wat);
  try {
    mod.resolveNames();
    mod.validate();
    return mod.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    mod.destroy();
  }
}

export async function readWatFixtures(): Promise<{ fixture: HostileFixture; wat: string }[]> {
  const names = (await readdir(HOSTILE_DIR)).filter((f) => f.endsWith('.wat')).sort();
  return Promise.all(names.map(async (name) => {
    const wat = await readFile(join(HOSTILE_DIR, name), 'utf8');
    return { fixture: fixtureFromWat(name, wat), wat };
  }));
}

async function main(): Promise<void> {
  const manifest: HostileFixture[] = [];
  for (const { fixture, wat } of await readWatFixtures()) {
    await writeFile(join(HOSTILE_DIR, fixture.file), await compileWat(fixture.file, wat));
    manifest.push(fixture);
  }
  await writeFile(join(HOSTILE_DIR, 'not-wasm.wasm'), NOT_WASM);
  manifest.push({ file: 'not-wasm.wasm', expect: 'PROGRAM_INVALID', about: 'A wasm header followed by a malformed section.' });
  await writeFile(join(HOSTILE_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote ${manifest.length} hostile fixtures`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
