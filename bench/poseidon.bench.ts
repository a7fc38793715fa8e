/** Poseidon (circomlib parameters, BN254) hashes/s: ours (wasm) vs circomlibjs vs poseidon-lite, in Node and in a worker thread. */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { poseidon2, poseidon3 } from 'poseidon-lite';
import { poseidon, poseidonLevel } from '../src/core/crypto/poseidon';
import { fmt } from './stats';

type Row = { name: string; arity: number; perSecond: number };

type Candidate = { name: string; arity: number; run: (i: number) => number };

/**
 * Hashes/s of each candidate: 7 rounds, each giving every candidate a 150 ms window in turn (so a busy machine
 * slows all of them alike); the first round warms up; medians of the other 6.
 */
function rates(candidates: Candidate[]): Row[] {
  const samples = candidates.map(() => [] as number[]);
  for (let round = 0; round < 7; round++) {
    candidates.forEach((c, k) => {
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < 150) n += c.run(n);
      if (round > 0) samples[k]!.push(n / ((performance.now() - t0) / 1000));
    });
  }
  return candidates.map((c, k) => {
    const s = samples[k]!.sort((a, b) => a - b);
    return { name: c.name, arity: c.arity, perSecond: (s[2]! + s[3]!) / 2 };
  });
}

const inputs = (i: number, k: number): bigint[] => Array.from({ length: k }, (_, j) => BigInt(i) * 1000003n + BigInt(j) * 0x1234567890abcdefn);

async function measure(withCircomlibjs: boolean): Promise<Row[]> {
  const level = Array.from({ length: 512 }, (_, i) => BigInt(i) * 0xfedcba987654321n);
  const candidates: Candidate[] = [
    { name: 'ours poseidon()', arity: 2, run: (i) => { poseidon(inputs(i, 2)); return 1; } },
    { name: 'ours poseidonLevel() (a tree level of 256 pairs)', arity: 2, run: () => { poseidonLevel(level); return 256; } },
    { name: 'poseidon-lite', arity: 2, run: (i) => { poseidon2(inputs(i, 2)); return 1; } },
    { name: 'ours poseidon()', arity: 3, run: (i) => { poseidon(inputs(i, 3)); return 1; } },
    { name: 'poseidon-lite', arity: 3, run: (i) => { poseidon3(inputs(i, 3)); return 1; } },
  ];
  if (withCircomlibjs) {
    // Imported here only: circomlibjs pulls in web-worker, which takes over any worker thread that loads it.
    const { buildPoseidon } = await import('circomlibjs');
    const c = await buildPoseidon();
    candidates.push({ name: 'circomlibjs buildPoseidon (wasm)', arity: 2, run: (i) => { c.F.toObject(c(inputs(i, 2))); return 1; } });
    candidates.push({ name: 'circomlibjs buildPoseidon (wasm)', arity: 3, run: (i) => { c.F.toObject(c(inputs(i, 3))); return 1; } });
  }
  return rates(candidates);
}

function print(where: string, rows: Row[]): void {
  for (const arity of [2, 3]) {
    const lite = rows.find((r) => r.arity === arity && r.name === 'poseidon-lite')!.perSecond;
    for (const r of rows.filter((x) => x.arity === arity)) {
      console.log(`${where} arity ${arity}  ${r.name.padEnd(50)} ${fmt(r.perSecond).padStart(8)} hashes/s  ×${fmt(r.perSecond / lite)} poseidon-lite`);
    }
  }
}

if (!isMainThread && (workerData as { poseidonBench?: boolean } | null)?.poseidonBench) {
  parentPort!.postMessage(await measure(false));
}

export default async function bench(): Promise<void> {
  print('node  ', await measure(true));
  // A worker thread (a stand-in for a browser Worker) loads this same file through tsx's API and measures there.
  const boot = "import('tsx/esm/api').then(({ tsImport }) => tsImport(require('node:worker_threads').workerData.file, require('node:worker_threads').workerData.file))";
  const worker = new Worker(boot, { eval: true, workerData: { poseidonBench: true, file: import.meta.url } });
  const rows = await new Promise<Row[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  print('worker', rows);
}
