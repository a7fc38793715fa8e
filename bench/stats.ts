/** Small timing helpers for benchmarks: medians over repeated runs, never single samples. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function fmt(n: number, digits = 2): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits);
}
