/** Esplora-client overhead per request (rate limiter, retries wrapper, re-hash of the raw tx) against bare fetch, on 127.0.0.1. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEsploraClient } from '../src/core/esplora/client';
import { answerFromVectors } from '../vectors/spv/esplora-fixture';
import { REAL_PROOFS } from '../vectors/spv/real-proofs';
import { fmt, medianMs } from './stats';

const RUNS = 300;

export default async function bench(): Promise<void> {
  const server = createServer((req, res) => {
    const a = answerFromVectors('mainnet', (req.url ?? '/').replace(/^\/api/, ''));
    res.writeHead(a.status, { 'content-type': a.contentType });
    res.end(a.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const big = REAL_PROOFS.find((p) => p.name === 'mainnet-696394-pos16')!; // 3,182-byte tx
  const small = REAL_PROOFS.find((p) => p.name === 'mainnet-696394-pos1336')!; // 223-byte tx
  try {
    for (const p of [small, big]) {
      const url = `${base}/tx/${p.txid}/raw`;
      // The rate limit is set out of the way: this measures the client's own cost, not its pacing.
      const client = createEsploraClient({ hosts: [base], fetch, network: 'mainnet', requestsPerSecond: 1e9, burst: 1e9, cache: { get: () => undefined, set: () => undefined } });
      for (let i = 0; i < 30; i++) { await (await fetch(url)).arrayBuffer(); await client.fetchTx(p.txid); }
      const bare = await medianMs(RUNS, async () => (await fetch(url)).arrayBuffer());
      const viaClient = await medianMs(RUNS, () => client.fetchTx(p.txid));
      const cached = createEsploraClient({ hosts: [base], fetch, network: 'mainnet' });
      await cached.fetchTx(p.txid);
      const hit = await medianMs(RUNS, () => cached.fetchTx(p.txid));
      console.log(`GET /tx/:txid/raw (${p.txHex.length / 2} B): bare fetch ${fmt(bare, 3)} ms, client + re-hash ${fmt(viaClient, 3)} ms ` +
        `(×${fmt(viaClient / bare)}, +${fmt(viaClient - bare, 3)} ms), cache hit + re-parse ${fmt(hit, 3)} ms  [median of ${RUNS}]`);
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
}
