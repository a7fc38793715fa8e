import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDevnet } from './devnet';
import { openChain, readBlockFile } from './store';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'devnet-store-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('when the devnet restarts on the same data directory', () => {
  it('keeps every block, the mempool and the indexes', async () => {
    const dir = tempDir();
    const first = await startDevnet({ port: 0, dataDir: dir, seed: 'store-test', fixture: false });
    const pending = await first.wallet.pay([{ address: first.wallet.address, value: 12_345n }]);
    const tip = first.chain.tip.hash;
    const height = first.chain.height;
    const url = first.url;
    const reveal = first.chain.tip.txids[2]!;
    await first.close();
    expect((await fetch(`${url}/blocks/tip/height`).catch(() => undefined))?.status).toBeUndefined();

    const second = await startDevnet({ port: 0, dataDir: dir, seed: 'store-test', fixture: false });
    try {
      expect(second.chain.height).toBe(height);
      const get = async (p: string) => (await fetch(`${second.url}${p}`)).text();
      expect(await get('/blocks/tip/hash')).toBe(tip);
      expect(JSON.parse(await get('/mempool/txids'))).toEqual([pending]);
      expect(JSON.parse(await get(`/tx/${reveal}/status`)).confirmed).toBe(true);
      const [mined] = await second.wallet.mine(1);
      expect(second.chain.tip.txids).toContain(pending);
      expect(mined).toBe(second.chain.tip.hash);
    } finally {
      await second.close();
    }
  });
});

describe('when the block file ends in a torn record', () => {
  it('cuts the partial record and reopens at the last complete block', () => {
    const dir = tempDir();
    const chain = openChain(dir);
    const pay = new Uint8Array(22);
    pay[1] = 0x14;
    for (let i = 0; i < 5; i++) chain.mineBlock(pay);
    const path = join(dir, 'blocks.dat');
    const { blocks } = readBlockFile(new Uint8Array(readFileSync(path)));
    expect(blocks).toHaveLength(6);
    const size = statSync(path).size;
    appendFileSync(path, Uint8Array.of(0xfa, 0xbf, 0xb5, 0xda, 0xff, 0, 0, 0, 1, 2, 3));
    const reopened = openChain(dir);
    expect(reopened.tip.hash).toBe(chain.tip.hash);
    expect(statSync(path).size).toBe(size);
  });
});
