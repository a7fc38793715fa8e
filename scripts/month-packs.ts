/**
 * Month packs of a chain, built in the background and kept in memory for the app's server to publish at
 * `/packs/month-<m>.<depth>.json` (docs/protocol.md §2.4.2). Each pack is built by verifying its month twice
 * (src/core/month-pack.ts) in a worker thread, so the server stays responsive; quick packs first (a depositor's check
 * needs them), then full ones, each walk from month 1 up to the first month that is not settled. A pack asked for
 * while it is being built is served when it is done; one not built (yet) is not there.
 */
import { Worker } from 'node:worker_threads';
import type { NetworkName } from '../src/core/chain/network';
import type { PackDepth } from '../src/core/esplora/pack';
import { packFileName } from '../src/core/esplora/pack-location';

/** What the app's server publishes as month packs (scripts/serve-app.ts). */
export interface PackSource {
  /** A pack's JSON text: at once when built, when done when it is being built, else undefined. */
  get(month: number, depth: PackDepth): Promise<string | undefined>;
  /** Settles when every build has ended (or the builds stopped). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface PackJob {
  esplora: string;
  network: NetworkName;
  genesis: string;
}

/** What the builder thread (month-packs-worker.ts) reports. */
export type PackMessage =
  | { type: 'building'; month: number; depth: PackDepth }
  | { type: 'built'; month: number; depth: PackDepth; body: string; entries: number; ms: number }
  | { type: 'unsettled'; month: number; depth: PackDepth; verdict: string; reason: string }
  | { type: 'done' }
  | { type: 'failed'; message: string };

export interface MonthPacks extends PackSource {
  /** The months and depths of the packs built so far. */
  built(): { month: number; depth: PackDepth }[];
}

export function startMonthPacks(job: PackJob, opts: { onFailure?: (message: string) => void } = {}): MonthPacks {
  const packs = new Map<string, { month: number; depth: PackDepth; body: string }>();
  /** The build under way, with those waiting for it. */
  let building: { key: string; waiters: ((body: string | undefined) => void)[] } | undefined;
  let finish: () => void = () => {};
  const ready = new Promise<void>((ok) => { finish = ok; });
  let ended = false;
  const end = (): void => {
    ended = true;
    for (const w of building?.waiters.splice(0) ?? []) w(undefined);
    building = undefined;
    finish();
  };
  const worker = new Worker(new URL('./month-packs-worker.mjs', import.meta.url), { workerData: job });
  worker.on('message', (m: PackMessage) => {
    if (m.type === 'building') {
      for (const w of building?.waiters.splice(0) ?? []) w(undefined);
      building = { key: packFileName(m.month, m.depth), waiters: [] };
      return;
    }
    if (m.type === 'built' || m.type === 'unsettled') {
      const key = packFileName(m.month, m.depth);
      const body = m.type === 'built' ? m.body : undefined;
      if (body !== undefined) packs.set(key, { month: m.month, depth: m.depth, body });
      if (building?.key === key) for (const w of building.waiters.splice(0)) w(body);
      building = undefined;
      return;
    }
    if (m.type === 'failed') opts.onFailure?.(m.message);
    end();
  });
  worker.on('error', (e) => {
    opts.onFailure?.(e.message);
    end();
  });
  worker.on('exit', end);
  return {
    get(month, depth) {
      const key = packFileName(month, depth);
      const body = packs.get(key)?.body;
      if (body !== undefined || ended || building?.key !== key) return Promise.resolve(body);
      const waiting = building;
      return new Promise((ok) => waiting.waiters.push(ok));
    },
    ready,
    built: () => [...packs.values()].map(({ month, depth }) => ({ month, depth })),
    async stop() {
      await worker.terminate();
      end();
    },
  };
}
