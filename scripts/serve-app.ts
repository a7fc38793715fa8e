/**
 * A static server for the built app (dist/) on 127.0.0.1, with the CSP header and the runtime drey-config.json; with
 * `examples`, the example pages at /examples/ as they are in the repository (they read the same drey-config.json);
 * with `packs`, month packs at /packs/month-<m>.<depth>.json (scripts/month-packs.ts).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { PackSource } from './month-packs';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
};

/** What the app reads at start-up from ./drey-config.json: its embedded defaults. */
export interface RuntimeConfig {
  network: string;
  esplora: string[];
  genesis?: string | null;
  relays?: string[];
  explorer?: string | null;
  /** Requests per second per Esplora host. */
  rps?: number;
  /** Where month packs are published (`<packs>/month-<m>.<depth>.json`; relative to the app), or null for none. */
  packs?: string | null;
}

export interface AppServer {
  url: string;
  /** Settles when every month pack has been built (at once without `packs`). */
  packsReady: Promise<void>;
  /** Stops the server and the pack builds. */
  close: () => Promise<void>;
}

/** The path month packs are served under, as the app's config names it. */
export const PACKS_PATH = './packs';
const PACK_RE = /^\/packs\/month-([1-9]\d{0,5})\.(quick|full)\.json$/;

export async function serveApp(opts: { root?: string; port?: number; config?: RuntimeConfig; examples?: string; packs?: PackSource }): Promise<AppServer> {
  const root = resolve(opts.root ?? 'dist');
  const examples = opts.examples ? resolve(opts.examples) : undefined;
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`no built app in ${root}: run "npm run build" first`);
  });
  const server: Server = createServer(async (req, res) => {
    const headers: Record<string, string> = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, 'Content-Type': 'text/plain' }).end('method not allowed');
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/drey-config.json' && opts.config) {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(opts.config));
      return;
    }
    const pack = opts.packs ? PACK_RE.exec(path) : null;
    if (pack) {
      const body = await opts.packs!.get(Number(pack[1]), pack[2] as 'quick' | 'full');
      // Packs are public chain data: badges on other sites may read them too.
      const packHeaders = { ...headers, 'Access-Control-Allow-Origin': '*' };
      if (body === undefined) res.writeHead(404, { ...packHeaders, 'Content-Type': 'text/plain' }).end('no such month pack');
      else res.writeHead(200, { ...packHeaders, 'Content-Type': 'application/json' }).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const inExamples = examples !== undefined && (path === '/examples' || path.startsWith('/examples/'));
    const base = inExamples ? examples : root;
    const file = normalize(join(base, inExamples ? path.slice('/examples'.length) || '/' : path === '/' ? 'index.html' : path));
    if (!file.startsWith(base)) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain' }).end('forbidden');
      return;
    }
    try {
      const body = await readFile((await stat(file)).isDirectory() ? join(file, 'index.html') : file);
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    packsReady: opts.packs?.ready ?? Promise.resolve(),
    close: async () => {
      await opts.packs?.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
