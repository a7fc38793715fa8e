/** Blocks the month refers to: the hash every host names at a height, and the header of the first answer. */
import { rethrowUnlessFetchFailure } from '../../errors';
import type { BlockSource } from '../records';
import type { MonthClient } from './month-client';

/** The block hash at `height` from every host and the header of the first host's answer (re-hashed by the client). */
export async function fetchBlock(client: MonthClient, height: number): Promise<BlockSource> {
  const answers = await Promise.all(client.hosts.map(async (host): Promise<[string, string]> => {
    try {
      return [host, await client.fetchBlockHash(height, [host])];
    } catch (e) {
      rethrowUnlessFetchFailure(e);
      return [host, `error:${e.code}`];
    }
  }));
  const hosts = Object.fromEntries(answers);
  const hash = answers.map(([, v]) => v).find((v) => !v.startsWith('error:'));
  if (!hash) return { height, hash: '', hosts, error: { code: 'FETCH_ALL_HOSTS_FAILED', message: `no host named the block at height ${height}` } };
  try {
    return { height, hash, hosts, header: await client.fetchHeader(hash) };
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    return { height, hash, hosts, error: { code: e.code, message: e.message } };
  }
}

/** The blocks at `heights`: reused when an earlier fetch holds them, fetched otherwise. */
export async function fetchBlocks(client: MonthClient, heights: Iterable<number>, reuse: Readonly<Record<number, BlockSource>> = {}): Promise<Record<number, BlockSource>> {
  return Object.fromEntries(await Promise.all([...new Set(heights)].map(async (h) => [h, reuse[h] ?? await fetchBlock(client, h)] as const)));
}
