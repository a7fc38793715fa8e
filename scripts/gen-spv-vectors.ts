/** Writes vectors/spv/cases/*.json: the SPV mutation cases from vectors/spv/cases.ts (run: npx tsx scripts/gen-spv-vectors.ts). */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spvCases } from '../vectors/spv/cases';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors', 'spv', 'cases');
await mkdir(dir, { recursive: true });
for (const f of await readdir(dir)) if (f.endsWith('.json')) await rm(join(dir, f));
const cases = spvCases();
for (const c of cases) await writeFile(join(dir, `${c.name}.json`), JSON.stringify(c, null, 2) + '\n');
console.log(`wrote ${cases.length} cases (${cases.filter((c) => c.mustFail).length} mustFail) to ${dir}`);
