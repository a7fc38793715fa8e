/** Start the devnet: open (or create) the persisted chain, serve Esplora on 127.0.0.1, seed a fresh chain with demo data. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { utf8 } from '../core/bytes';
import type { Chain } from './chain';
import { startEsploraServer } from './server';
import { openChain } from './store';
import { DevWallet } from './wallet';
import { installFixture, readInfo } from './scenario/fixture';
import { startRelay } from './nostr';
import { PRESENCE_FILE, replayPresence } from './scenario/presence';

export interface DevnetOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  seed?: string;
  /** Skip the demo inscriptions on a fresh chain (mature coins are still mined). */
  noDemo?: boolean;
  /** Load the committed scenario fixture (fixtures/devnet/) into an empty data directory (default true). */
  fixture?: boolean;
  /** Port of the local nostr relay: default the Esplora port + 1 (ephemeral when `port` is 0); `false`: no relay. */
  relayPort?: number | false;
}

export interface Devnet {
  /** Esplora base URL, e.g. `http://127.0.0.1:3002/api`. */
  url: string;
  port: number;
  chain: Chain;
  wallet: DevWallet;
  /** The local nostr relay's URL (`ws://127.0.0.1:P`), when one runs. */
  relayUrl: string | null;
  /** Merge fields into `GET /api/devnet/info` (e.g. `{ genesis, relays }`). */
  setInfo(extra: Record<string, unknown>): void;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 'drey-devnet';
/** Blocks mined on a fresh chain so the wallet's first coinbases are mature (COINBASE_MATURITY + 1). */
export const BOOTSTRAP_BLOCKS = 101;
export const DEMO_METAPROTOCOL = 'drey/1';

export async function startDevnet(opts: DevnetOptions): Promise<Devnet> {
  const seed = opts.seed ?? DEFAULT_SEED;
  if (opts.fixture !== false) installFixture(opts.dataDir);
  const chain = openChain(opts.dataDir);
  const server = await startEsploraServer(chain, { port: opts.port });
  const info = readInfo(opts.dataDir);
  if (info) server.setInfo({ genesis: info.genesis, relays: info.relays });
  const wallet = new DevWallet({ baseUrl: server.url, seed });
  let relay: Awaited<ReturnType<typeof startRelay>> | undefined;
  try {
    if (opts.relayPort !== false) {
      relay = await startRelay({ port: opts.relayPort ?? (opts.port === 0 ? 0 : opts.port + 1) });
      // The relay that actually runs is the one clients should use, whatever the genesis recommends.
      server.setInfo({ relays: [relay.url] });
      if (existsSync(join(opts.dataDir, PRESENCE_FILE))) await replayPresenceLogged(relay.url, opts.dataDir);
    }
    if (chain.height === 0) await bootstrap(wallet, seed, opts.noDemo === true);
  } catch (e) {
    await relay?.close();
    await server.close();
    throw e;
  }
  const close = async (): Promise<void> => {
    await relay?.close();
    await server.close();
  };
  return { url: server.url, port: server.port, relayUrl: relay?.url ?? null, chain, wallet, setInfo: server.setInfo, close };
}

/** Re-publish the scenario actuaries' profiles and round statuses to the fresh relay; problems are logged, never fatal. */
async function replayPresenceLogged(relayUrl: string, dataDir: string): Promise<void> {
  try {
    const r = await replayPresence({ relayUrl, dataDir });
    for (const line of [...r.skipped, ...r.failed]) process.stderr.write(`devnet: presence replay: ${line}\n`);
  } catch (e) {
    process.stderr.write(`devnet: presence replay failed: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

/** Fresh chain: 101 blocks to the wallet, then two `drey/1` demo inscriptions confirmed in block 102. */
async function bootstrap(wallet: DevWallet, seed: string, noDemo: boolean): Promise<void> {
  await wallet.mine(BOOTSTRAP_BLOCKS);
  if (noDemo) return;
  const marker = new DevWallet({ baseUrl: '', seed: `${seed}:marker` }).address;
  await wallet.inscribe({
    contentType: 'text/plain;charset=utf-8',
    body: utf8.encode('Drey devnet: a regtest chain served as Esplora.'),
    metaprotocol: DEMO_METAPROTOCOL,
  });
  await wallet.inscribe({
    contentType: 'application/json',
    body: utf8.encode(JSON.stringify({ demo: true, note: 'reveal with a marker output' })),
    metaprotocol: DEMO_METAPROTOCOL,
    extraOutputs: [{ address: marker, value: 1_000n }],
  });
  await wallet.mine(1);
}
