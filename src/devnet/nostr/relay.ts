/** A local NIP-01 relay for the devnet on 127.0.0.1: `@nostr-relay/core` + `ws` + an in-memory repository. */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { NostrRelay } from '@nostr-relay/core';
import { LogLevel, type Client, type Filter, type Logger } from '@nostr-relay/common';
import { Validator } from '@nostr-relay/validator';
import { matchFilters, type Filter as ToolsFilter } from 'nostr-tools/filter';
import type { Event as ToolsEvent } from 'nostr-tools/pure';
import { MemoryEventRepository } from './event-store';

export interface RelayOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1; the devnet never listens on other interfaces. */
  host?: string;
  /** Log relay errors to stderr (default: silent). */
  log?: boolean;
}

export interface LocalRelay {
  /** `ws://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Number of stored events (tests, diagnostics). */
  readonly size: number;
  close(): Promise<void>;
}

const silent: Logger = { setLogLevel() {}, debug() {}, info() {}, warn() {}, error() {} };

/** Start the relay. Caches of the relay core are off so every REQ sees the repository's current state. */
export async function startRelay(opts: RelayOptions): Promise<LocalRelay> {
  const host = opts.host ?? '127.0.0.1';
  const store = new MemoryEventRepository();
  const relay = new NostrRelay(store, {
    logger: opts.log ? undefined : silent,
    logLevel: LogLevel.ERROR,
    filterResultCacheTtl: 0,
    eventHandlingResultCacheTtl: 0,
    maxSubscriptionsPerClient: 64,
  });
  const validator = new Validator();
  const wss = new WebSocketServer({ host, port: opts.port, maxPayload: 256 * 1024 });
  wss.on('connection', (ws, req) => serveConnection(ws, req.socket.remoteAddress, relay, validator));
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const port = (wss.address() as AddressInfo).port;
  return {
    url: `ws://${host}:${port}`,
    port,
    get size() { return store.size; },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await relay.destroy();
      await store.destroy();
    },
  };
}

/**
 * One client. The relay core matches live broadcasts on ids/authors/kinds/since/until only, so outgoing EVENT messages
 * are re-checked here against the subscription's full NIP-01 filters (tag filters included).
 */
function serveConnection(ws: WebSocket, ip: string | undefined, relay: NostrRelay, validator: Validator): void {
  const subs = new Map<string, Filter[]>();
  const client: Client = {
    get readyState() { return ws.readyState as Client['readyState']; },
    send(data: string) {
      if (data.startsWith('["EVENT"')) {
        const [, subId, event] = JSON.parse(data) as [string, string, ToolsEvent];
        const filters = subs.get(subId);
        if (!filters || !matchFilters(filters as ToolsFilter[], event)) return;
      }
      ws.send(data);
    },
  };
  relay.handleConnection(client, ip);
  let queue = Promise.resolve();
  ws.on('message', (raw: RawData) => {
    queue = queue.then(() => handle(raw)).catch(() => undefined);
  });
  ws.on('close', () => relay.handleDisconnect(client));
  ws.on('error', () => ws.terminate());

  async function handle(raw: RawData): Promise<void> {
    let msg;
    try {
      msg = await validator.validateIncomingMessage(Array.isArray(raw) ? Buffer.concat(raw).toString() : raw.toString());
    } catch (e) {
      ws.send(JSON.stringify(['NOTICE', e instanceof Error ? e.message : 'invalid: message']));
      return;
    }
    if (msg[0] === 'REQ') subs.set(msg[1], msg.slice(2) as Filter[]);
    if (msg[0] === 'CLOSE') subs.delete(msg[1]);
    await relay.handleMessage(client, msg);
  }
}
