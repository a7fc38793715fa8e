/** A small static server on 127.0.0.1 for test pages: mounted folders, per-file rewrites, optional CORS, a hanging path. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export interface StaticServerOptions {
  /** URL prefix → folder; matching mounts are tried in order until one has the file. */
  mounts: { prefix: string; dir: string }[];
  /** URL path → text transform of the file served there. */
  rewrite?: Record<string, (text: string) => string>;
  /** URL path → generated HTML page. */
  pages?: Record<string, () => string>;
  /** Send `Access-Control-Allow-Origin: *` (a CDN serving widget.js to other origins). */
  cors?: boolean;
}

export interface StaticServer {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Requests to /hang/… never get an answer; this counts the ones whose client went away. */
  hangClosed: () => number;
  hangOpen: () => number;
  close: () => Promise<void>;
}

export async function serveStatic(opts: StaticServerOptions): Promise<StaticServer> {
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  let closed = 0;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...(opts.cors ? { 'Access-Control-Allow-Origin': '*' } : {}) };
    if (path.startsWith('/hang/')) {
      hanging.add(res);
      res.on('close', () => {
        hanging.delete(res);
        closed++;
      });
      return;
    }
    const page = opts.pages?.[path];
    if (page) {
      res.writeHead(200, { ...headers, 'Content-Type': MIME['.html']! }).end(page());
      return;
    }
    for (const mount of opts.mounts.filter((m) => path.startsWith(m.prefix))) {
      const root = resolve(mount.dir);
      const file = normalize(join(root, path.slice(mount.prefix.length) || 'index.html'));
      if (!file.startsWith(root)) break;
      const found = await stat(file).then((s) => s.isFile(), () => false);
      if (!found) continue;
      let body: Buffer | string = await readFile(file);
      const rewrite = opts.rewrite?.[path];
      if (rewrite) body = rewrite(body.toString('utf8'));
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
      return;
    }
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hangClosed: () => closed,
    hangOpen: () => hanging.size,
    close: () => new Promise<void>((ok) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
