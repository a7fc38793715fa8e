/** Start the devnet: open (or create) the persisted chain, serve Esplora on 127.0.0.1, seed a fresh chain with demo data. */
import { utf8 } from '../core/bytes';
import type { Chain } from './chain';
import { startEsploraServer } from './server';
import { openChain } from './store';
import { DevWallet } from './wallet';
import { installFixture, readInfo } from './scenario/fixture';

export interface DevnetOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  seed?: string;
  /** Skip the demo inscriptions on a fresh chain (mature coins are still mined). */
  noDemo?: boolean;
  /** Load the committed scenario fixture (fixtures/devnet/) into an empty data directory (default true). */
  fixture?: boolean;
}

export interface Devnet {
  /** Esplora base URL, e.g. `http://127.0.0.1:3002/api`. */
  url: string;
  port: number;
  chain: Chain;
  wallet: DevWallet;
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
  try {
    if (chain.height === 0) await bootstrap(wallet, seed, opts.noDemo === true);
  } catch (e) {
    await server.close();
    throw e;
  }
  return { url: server.url, port: server.port, chain, wallet, setInfo: server.setInfo, close: server.close };
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
