/**
 * npm run setup:circuits [-- --batch N] [--seed S]: DEVELOPMENT CEREMONY for the batch circuit (compile, powers of tau,
 * phase 2), cached in .cache/circuits/; copies the verification key to circuits/keys/batch-N.vkey.json.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, DEVNET_BATCH_SIZE, REPO_ROOT, ensureCircuit } from '../src/devnet/prover/setup';

const { values } = parseArgs({
  options: { batch: { type: 'string' }, seed: { type: 'string' } },
  strict: true,
});
const batchSize = Number(values.batch ?? DEVNET_BATCH_SIZE);
const seed = values.seed ?? DEFAULT_SEED;

console.log(`DEVELOPMENT CEREMONY (seed ${JSON.stringify(seed)}): batch circuit, B = ${batchSize}. Not for production.`);
const t0 = performance.now();
const a = await ensureCircuit(batchSize, seed);
const seconds = (performance.now() - t0) / 1000;
console.log(`${a.name}: ${a.constraints} constraints, ptau 2^${a.ptauPower}, ${seconds.toFixed(1)} s this run`);
console.log(`steps (s) when built: ${JSON.stringify(a.timings)}`);
if (seed === DEFAULT_SEED) {
  const keys = join(REPO_ROOT, 'circuits/keys');
  await mkdir(keys, { recursive: true });
  await copyFile(join(a.dir, 'vkey.json'), join(keys, `batch-${batchSize}.vkey.json`));
  console.log(`verification key: circuits/keys/batch-${batchSize}.vkey.json`);
}
console.log(`artifacts: ${a.dir}`);
