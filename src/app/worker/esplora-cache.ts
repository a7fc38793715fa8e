/**
 * Caches for the Esplora client in the verifier Worker (IndexedDB behind a memory map):
 * - `immutableCache`: the client's EsploraCache (raw txs, headers, deep Merkle proofs, keyed by their hash);
 * - `offlineFetch`: remembers the last answer to every GET and replays it when the network fails, so a month verified
 *   once re-verifies offline with the same verdict. Replayed answers get the same checks as live ones (re-hashing,
 *   PoW, signatures); the mutable ones (tip, listings, outspends) are as of when they were recorded. A live answer's
 *   body streams through to the client as it arrives (the client caps it per endpoint and cancels an oversized or
 *   endless one, which is then not recorded): it is recorded only once read to its end.
 */
import type { EsploraCache } from '../../core/esplora/client';
import { concatBytes } from '../../core/bytes';
import { idbGet, idbSet } from './idb-store';

export function immutableCache(): EsploraCache {
  const memory = new Map<string, unknown>();
  return {
    async get(key: string) {
      if (memory.has(key)) return memory.get(key);
      const v = await idbGet('immutable', key);
      if (v !== undefined) memory.set(key, v);
      return v;
    },
    async set(key: string, value: unknown) {
      memory.set(key, value);
      await idbSet('immutable', key, value);
    },
  };
}

interface Recorded {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/** Counts answers replayed from the cache (the report says when a verdict rests on recorded answers). */
export interface OfflineStats {
  replayed: number;
}

export function offlineFetch(real: typeof fetch, stats: OfflineStats): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') return real(input, init);
    try {
      const res = await real(input, init);
      if (res.status === 200 && res.body) {
        const contentType = res.headers.get('content-type') ?? 'text/plain';
        return recordedWhenRead(res, (body) => void idbSet('responses', url, { status: 200, contentType, body } satisfies Recorded));
      }
      return res;
    } catch (e) {
      if (init?.signal?.aborted) throw e;
      const hit = (await idbGet('responses', url)) as Recorded | undefined;
      if (!hit) throw e;
      stats.replayed++;
      return new Response(new Uint8Array(hit.body), { status: hit.status, headers: { 'content-type': hit.contentType } });
    }
  };
}

/** `res` with a body that passes each chunk on as it arrives and hands the whole body to `record` once it ends. */
function recordedWhenRead(res: Response, record: (body: Uint8Array) => void): Response {
  const reader = res.body!.getReader();
  let chunks: Uint8Array[] = [];
  const body = new ReadableStream<Uint8Array>({
    async pull(ctl) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          ctl.close();
          record(concatBytes(...chunks));
          return;
        }
        chunks.push(value);
        ctl.enqueue(value);
      } catch (e) {
        ctl.error(e);
      }
    },
    cancel(reason) {
      chunks = [];
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
