/** End-to-end harness: the devnet and the built app on 127.0.0.1, and Debian's Chromium driven by playwright-core. */
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawnDevnet, type DevnetProcess } from '../scripts/devnet-process';
import { startMonthPacks } from '../scripts/month-packs';
import { PACKS_PATH, serveApp, type AppServer, type RuntimeConfig } from '../scripts/serve-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a root user in a closed network: no sandbox, no background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface Harness {
  devnetUrl: string;
  appUrl: string;
  browser: Browser;
  devnet: DevnetProcess;
  app: AppServer;
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * Start the devnet (on a fresh directory, which then gets the committed scenario, or on `dataDir`, which is kept), the
 * built app pointed at it, and Chromium. With `packs`, the app publishes the chain's month packs as `npm start` does
 * (built in the background: `app.packsReady` settles when they are all built).
 */
export async function startHarness(opts: { config?: Partial<RuntimeConfig>; dataDir?: string; esploraVia?: (devnetUrl: string) => Promise<string[]>; packs?: boolean } = {}): Promise<Harness> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'drey-e2e-')));
  const devnet = await spawnDevnet({ port: 0, dataDir, quiet: true });
  const info = await devnet.info();
  // The app's Esplora hosts: the devnet itself, or (esploraVia) hosts put in front of it, such as hostile proxies.
  const esplora = opts.esploraVia ? await opts.esploraVia(devnet.url) : [devnet.url];
  const packs = opts.packs && info.genesis ? startMonthPacks({ esplora: devnet.url, network: 'regtest', genesis: info.genesis }) : undefined;
  const app = await serveApp({
    port: 0,
    examples: 'examples',
    config: { network: 'regtest', esplora, genesis: info.genesis ?? null, relays: info.relays ?? [], rps: 50, packs: packs ? PACKS_PATH : null, ...opts.config },
    ...(packs ? { packs } : {}),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const pages: Page[] = [];
  return {
    devnetUrl: devnet.url,
    appUrl: app.url,
    browser,
    devnet,
    app,
    newPage: async () => {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      pages.push(page);
      return page;
    },
    close: async () => {
      await browser.close();
      await app.close();
      await devnet.close();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Screenshots of each screen go to e2e/screenshots/ so a person can look at what the app shows. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
