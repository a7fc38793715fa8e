/**
 * Chain persistence in a data directory:
 * - `blocks.dat`: every block from genesis in order, framed as in Bitcoin Core's blk*.dat files
 *   (regtest magic fabfb5da ‖ u32 LE length ‖ raw block), appended as blocks are connected;
 * - `mempool.txt`: the mempool, one raw transaction hex per line in acceptance order, rewritten atomically.
 * On open, blocks are re-validated and re-indexed; a torn last record (crash mid-append) is cut off.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, equalBytes, hexToBytes } from '../core/bytes';
import { Chain } from './chain';
import { regtestGenesisBlock } from './genesis';

export const REGTEST_MAGIC = Uint8Array.of(0xfa, 0xbf, 0xb5, 0xda);

function frame(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + raw.length);
  out.set(REGTEST_MAGIC, 0);
  new DataView(out.buffer).setUint32(4, raw.length, true);
  out.set(raw, 8);
  return out;
}

/** Raw blocks in a blocks.dat image, and the byte length of its complete records. */
export function readBlockFile(buf: Uint8Array): { blocks: Uint8Array[]; validLength: number } {
  const blocks: Uint8Array[] = [];
  let off = 0;
  while (off + 8 <= buf.length) {
    if (!equalBytes(buf.subarray(off, off + 4), REGTEST_MAGIC)) break;
    const len = new DataView(buf.buffer, buf.byteOffset + off + 4, 4).getUint32(0, true);
    if (off + 8 + len > buf.length) break;
    blocks.push(buf.slice(off + 8, off + 8 + len));
    off += 8 + len;
  }
  return { blocks, validLength: off };
}

/** Open (or create) the chain stored in `dir`; new blocks and mempool changes are written as they happen. */
export function openChain(dir: string): Chain {
  mkdirSync(dir, { recursive: true });
  const blockPath = join(dir, 'blocks.dat');
  const mempoolPath = join(dir, 'mempool.txt');
  const chain = new Chain();
  if (existsSync(blockPath)) {
    const buf = new Uint8Array(readFileSync(blockPath));
    const { blocks, validLength } = readBlockFile(buf);
    if (validLength !== buf.length) truncateSync(blockPath, validLength);
    for (const raw of blocks) chain.connectBlock(raw);
  }
  chain.onBlock = (raw) => appendFileSync(blockPath, frame(raw));
  if (chain.blocks.length === 0) chain.connectBlock(regtestGenesisBlock());
  if (existsSync(mempoolPath)) {
    for (const line of readFileSync(mempoolPath, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        chain.mempool.accept(hexToBytes(line.trim()));
      } catch {
        // no longer valid against the stored chain: dropped
      }
    }
  }
  chain.mempool.onChange = () => {
    const tmp = `${mempoolPath}.tmp`;
    writeFileSync(tmp, chain.mempool.entries().map((e) => `${bytesToHex(e.tx.raw)}\n`).join(''));
    renameSync(tmp, mempoolPath);
  };
  return chain;
}
