/**
 * The committed ready-made chain (fixtures/devnet/): the data directory's framed blocks file and mempool, gzipped,
 * plus `info.json` (genesis id, relays, how it was generated) and `presence.json` (the actuaries' signed nostr profiles
 * and round statuses, replayed to the devnet relay). A devnet started on an empty data directory copies it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/devnet');
/** Written into a data directory next to blocks.dat: what `GET /api/devnet/info` adds (genesis, relays). */
export const INFO_FILE = 'info.json';
/** Same name as `PRESENCE_FILE` in presence.ts (kept here so the fixture does not load the nostr stack). */
const PRESENCE = 'presence.json';

export interface FixtureInfo {
  genesis: string;
  relays: string[];
  [k: string]: unknown;
}

/** Pack a data directory (blocks.dat, mempool.txt, info, and presence.json unless `presence` is false) into `out`. */
export function writeFixture(dataDir: string, out: string, info: FixtureInfo, opts: { presence?: boolean } = {}): { blocks: number; mempool: number } {
  mkdirSync(out, { recursive: true });
  const blocks = gzipSync(readFileSync(join(dataDir, 'blocks.dat')), { level: 9 });
  const mempoolPath = join(dataDir, 'mempool.txt');
  const mempool = gzipSync(existsSync(mempoolPath) ? readFileSync(mempoolPath) : Buffer.alloc(0), { level: 9 });
  writeFileSync(join(out, 'blocks.dat.gz'), blocks);
  writeFileSync(join(out, 'mempool.txt.gz'), mempool);
  writeFileSync(join(out, INFO_FILE), `${JSON.stringify(info, null, 1)}\n`);
  if (opts.presence !== false && existsSync(join(dataDir, PRESENCE))) copyFileSync(join(dataDir, PRESENCE), join(out, PRESENCE));
  return { blocks: blocks.length, mempool: mempool.length };
}

/** Unpack a fixture into an empty data directory; false when there is no fixture or the directory holds a chain. */
export function installFixture(dataDir: string, from = FIXTURE_DIR): boolean {
  if (existsSync(join(dataDir, 'blocks.dat')) || !existsSync(join(from, 'blocks.dat.gz'))) return false;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'blocks.dat'), gunzipSync(readFileSync(join(from, 'blocks.dat.gz'))));
  const mempool = join(from, 'mempool.txt.gz');
  writeFileSync(join(dataDir, 'mempool.txt'), existsSync(mempool) ? gunzipSync(readFileSync(mempool)) : '');
  if (existsSync(join(from, INFO_FILE))) writeFileSync(join(dataDir, INFO_FILE), readFileSync(join(from, INFO_FILE)));
  if (existsSync(join(from, PRESENCE))) copyFileSync(join(from, PRESENCE), join(dataDir, PRESENCE));
  return true;
}

/** The `{genesis, relays}` a data directory's info file names, if any. */
export function readInfo(dataDir: string): { genesis: string; relays: string[] } | undefined {
  const path = join(dataDir, INFO_FILE);
  if (!existsSync(path)) return undefined;
  const info = JSON.parse(readFileSync(path, 'utf8')) as FixtureInfo;
  return { genesis: info.genesis, relays: info.relays };
}
