/** In-page probe: long tasks (> 50 ms, PerformanceObserver 'longtask') on the main thread between start() and stop(). */
export const LONGTASK_PROBE = `
(() => {
  const probe = { on: false, tasks: [] };
  new PerformanceObserver((list) => {
    if (!probe.on) return;
    for (const e of list.getEntries()) probe.tasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  window.__longtasks = {
    start() { probe.on = true; probe.tasks = []; },
    stop() { probe.on = false; return probe.tasks.slice(); },
  };
})();
`;

export interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
}

export function summariseLongTasks(durations: number[]): LongTasks {
  return { count: durations.length, totalMs: durations.reduce((a, b) => a + b, 0), maxMs: Math.max(0, ...durations) };
}
