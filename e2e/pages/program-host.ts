/** Test page entry: runs a program through workers/program-client in a Worker and reports how the page fared. */
import { browserProgramWorker, runProgramInWorker } from '../../workers/program-client';
import { randomInput } from '../../src/core/program/random-input';

export interface PageRun {
  ok: boolean;
  code: string;
  message: string;
  /** Wall-clock time of runProgramInWorker, as the page saw it. */
  ms: number;
  /** Longest gap between main-thread timer ticks during the run (a blocked page shows a large gap). */
  maxGapMs: number;
  ticks: number;
  /** On success: new allocations and F, W, R as decimal strings. */
  output?: { newAllocations: string[]; F: string; W: string; R: string };
}

const TICK_MS = 10;
let last = performance.now();
let maxGap = 0;
let ticks = 0;
const ticker = document.getElementById('ticks')!;
setInterval(() => {
  const now = performance.now();
  maxGap = Math.max(maxGap, now - last);
  last = now;
  ticks++;
  ticker.textContent = String(ticks);
}, TICK_MS);

async function run(url: string, timeoutMs: number, seed: number, rows: number): Promise<PageRun> {
  const wasm = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const input = randomInput(seed, { rows });
  last = performance.now();
  maxGap = 0;
  const ticks0 = ticks;
  const t0 = performance.now();
  const r = await runProgramInWorker(wasm, input, { timeoutMs, createWorker: browserProgramWorker });
  const ms = performance.now() - t0;
  const common = { ms, maxGapMs: maxGap, ticks: ticks - ticks0 };
  if (!r.ok) return { ok: false, code: r.error.code, message: r.error.message, ...common };
  const o = r.output;
  return {
    ok: true, code: 'OK', message: '', ...common,
    output: { newAllocations: Array.from(o.newAllocations, String), F: String(o.F), W: String(o.W), R: String(o.R) },
  };
}

(window as unknown as { dreyProgramHost: { run: typeof run } }).dreyProgramHost = { run };
