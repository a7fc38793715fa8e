/** HTTP front of the devnet: node:http on 127.0.0.1 serving the Esplora routes under a base path (default `/api`). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chain } from './chain';
import { EsploraRoutes, type DevnetHooks, type Reply } from './routes';
import { mineRequest } from './mine-request';

/** Request bodies above this are refused with 413 (newest electrs uses the same bound). */
export const MAX_BODY_BYTES = 1_000_000;

export interface EsploraServer {
  /** Base URL, e.g. `http://127.0.0.1:3002/api`. */
  url: string;
  port: number;
  /** Merge extra fields into `GET /api/devnet/info` (e.g. `{ genesis, relays }`). */
  setInfo(extra: Record<string, unknown>): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Reply): void {
  res.statusCode = reply.status;
  res.setHeader('Content-Type', reply.contentType);
  if (reply.ttl !== undefined) res.setHeader('Cache-Control', `public, max-age=${reply.ttl}`);
  res.end(typeof reply.body === 'string' ? reply.body : Buffer.from(reply.body));
}

function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export async function startEsploraServer(chain: Chain, opts: { port: number; basePath?: string }): Promise<EsploraServer> {
  const base = opts.basePath ?? '/api';
  let extraInfo: Record<string, unknown> = {};
  const hooks: DevnetHooks = {
    info: () => ({
      network: 'regtest',
      tip: { height: chain.height, hash: chain.tip.hash },
      genesis: null,
      relays: [],
      ...extraInfo,
    }),
    mine: (body) => mineRequest(chain, body),
  };
  const routes = new EsploraRoutes(chain, hooks);
  const server: Server = createServer((req, res) => {
    // CORS on every response, errors included (as esplora's nginx `add_header … always`).
    res.setHeader('Access-Control-Allow-Origin', '*');
    const path = (req.url ?? '/').split('?')[0]!;
    const method = req.method ?? 'GET';
    readBody(req).then(
      (body) => {
        if (body === undefined) {
          send(res, { status: 413, contentType: 'text/plain', body: 'Request body too large' });
          return;
        }
        const inBase = path === base || path.startsWith(`${base}/`);
        const rel = inBase ? path.slice(base.length) : path;
        const reply = inBase
          ? routes.handle(method, rel, body)
          : { status: 404, contentType: 'text/plain' as const, body: `endpoint does not exist ${JSON.stringify(path)}` };
        send(res, reply);
      },
      () => send(res, { status: 400, contentType: 'text/plain', body: 'request body error' }),
    ).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, contentType: 'text/plain', body: String((e as Error)?.message ?? e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    port,
    setInfo(extra) {
      extraInfo = { ...extraInfo, ...extra };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
