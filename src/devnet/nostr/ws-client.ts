/** nostr-tools connections for Node: the `ws` WebSocket injected explicitly (Node 20 has no global WebSocket). */
import WebSocket from 'ws';
import { AbstractRelay } from 'nostr-tools/abstract-relay';
import { isVerifiedEvent } from '../../core/nostr/event';

export const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

/** One verified connection to one relay; events that fail `verifyEvent` on a fresh copy never reach a handler. */
export function connectRelay(url: string, timeoutMs = 3000): Promise<AbstractRelay> {
  return AbstractRelay.connect(url, {
    verifyEvent: isVerifiedEvent,
    websocketImplementation: NodeWebSocket,
    enablePing: false,
    enableReconnect: false,
    timeout: timeoutMs,
  });
}
