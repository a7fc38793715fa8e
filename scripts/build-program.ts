/** Reproducible build of the allocation program (AssemblyScript → programs/allocation/build/allocation.wasm). */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROGRAM_DIR = join(root, 'programs', 'allocation');
export const WASM_PATH = join(PROGRAM_DIR, 'build', 'allocation.wasm');
export const WAT_PATH = join(PROGRAM_DIR, 'build', 'allocation.wat');

/** The compiler version the committed binary was built with; another version may emit other bytes. */
export const ASC_VERSION = '0.28.20';

/**
 * Pinned compiler flags. Entry path is relative to the repository root, so the output does not depend on
 * where the checkout lives. `--use abort=` removes the only import AssemblyScript would add (env.abort).
 */
export const ASC_FLAGS = [
  'programs/allocation/assembly/index.ts',
  '--config', 'none',
  '--optimizeLevel', '3',
  '--shrinkLevel', '0',
  '--converge',
  '--runtime', 'stub',
  '--noAssert',
  '--use', 'abort=',
  '--maximumMemory', '1024',
  '--outFile', 'allocation.wasm',
  '--textFile', 'allocation.wat',
];

export interface BuiltProgram {
  wasm: Uint8Array;
  wat: string;
  sha256: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Compile in memory with the pinned flags; writes nothing. */
export async function compileAllocationProgram(): Promise<BuiltProgram> {
  const pkg = JSON.parse(await readFile(join(root, 'node_modules', 'assemblyscript', 'package.json'), 'utf8')) as { version: string };
  if (pkg.version !== ASC_VERSION) throw new Error(`assemblyscript ${pkg.version} installed, the build pins ${ASC_VERSION}`);
  const asc = (await import('assemblyscript/asc')).default;
  const outputs = new Map<string, Uint8Array | string>();
  const errors: string[] = [];
  const prevCwd = process.cwd();
  process.chdir(root);
  try {
    const result = await asc.main(ASC_FLAGS, {
      writeFile: (name, contents) => { outputs.set(name, contents); },
      stdout: { write: () => true } as never,
      stderr: { write: (s: string | Uint8Array) => { errors.push(String(s)); return true; } } as never,
    });
    if (result.error) throw new Error(`asc failed: ${result.error.message}\n${errors.join('')}`);
  } finally {
    process.chdir(prevCwd);
  }
  const wasm = outputs.get('allocation.wasm');
  const wat = outputs.get('allocation.wat');
  if (!(wasm instanceof Uint8Array) || typeof wat !== 'string') throw new Error('asc produced no binary or text output');
  return { wasm, wat, sha256: sha256Hex(wasm) };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const built = await compileAllocationProgram();
  if (check) {
    const committed = new Uint8Array(await readFile(WASM_PATH));
    const same = sha256Hex(committed) === built.sha256;
    console.log(`${same ? 'ok' : 'MISMATCH'}: built ${built.sha256}, committed ${sha256Hex(committed)}`);
    process.exitCode = same ? 0 : 1;
    return;
  }
  await mkdir(dirname(WASM_PATH), { recursive: true });
  await writeFile(WASM_PATH, built.wasm);
  await writeFile(WAT_PATH, built.wat);
  console.log(`${relative(root, WASM_PATH)}: ${built.wasm.length} bytes, sha256 ${built.sha256}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
