/** npm start: the devnet (Esplora-compatible chain on 127.0.0.1) and the built app pointed at it, no other setup. */
import { stat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { spawnDevnet } from './devnet-process';
import { startMonthPacks } from './month-packs';
import { PACKS_PATH, serveApp } from './serve-app';

const DEVNET_PORT = Number(process.env.DEVNET_PORT ?? 3002);
const APP_PORT = Number(process.env.PORT ?? 5173);
const DATA_DIR = process.env.DEVNET_DATA ?? '.devnet-data';

async function newestMtime(path: string): Promise<number> {
  const s = await stat(path).catch(() => undefined);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

/** Rebuild the app only when a source is newer than the last build. */
async function buildIfStale(): Promise<void> {
  const built = await newestMtime('dist/index.html');
  const sources = Math.max(...(await Promise.all(['src', 'workers', 'index.html', 'public', 'vite.config.ts', 'vite.widget.config.ts', 'package.json'].map(newestMtime))));
  if (built > sources) return;
  console.log('building the app and the widget…');
  await build({ logLevel: 'warn' });
  await build({ logLevel: 'warn', configFile: 'vite.widget.config.ts' });
}

await buildIfStale();
// The devnet's own start-up lines are not repeated: the summary below names each address once.
const devnet = await spawnDevnet({ port: DEVNET_PORT, dataDir: DATA_DIR, quiet: true });
const info = await devnet.info();
const relays = info.relays ?? [];
// Month packs of the chain's settled months, built in the background and served beside the app.
const packs = info.genesis
  ? startMonthPacks({ esplora: devnet.url, network: 'regtest', genesis: info.genesis }, { onFailure: (m) => console.error(`month packs: building stopped: ${m}`) })
  : undefined;
const packsStarted = performance.now();
const app = await serveApp({
  port: APP_PORT,
  examples: 'examples',
  config: { network: 'regtest', esplora: [devnet.url], genesis: info.genesis ?? null, relays, explorer: null, rps: 50, packs: packs ? PACKS_PATH : null },
  ...(packs ? { packs } : {}),
});

console.log([
  `Drey Verifier    ${app.url}`,
  `widget example   ${new URL('examples/widget.html', app.url).href}`,
  `devnet Esplora   ${devnet.url}${relays.length ? `   (nostr relay ${relays.join(', ')})` : ''}`,
  `devnet chain     tip ${info.tip.height}, genesis ${info.genesis ?? 'none (an empty chain)'}, data in ${DATA_DIR}`,
  `month packs      ${packs ? `${new URL(`${PACKS_PATH}/`, app.url).href}   (building every settled month's, quick and full, in the background)` : 'none (an empty chain)'}`,
  'press Ctrl+C to stop',
].join('\n'));
void packs?.ready.then(() => {
  const months = new Set(packs.built().map((p) => p.month));
  const range = months.size ? ` for month${months.size > 1 ? `s ${Math.min(...months)}–${Math.max(...months)}` : ` ${[...months][0]}`}` : '';
  console.log(`month packs      ${packs.built().length} built${range} in ${((performance.now() - packsStarted) / 1000).toFixed(1)} s`);
});

async function stop(): Promise<void> {
  await Promise.all([app.close(), devnet.close()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
