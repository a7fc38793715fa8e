/**
 * A hostile Esplora host for tests and benchmarks: a loopback HTTP proxy in front of an honest Esplora (the devnet)
 * that misbehaves as its faults say — refusals, resets (also mid-body), endless and slow bodies, garbage with 200,
 * and lies rewritten into honest answers. Every draw is seeded by (seed, fault, path, n-th request for that path), so
 * a run misbehaves the same way whatever order concurrent requests arrive in. Loopback only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { draw } from './chance';
import { faultLabel, presetFaults, type Fault } from './faults';
import { lieAbout } from './lies';

export interface ProxyStats {
  requests: number;
  /** Answers forwarded unchanged. */
  passed: number;
  /** Misbehaviours by label (`429`, `reset-mid-body`, `flip-witness`, …). */
  injected: Record<string, number>;
}

export interface HostileProxy {
  /** The proxy's base URL: the upstream's path on the proxy's loopback port. */
  url: string;
  stats: ProxyStats;
  close: () => Promise<void>;
}

export interface HostileProxyOptions {
  /** The honest Esplora base URL, e.g. http://127.0.0.1:3002/api. */
  upstream: string;
  /** Faults, or preset names (see faults.ts), applied in order. */
  faults: readonly (Fault | string)[];
  seed?: string;
  port?: number;
}

const CORS = { 'access-control-allow-origin': '*' };
const HTML = '<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We will be back soon</h1></body></html>';
const BROKEN_JSON = '{"txid":"00","status":{"confirmed":tru';
const KEPT_HEADERS = ['content-type', 'cache-control', 'access-control-allow-origin'];


export async function startHostileProxy(opts: HostileProxyOptions): Promise<HostileProxy> {
  const upstream = new URL(opts.upstream);
  if (upstream.hostname !== '127.0.0.1' && upstream.hostname !== 'localhost') throw new RangeError('the hostile proxy fronts a loopback Esplora only');
  const prefix = upstream.pathname.replace(/\/+$/, '');
  const faults = opts.faults.flatMap((f) => (typeof f === 'string' ? presetFaults(f) : [f]));
  const seed = opts.seed ?? 'drey-hostile-v1';
  const stats: ProxyStats = { requests: 0, passed: 0, injected: {} };
  const seen = new Map<string, number>();
  const injected = (label: string) => { stats.injected[label] = (stats.injected[label] ?? 0) + 1; };
  let closing = false;
  const stopped = new AbortController();
  /** Waits that end early when the proxy closes. */
  const sleep = (ms: number) => new Promise<void>((ok) => {
    const done = () => {
      clearTimeout(t);
      stopped.signal.removeEventListener('abort', done);
      ok();
    };
    const t = setTimeout(done, ms);
    stopped.signal.addEventListener('abort', done, { once: true });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.requests++;
    const full = req.url ?? '/';
    const path = (full.startsWith(prefix) ? full.slice(prefix.length) : full).split('?')[0] || '/';
    const n = seen.get(path) ?? 0;
    seen.set(path, n + 1);
    let cut: 'mid-body' | undefined;
    let drip: number | undefined;
    for (const [i, f] of faults.entries()) {
      if (f.kind === 'lie' || ('paths' in f && f.paths && !f.paths.test(path))) continue;
      const x = draw(seed, `${i}/${path}/${n}`);
      if (x >= f.rate) continue;
      if (f.kind !== 'reset') injected(faultLabel(f));
      if (f.kind === 'status') {
        res.writeHead(f.status, { 'content-type': 'text/plain', ...CORS, ...(f.retryAfter ? { 'retry-after': f.retryAfter } : {}) });
        res.end(f.status === 429 ? 'Too Many Requests' : 'Service Unavailable');
        return;
      }
      if (f.kind === 'reset') {
        const where = f.where === 'either' ? (draw(seed, `${i}/${path}/${n}/where`) < 0.5 ? 'before' : 'mid-body') : f.where;
        injected(`reset-${where}`);
        if (where === 'before') {
          req.socket.destroy();
          return;
        }
        cut = 'mid-body';
        break;
      }
      if (f.kind === 'endless') return endless(res);
      if (f.kind === 'garbage') {
        res.writeHead(200, { 'content-type': f.body === 'html' ? 'text/html' : 'application/json', ...CORS });
        res.end(f.body === 'html' ? HTML : BROKEN_JSON);
        return;
      }
      if (f.mode === 'headers') await sleep(f.ms);
      else drip = f.ms;
      break;
    }
    if (res.destroyed || closing) return;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let answer: Response;
    try {
      answer = await fetch(new URL(full, upstream.origin), { method: req.method ?? 'GET', ...(req.method === 'POST' ? { body: Buffer.concat(chunks) } : {}) });
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain', ...CORS });
      res.end(`upstream unreachable: ${(e as Error).message}`);
      return;
    }
    let body: Buffer = Buffer.from(await answer.arrayBuffer());
    let lied = false;
    if (answer.ok) {
      for (const f of faults) {
        if (f.kind !== 'lie') continue;
        const changed = lieAbout(f.lie, body, path, { seed, rate: f.rate });
        if (changed) {
          body = changed;
          lied = true;
          injected(f.lie);
        }
      }
    }
    if (!lied && !cut && drip === undefined) stats.passed++;
    const headers: Record<string, string> = { 'content-length': String(body.length) };
    for (const h of KEPT_HEADERS) {
      const v = answer.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    res.writeHead(answer.status, headers);
    if (cut) {
      res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
      return;
    }
    if (drip !== undefined) return dripBody(res, body, drip);
    res.end(body);
  }

  function endless(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'application/json', ...CORS });
    const chunk = Buffer.alloc(64 * 1024, 0x30);
    const pump = () => {
      while (!res.destroyed && !closing && res.write(chunk));
    };
    res.on('drain', pump);
    pump();
  }

  async function dripBody(res: ServerResponse, body: Buffer, ms: number): Promise<void> {
    for (let i = 0; i < body.length && !res.destroyed && !closing; i++) {
      res.write(body.subarray(i, i + 1));
      await sleep(ms);
    }
    if (!res.destroyed) res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    stats,
    close: () => new Promise<void>((ok) => {
      closing = true;
      stopped.abort();
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
