/** DEVELOPMENT CEREMONY cost: a fresh setup of the tiny batch circuit (new seed, so nothing is cached), step by step. */
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CACHE_DIR, DEVNET_BATCH_SIZE, TINY_BATCH_SIZE, cachedCircuit, ensureCircuit } from '../src/devnet/prover/setup';
import { fmt } from './stats';

export default async function bench(): Promise<void> {
  const seed = `bench-${process.pid}-${Date.now()}`;
  const t0 = performance.now();
  const a = await ensureCircuit(TINY_BATCH_SIZE, seed);
  const s = (performance.now() - t0) / 1000;
  console.log(`fresh setup B=${TINY_BATCH_SIZE} (${a.constraints} constraints, ptau 2^${a.ptauPower}): ${fmt(s)} s ` +
    `(single run: a ceremony is not repeated for a median) ${JSON.stringify(a.timings)}`);
  await rm(a.dir, { recursive: true, force: true });
  // The bench's own ptau (keyed by its seed) goes too.
  const tag = createHash('sha256').update(seed).digest('hex').slice(0, 12);
  for (const f of await readdir(join(CACHE_DIR, 'ptau'))) if (f.includes(tag)) await rm(join(CACHE_DIR, 'ptau', f), { force: true });
  const devnet = await cachedCircuit(DEVNET_BATCH_SIZE);
  console.log(devnet
    ? `devnet setup B=${DEVNET_BATCH_SIZE} (${devnet.constraints} constraints, ptau 2^${devnet.ptauPower}) as built here: ${JSON.stringify(devnet.timings)}`
    : `devnet setup B=${DEVNET_BATCH_SIZE}: not built on this machine (npm run setup:circuits)`);
}
