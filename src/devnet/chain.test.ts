import { p2wpkh, Transaction } from '@scure/btc-signer';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes, reverse, sha256, sha256d, toDisplayHex } from '../core/bytes';
import { serializeBlock, splitBlock } from './block';
import { Chain } from './chain';
import { encodeHeader, decodeHeader, headerHash } from './header';
import { GENESIS, REGTEST, REGTEST_BITS } from './params';
import { BlockRejected, TxRejected } from './reject';
import { parseDevTx } from './tx';

const priv = sha256(new TextEncoder().encode('chain-test'));
const pay = p2wpkh(secp256k1.getPublicKey(priv, true), REGTEST);

/** Independent Bitcoin Merkle root (duplicate-last), for cross-checking the chain. */
function root(leaves: Uint8Array[]): Uint8Array {
  let level = leaves;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(sha256d(concatBytes(level[i]!, level[i + 1] ?? level[i]!)));
    level = next;
  }
  return level[0]!;
}

/** A signed spend; `claimed` lets a test sign for a different input amount (the devnet does not check signatures). */
function spend(from: { txid: string; vout: number; value: bigint }, outs: bigint[], claimed = from.value): Uint8Array {
  const tx = new Transaction({ version: 2 });
  for (const v of outs) tx.addOutput({ script: pay.script, amount: v });
  tx.addInput({ txid: from.txid, index: from.vout, witnessUtxo: { script: pay.script, amount: claimed } });
  tx.sign(priv);
  tx.finalize();
  return tx.extract();
}

function matureChain(): Chain {
  const chain = Chain.withGenesis();
  for (let i = 0; i < 101; i++) chain.mineBlock(pay.script);
  return chain;
}

const coinbaseOf = (chain: Chain, height: number) => {
  const txid = chain.blockAt(height)!.txids[0]!;
  return { txid, vout: 0, value: chain.lookupTx(txid)!.tx.outputs[0]!.value };
};

describe('the regtest genesis block', () => {
  const chain = Chain.withGenesis();
  const g = chain.blockAt(0)!;

  it('hashes to 0f9188f1…2206 with Merkle root 4a5e1e4b…a33b', () => {
    expect(headerHash(g.headerBytes)).toBe(GENESIS.hash);
    expect(toDisplayHex(g.header.merkleRoot)).toBe(GENESIS.merkleRoot);
    expect(toDisplayHex(sha256d(splitBlock(g.raw).txs[0]!))).toBe(GENESIS.merkleRoot);
  });

  it('has the genesis header fields byte for byte', () => {
    expect(bytesToHex(g.headerBytes.subarray(68, 80))).toBe('dae5494dffff7f2002000000');
    expect(bytesToHex(g.headerBytes.subarray(0, 36))).toBe(`01000000${'00'.repeat(32)}`);
    expect(g.raw.length).toBe(285);
  });
});

describe('when blocks are mined', () => {
  const chain = Chain.withGenesis();
  for (let i = 0; i < 3; i++) chain.mineBlock(pay.script);

  it('each header meets the regtest target 0x207fffff and links to its parent', () => {
    const target = 0x7fffffn << BigInt(8 * (0x20 - 3));
    for (let h = 1; h <= 3; h++) {
      const b = chain.blockAt(h)!;
      expect(b.header.bits).toBe(REGTEST_BITS);
      const value = BigInt(`0x${toDisplayHex(sha256d(b.headerBytes))}`);
      expect(value <= target).toBe(true);
      expect(toDisplayHex(b.header.prevHash)).toBe(chain.blockAt(h - 1)!.hash);
      expect(b.header.time).toBeGreaterThan(chain.blockAt(h - 1)!.header.time);
    }
  });

  it('puts the BIP34 height first in the coinbase scriptSig and pays 50 BTC', () => {
    const cb = chain.lookupTx(chain.blockAt(3)!.txids[0]!)!.tx;
    expect(cb.isCoinbase).toBe(true);
    expect(cb.inputs[0]!.scriptSig[0]).toBe(0x53); // OP_3
    expect(cb.outputs[0]!.value).toBe(50n * 100_000_000n);
    expect(cb.hasWitness).toBe(false);
  });

  it('rejects a header whose hash misses the target', () => {
    const tip = chain.tip;
    const coinbase = splitBlock(tip.raw).txs;
    const fresh = Chain.withGenesis();
    for (let h = 1; h < tip.height; h++) fresh.connectBlock(chain.blockAt(h)!.raw);
    let nonce = 0;
    let bytes: Uint8Array;
    do {
      bytes = encodeHeader({ ...decodeHeader(tip.headerBytes), nonce: nonce++ });
    } while (BigInt(`0x${toDisplayHex(sha256d(bytes))}`) <= 0x7fffffn << 232n);
    expect(() => fresh.connectBlock(serializeBlock(bytes, coinbase))).toThrow(new BlockRejected('high-hash'));
    expect(() => fresh.connectBlock(chain.blockAt(1)!.raw)).toThrow(new BlockRejected('bad-prevblk'));
    expect(fresh.connectBlock(tip.raw).hash).toBe(tip.hash);
  });
});

describe('when a block carries witness transactions', () => {
  const chain = matureChain();
  const raw = spend(coinbaseOf(chain, 1), [10_000n, 4_999_980_000n]);
  chain.mempool.accept(raw);
  const block = chain.mineBlock(pay.script);

  it('the txid Merkle root and the BIP141 witness commitment recompute', () => {
    const txs = splitBlock(block.raw).txs.map((t) => parseDevTx(Uint8Array.from(t)));
    expect(txs.map((t) => t.txid)).toEqual(block.txids);
    expect(bytesToHex(root(txs.map((t) => reverse(hexToBytes(t.txid)))))).toBe(bytesToHex(block.header.merkleRoot));
    const wroot = root(txs.map((t, i) => (i === 0 ? new Uint8Array(32) : reverse(hexToBytes(t.wtxid)))));
    const cb = txs[0]!;
    const reserved = cb.inputs[0]!.witness[0]!;
    expect(reserved).toEqual(new Uint8Array(32));
    const commitment = cb.outputs.at(-1)!.script;
    expect(bytesToHex(commitment.subarray(0, 6))).toBe('6a24aa21a9ed');
    expect(bytesToHex(commitment.subarray(6))).toBe(bytesToHex(sha256d(concatBytes(wroot, reserved))));
    expect(cb.outputs[0]!.value).toBe(50n * 100_000_000n + 10_000n);
  });
});

describe('when a transaction enters the mempool', () => {
  const chain = matureChain();
  const coin = coinbaseOf(chain, 1);

  it('refuses a spend of an immature coinbase', () => {
    const young = coinbaseOf(chain, 50);
    expect(() => chain.mempool.accept(spend(young, [1000n]))).toThrow(/premature-spend-of-coinbase/);
  });

  it('refuses outputs above inputs, unknown inputs, garbage and double spends', () => {
    expect(() => chain.mempool.accept(spend(coin, [coin.value + 1n], coin.value + 1n))).toThrow(/bad-txns-in-belowout/);
    const missing = { txid: 'ab'.repeat(32), vout: 0, value: 1000n };
    expect(() => chain.mempool.accept(spend(missing, [500n]))).toThrow(/"code":-25,"message":"bad-txns-inputs-missingorspent"/);
    expect(() => chain.mempool.accept(Uint8Array.of(1, 2, 3))).toThrow(/"code":-22,"message":"TX decode failed"/);
    const first = spend(coin, [coin.value - 1000n]);
    const txid = chain.mempool.accept(first);
    expect(chain.mempool.accept(first)).toBe(txid);
    const second = spend(coin, [coin.value - 2000n]);
    let err: unknown;
    try {
      chain.mempool.accept(second);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TxRejected);
    expect((err as TxRejected).reason).toBe('txn-mempool-conflict');
  });

  it('moves accepted transactions into the next block and marks outputs spent', () => {
    const before = chain.mempool.size;
    expect(before).toBe(1);
    const [entry] = chain.mempool.entries();
    const block = chain.mineBlock(pay.script);
    expect(block.txids).toContain(entry!.tx.txid);
    expect(chain.mempool.size).toBe(0);
    expect(chain.spendOf(coin.txid, 0)).toEqual({ txid: entry!.tx.txid, vin: 0 });
    expect(() => chain.mempool.accept(spend(coin, [1000n]))).toThrow(/missingorspent/);
  });
});

describe('when the subsidy halves (regtest: every 150 blocks)', () => {
  it('pays 50 BTC at height 149 and 25 BTC at height 150', () => {
    const chain = Chain.withGenesis();
    for (let i = 0; i < 150; i++) chain.mineBlock(pay.script);
    const reward = (h: number) => chain.lookupTx(chain.blockAt(h)!.txids[0]!)!.tx.outputs[0]!.value;
    expect(reward(149)).toBe(5_000_000_000n);
    expect(reward(150)).toBe(2_500_000_000n);
  });
});
