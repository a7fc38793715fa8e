/** Devnet costs: mining a block (real nonce search at regtest bits), cold start on a fresh and on a persisted chain, Esplora request latency. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chain } from '../src/devnet/chain';
import { startDevnet } from '../src/devnet/devnet';
import { fmt, medianMs } from './stats';

export default async function bench(): Promise<void> {
  const script = Uint8Array.of(0x00, 0x14, ...new Uint8Array(20));
  const chain = Chain.withGenesis();
  const mine = await medianMs(201, () => chain.mineBlock(script));

  const dir = mkdtempSync(join(tmpdir(), 'devnet-bench-'));
  try {
    let t0 = performance.now();
    const first = await startDevnet({ port: 0, dataDir: dir });
    const fresh = performance.now() - t0;
    const height = first.chain.height;
    const tip = first.chain.tip.hash;
    const get = (p: string) => fetch(`${first.url}${p}`).then((r) => r.arrayBuffer());
    const tipHeight = await medianMs(201, () => get('/blocks/tip/height'));
    const blockTxs = await medianMs(101, () => get(`/block/${tip}/txs`));
    const addrTxs = await medianMs(101, () => get(`/address/${first.wallet.address}/txs`));
    await first.close();
    t0 = performance.now();
    const second = await startDevnet({ port: 0, dataDir: dir });
    const reopen = performance.now() - t0;
    await second.close();

    console.log(`devnet mine one block (coinbase, merkle, nonce search)  ${fmt(mine, 3)} ms median of 201`);
    console.log(`devnet fresh start (genesis + ${height} blocks + 2 inscriptions via HTTP)  ${fmt(fresh)} ms`);
    console.log(`devnet reopen persisted chain (${height + 1} blocks re-validated)  ${fmt(reopen)} ms`);
    console.log(`devnet GET /blocks/tip/height  ${fmt(tipHeight, 3)} ms median`);
    console.log(`devnet GET /block/:tip/txs  ${fmt(blockTxs, 3)} ms median`);
    console.log(`devnet GET /address/:wallet/txs  ${fmt(addrTxs, 3)} ms median`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
