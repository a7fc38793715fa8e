/**
 * Regenerates the Groth16 vectors: compiles each circuit in circuits/ with circom2, runs a small development
 * powers-of-tau (2^10) and a one-contribution phase 2, proves a few witnesses per circuit with snarkjs and writes
 * the verification key, proofs and public signals as snarkjs JSON. Development ceremony only: the toxic waste of
 * these keys is not destroyed in any meaningful sense, so they may serve as test data and nothing else.
 *
 * Run: npx tsx vectors/groth16/generate.ts   (work files go to .cache/groth16-vectors/, never into git)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as snarkjs from 'snarkjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const work = join(root, '.cache/groth16-vectors');
const snarkjsCli = join(root, 'node_modules/snarkjs/build/cli.cjs');
const circom = join(root, 'node_modules/.bin/circom2');
const POWER = 10;

/** Deterministic pseudo-random field values for witnesses (not secrets: test inputs). */
function* values(seed: bigint): Generator<bigint> {
  let x = seed;
  for (;;) {
    x = (x * 6364136223846793005n + 1442695040888963407n) % (1n << 64n);
    yield x;
  }
}

const FACTORS_OF_391 = [[17, 23], [23, 17], [1, 391], [391, 1]] as const;

interface Circuit { name: string; count: number; witness: (i: number) => Record<string, unknown> }

const CIRCUITS: Circuit[] = [
  { name: 'secret-product', count: 4, witness: (i) => { const [a, b] = FACTORS_OF_391[i]!; return { a: String(a), b: String(b) }; } },
  {
    name: 'poseidon-leaf', count: 32, witness: (i) => {
      const g = values(BigInt(1000 + i));
      return { month: (202601 + i).toString(), userIdField: g.next().value.toString(), allocation: g.next().value.toString() };
    },
  },
  {
    name: 'weighted-sum', count: 4, witness: (i) => {
      const g = values(BigInt(77 + i));
      return { values: Array.from({ length: 6 }, () => (g.next().value % 100000n).toString()), weights: Array.from({ length: 6 }, () => (g.next().value % 1000n).toString()) };
    },
  },
];

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
}

function snark(...args: string[]): void {
  run(process.execPath, [snarkjsCli, ...args]);
}

mkdirSync(work, { recursive: true });
const ptau = join(work, `pot${POWER}_final.ptau`);
if (!existsSync(ptau)) {
  snark('powersoftau', 'new', 'bn128', String(POWER), join(work, 'pot_0000.ptau'));
  snark('powersoftau', 'contribute', join(work, 'pot_0000.ptau'), join(work, 'pot_0001.ptau'), '--name=drey-dev', '-e=drey development ceremony, test vectors only');
  snark('powersoftau', 'prepare', 'phase2', join(work, 'pot_0001.ptau'), ptau);
}

for (const c of CIRCUITS) {
  const out = join(here, c.name);
  mkdirSync(out, { recursive: true });
  run(circom, [join(here, 'circuits', `${c.name}.circom`), '--r1cs', '--wasm', '-o', work, '-l', join(root, 'node_modules')]);
  const r1cs = join(work, `${c.name}.r1cs`);
  const wasm = join(work, `${c.name}_js`, `${c.name}.wasm`);
  const zkey0 = join(work, `${c.name}_0000.zkey`);
  const zkey = join(work, `${c.name}_final.zkey`);
  snark('groth16', 'setup', r1cs, ptau, zkey0);
  snark('zkey', 'contribute', zkey0, zkey, '--name=drey-dev', `-e=drey development phase 2 ${c.name}`);
  snark('zkey', 'export', 'verificationkey', zkey, join(out, 'verification_key.json'));
  const vkey: unknown = JSON.parse(readFileSync(join(out, 'verification_key.json'), 'utf8'));

  const proofs: { proof: unknown; publicSignals: string[] }[] = [];
  for (let i = 0; i < c.count; i++) {
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(c.witness(i), wasm, zkey);
    if (!(await snarkjs.groth16.verify(vkey, publicSignals, proof))) throw new Error(`${c.name} #${i}: snarkjs rejects its own proof`);
    proofs.push({ proof, publicSignals });
  }
  writeFileSync(join(out, 'proofs.json'), JSON.stringify(proofs, null, 1) + '\n');
  writeFileSync(join(out, 'proof.json'), JSON.stringify(proofs[0]!.proof, null, 1) + '\n');
  writeFileSync(join(out, 'public.json'), JSON.stringify(proofs[0]!.publicSignals, null, 1) + '\n');
  console.log(`${c.name}: ${c.count} proofs, ${proofs[0]!.publicSignals.length} public signals`);
}
process.exit(0);
