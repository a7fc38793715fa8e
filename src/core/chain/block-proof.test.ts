import { p2wpkh, Transaction } from '@scure/btc-signer';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { Chain } from '../../devnet/chain';
import { mineHeader } from '../../devnet/header';
import { BLOCK_VERSION, REGTEST, REGTEST_BITS } from '../../devnet/params';
import { PERMISSIVE } from '../../devnet/tx';
import { concatBytes, fromDisplayHex, hexToBytes, sha256, sha256d, toDisplayHex } from '../bytes';
import { bip34Prefix } from './bip34';
import { provenHeight, verifyBlockHeight, type ProvableBlock } from './block-proof';
import { parseHeader } from './header';
import { merkleProofFromTxids, merkleRootFromTxids } from './merkle';
import { networkFromName } from './network';
import { parseTx, type ParsedTx } from './tx';
import { once } from '../once.test-util';
import { errorOf } from '../errors.test-util';

const net = () => networkFromName('regtest');
const priv = sha256(new TextEncoder().encode('block-proof-test'));
const pay = p2wpkh(secp256k1.getPublicKey(priv, true), REGTEST);
const code = (c: string) => expect.objectContaining({ code: c });

/** A devnet chain mined in-process: 101 blocks, a block holding a spend of block 1's coinbase, then up to height 130. */
const devnet = once(() => {
  const chain = Chain.withGenesis();
  for (let i = 0; i < 101; i++) chain.mineBlock(pay.script);
  const cb1 = chain.blockAt(1)!.txids[0]!;
  const spendTx = new Transaction({ version: 2 });
  for (let i = 0; i < 3; i++) spendTx.addOutput({ script: pay.script, amount: 1_000_000_000n });
  spendTx.addInput({ txid: cb1, index: 0, witnessUtxo: { script: pay.script, amount: chain.lookupTx(cb1)!.tx.outputs[0]!.value } });
  spendTx.sign(priv);
  spendTx.finalize();
  chain.mempool.accept(spendTx.extract());
  while (chain.blocks.length <= 130) chain.mineBlock(pay.script);
  return { chain, spendTx, spendHeight: chain.lookupTx(spendTx.id)!.block!.height };
});

/** The devnet block at `height` as a height proof sees it: its header, its coinbase (raw, re-parsed), the branch at 0. */
function devBlock(height: number): ProvableBlock {
  const { chain } = devnet();
  const b = chain.blockAt(height)!;
  return { hash: b.hash, header: parseHeader(b.headerBytes), proof: { coinbase: parseTx(chain.lookupTx(b.txids[0]!)!.tx.raw), branch: merkleProofFromTxids(b.txids, 0) } };
}

/** A block mined by hand on the devnet's rules over `txs` (the first at leaf 0), with `version`. */
function handBlock(first: ParsedTx, rest: ParsedTx[] = [], version = BLOCK_VERSION): ProvableBlock {
  const { chain } = devnet();
  const txids = [first.txid, ...rest.map((t) => t.txid)];
  const { bytes } = mineHeader({ version, prevHash: fromDisplayHex(chain.tip.hash, 'CHAIN_BAD_HEX', 'hash'), merkleRoot: fromDisplayHex(merkleRootFromTxids(txids), 'CHAIN_BAD_HEX', 'root'), time: chain.tip.header.time + 600, bits: REGTEST_BITS });
  const header = parseHeader(bytes);
  return { hash: header.hash, header, proof: { coinbase: first, branch: merkleProofFromTxids(txids, 0) } };
}

/** A coinbase whose scriptSig is `scriptSig`, paying to the test key. */
function coinbase(scriptSig: Uint8Array): ParsedTx {
  const tx = new Transaction({ ...PERMISSIVE, version: 2 });
  tx.addOutput({ script: pay.script, amount: 50_000n });
  tx.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0xffffffff, finalScriptSig: scriptSig });
  return parseTx(tx.toBytes(true, true));
}

describe('a devnet block proves its own height', () => {
  it.each([1, 5, 16, 17, 100, 127, 128, 130])('block %i (OP_N or a minimal push, its branch to the header\'s root)', (h) => {
    expect(provenHeight(devBlock(h), net())).toBe(h);
    expect(verifyBlockHeight(devBlock(h), h, net())).toBe(h);
  });

  it('with a non-empty branch when the block holds more than its coinbase', () => {
    const { spendHeight } = devnet();
    const b = devBlock(spendHeight);
    expect(b.proof.branch.length).toBeGreaterThan(0);
    expect(verifyBlockHeight(b, spendHeight, net())).toBe(spendHeight);
  });
});

describe('what a height proof refuses', () => {
  it('a real block used at another height: CHAIN_HEIGHT_MISMATCH, with the height it proves', () => {
    expect(() => verifyBlockHeight(devBlock(102), 103, net())).toThrow(expect.objectContaining({ code: 'CHAIN_HEIGHT_MISMATCH', evidence: expect.objectContaining({ height: 103, proven: 102 }) }));
  });

  it('a non-minimal height push: CHAIN_COINBASE_MALFORMED', () => {
    const b = handBlock(coinbase(hexToBytes('01050000')));
    expect(() => verifyBlockHeight(b, 5, net())).toThrow(code('CHAIN_COINBASE_MALFORMED'));
    expect(() => verifyBlockHeight(handBlock(coinbase(hexToBytes('0266000000'))), 102, net())).toThrow(code('CHAIN_COINBASE_MALFORMED'));
  });

  it('a coinbase of 64 bytes without its witness (it could pose as an inner node): CHAIN_TX_64_BYTES', () => {
    // version ‖ 1 input (null outpoint, scriptSig 03 008000 = height 32768) ‖ 1 output (0 sat, empty script) ‖ locktime
    const bytes = hexToBytes(`02000000 01 ${'00'.repeat(32)} ffffffff 04 03008000 ffffffff 01 0000000000000000 00 00000000`.replace(/ /g, ''));
    expect(bytes.length).toBe(64);
    expect(() => parseTx(bytes)).toThrow(code('CHAIN_TX_64_BYTES'));
    // Even handed over already parsed, a proof refuses it.
    const txid = toDisplayHex(sha256d(bytes));
    const tx: ParsedTx = { bytes, txid, wtxid: txid, version: 2, locktime: 0, inputs: [{ txid: '00'.repeat(32), vout: 0xffffffff, sequence: 0xffffffff, scriptSig: hexToBytes('03008000'), witness: [] }], outputs: [{ script: new Uint8Array(0), amount: 0n }], hasWitness: false, strippedSize: 64, weight: 256 };
    expect(() => verifyBlockHeight(handBlock(tx), 32_768, net())).toThrow(code('CHAIN_TX_64_BYTES'));
  });

  it('a branch to another block\'s root, or a tampered branch: CHAIN_MERKLE_ROOT_MISMATCH', () => {
    const { spendHeight } = devnet();
    const a = devBlock(spendHeight);
    const b = devBlock(spendHeight + 1);
    expect(() => verifyBlockHeight({ ...b, proof: a.proof }, spendHeight + 1, net())).toThrow(code('CHAIN_MERKLE_ROOT_MISMATCH'));
    expect(() => verifyBlockHeight({ ...a, proof: { ...a.proof, branch: ['ab'.repeat(32)] } }, spendHeight, net())).toThrow(code('CHAIN_MERKLE_ROOT_MISMATCH'));
    expect(() => verifyBlockHeight({ ...a, proof: { ...a.proof, branch: [] } }, spendHeight, net())).toThrow(code('CHAIN_MERKLE_ROOT_MISMATCH'));
  });

  it('another transaction at leaf 0 (no null outpoint): CHAIN_COINBASE_MALFORMED', () => {
    const spend = parseTx(devnet().spendTx.extract());
    expect(() => verifyBlockHeight(handBlock(spend, [coinbase(concatBytes(bip34Prefix(131), hexToBytes('00')))]), 131, net())).toThrow(code('CHAIN_COINBASE_MALFORMED'));
  });

  it('a height below the network\'s BIP34 activation, or a version-1 block: CHAIN_HEIGHT_UNPROVABLE', () => {
    expect(() => verifyBlockHeight(devBlock(5), 0, net())).toThrow(code('CHAIN_HEIGHT_UNPROVABLE'));
    const later = { ...net(), bip34Height: 200 };
    expect(() => verifyBlockHeight(devBlock(102), 102, later)).toThrow(code('CHAIN_HEIGHT_UNPROVABLE'));
    expect(() => provenHeight(devBlock(102), later)).toThrow(code('CHAIN_HEIGHT_UNPROVABLE'));
    expect(networkFromName('mainnet').bip34Height).toBe(227_931);
    expect(networkFromName('testnet').bip34Height).toBe(21_111);
    expect(() => verifyBlockHeight(handBlock(coinbase(concatBytes(bip34Prefix(131), hexToBytes('00'))), [], 1), 131, net())).toThrow(code('CHAIN_HEIGHT_UNPROVABLE'));
  });

  it('a header that is not the block\'s, or without its proof of work', () => {
    const a = devBlock(50);
    expect(() => verifyBlockHeight({ ...a, hash: devBlock(51).hash }, 50, net())).toThrow(code('CHAIN_HEADER_HASH_MISMATCH'));
    expect(() => verifyBlockHeight(a, 50, networkFromName('mainnet'))).toThrow(code('CHAIN_HEIGHT_UNPROVABLE'));
    expect(() => verifyBlockHeight(devBlock(50), 50, { ...networkFromName('mainnet'), bip34Height: 1 })).toThrow(expect.objectContaining({ code: expect.stringMatching(/^CHAIN_(TARGET|POW)_/) }));
  });
});

describe('the edges of a height proof', () => {
  it('a height at the network\'s BIP34 activation is proven', () => {
    expect(provenHeight(devBlock(102), { ...net(), bip34Height: 102 })).toBe(102);
    expect(verifyBlockHeight(devBlock(102), 102, { ...net(), bip34Height: 102 })).toBe(102);
  });

  it('a version-2 block proves its height (BIP34\'s first version)', () => {
    expect(verifyBlockHeight(handBlock(coinbase(concatBytes(bip34Prefix(131), hexToBytes('00'))), [], 2), 131, net())).toBe(131);
  });

  it('a header that is not the block\'s names both hashes', () => {
    const a = devBlock(50);
    const other = devBlock(51).hash;
    const e = errorOf(() => provenHeight({ ...a, hash: other }, net()));
    expect(e.code).toBe('CHAIN_HEADER_HASH_MISMATCH');
    expect(e.evidence).toEqual({ hash: other, computed: a.hash });
    expect(e.message).toBe('the header does not hash to the block hash');
  });

  it('a 64-byte coinbase names the block and the coinbase', () => {
    const bytes = hexToBytes(`02000000 01 ${'00'.repeat(32)} ffffffff 04 03008000 ffffffff 01 0000000000000000 00 00000000`.replace(/ /g, ''));
    const txid = toDisplayHex(sha256d(bytes));
    const tx: ParsedTx = { bytes, txid, wtxid: txid, version: 2, locktime: 0, inputs: [{ txid: '00'.repeat(32), vout: 0xffffffff, sequence: 0xffffffff, scriptSig: hexToBytes('03008000'), witness: [] }], outputs: [{ script: new Uint8Array(0), amount: 0n }], hasWitness: false, strippedSize: 64, weight: 256 };
    const b = handBlock(tx);
    const e = errorOf(() => provenHeight(b, net()));
    expect(e.code).toBe('CHAIN_TX_64_BYTES');
    expect(e.evidence).toEqual({ hash: b.hash, coinbase: txid });
    expect(e.message).toBe('the coinbase is 64 bytes without its witness: it could pose as an inner Merkle node');
  });

  it('a branch that misses the header\'s root names both roots', () => {
    const { spendHeight } = devnet();
    const a = devBlock(spendHeight);
    const e = errorOf(() => provenHeight({ ...a, proof: { ...a.proof, branch: [] } }, net()));
    expect(e.code).toBe('CHAIN_MERKLE_ROOT_MISMATCH');
    expect(e.evidence).toEqual({ hash: a.hash, coinbase: a.proof.coinbase.txid, computedRoot: a.proof.coinbase.txid, headerRoot: a.header.merkleRoot });
    expect(e.message).toBe('the coinbase\'s Merkle branch does not lead to the header\'s Merkle root');
  });

  it('a version-1 block names its version', () => {
    const b = handBlock(coinbase(concatBytes(bip34Prefix(131), hexToBytes('00'))), [], 1);
    const e = errorOf(() => provenHeight(b, net()));
    expect(e.code).toBe('CHAIN_HEIGHT_UNPROVABLE');
    expect(e.evidence).toEqual({ hash: b.hash, coinbase: b.proof.coinbase.txid, version: 1 });
    expect(e.message).toBe('block version 1 predates BIP34: its coinbase proves no height');
  });

  it('a proven height below the activation names the height and the activation', () => {
    const b = devBlock(102);
    const e = errorOf(() => provenHeight(b, { ...net(), bip34Height: 103 }));
    expect(e.code).toBe('CHAIN_HEIGHT_UNPROVABLE');
    expect(e.evidence).toEqual({ hash: b.hash, coinbase: b.proof.coinbase.txid, height: 102, bip34Height: 103 });
    expect(e.message).toBe('height 102 is below BIP34\'s activation on regtest (103): its coinbase proves no height');
  });

  it('a height asked below the activation is refused before the block is read', () => {
    const b = devBlock(102);
    const e = errorOf(() => verifyBlockHeight({ ...b, proof: { ...b.proof, branch: [] } }, 102, { ...net(), bip34Height: 103 }));
    expect(e.code).toBe('CHAIN_HEIGHT_UNPROVABLE');
    expect(e.evidence).toEqual({ hash: b.hash, height: 102, bip34Height: 103 });
    expect(e.message).toBe('height 102 is below BIP34\'s activation on regtest (103): no block proves it');
  });

  it('a block used at another height names both heights', () => {
    const b = devBlock(102);
    const e = errorOf(() => verifyBlockHeight(b, 103, net()));
    expect(e.code).toBe('CHAIN_HEIGHT_MISMATCH');
    expect(e.evidence).toEqual({ hash: b.hash, height: 103, proven: 102 });
    expect(e.message).toBe(`block ${b.hash} is used at height 103, but its coinbase proves height 102`);
  });
});
