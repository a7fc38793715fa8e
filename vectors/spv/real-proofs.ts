/** The real SPV proofs in vectors/esplora and vectors/inscriptions, as one list (header, raw tx, merkle proof). */
import mainnet from '../esplora/esplora-mainnet-block-696394.json';
import testnet3 from '../esplora/esplora-testnet3-block-2582756.json';
import brc20Deploy from '../inscriptions/inscription-70796b508779.json';
import brc20Transfer from '../inscriptions/inscription-2e951004175c.json';

export interface RealProof {
  name: string;
  network: 'mainnet' | 'testnet';
  txid: string;
  blockHash: string;
  headerHex: string;
  txHex: string;
  proof: { block_height: number; merkle: string[]; pos: number };
  origin: string;
}

export const REAL_PROOFS: RealProof[] = [
  ...mainnet.txs.map((t) => ({
    name: `mainnet-696394-pos${t.pos}`, network: 'mainnet' as const, txid: t.txid, blockHash: mainnet.blockJson.id,
    headerHex: mainnet.headerHex, txHex: t.hex, proof: t.merkleProof, origin: `esplora-mainnet-block-696394.json txs: ${t.merkleProofOrigin}`,
  })),
  ...mainnet.servedMerkleProofs.map((t) => ({
    name: `mainnet-696394-pos${t.pos}`, network: 'mainnet' as const, txid: t.txid, blockHash: mainnet.blockJson.id,
    headerHex: mainnet.headerHex, txHex: t.hex, proof: t.merkleProof, origin: `esplora-mainnet-block-696394.json servedMerkleProofs: ${t.merkleProofOrigin}`,
  })),
  ...testnet3.txs.map((t) => ({
    name: `testnet3-2582756-pos${t.pos}`, network: 'testnet' as const, txid: t.txid, blockHash: testnet3.blockJson.id,
    headerHex: testnet3.headerHex, txHex: t.hex, proof: t.merkleProof, origin: 'esplora-testnet3-block-2582756.json: served by mempool.space',
  })),
  ...[brc20Deploy, brc20Transfer].map((v) => ({
    name: `mainnet-${v.block.height}-pos${v.merkleProof.pos}`, network: 'mainnet' as const, txid: v.txid, blockHash: v.block.hash,
    headerHex: v.block.headerHex, txHex: v.hex, proof: v.merkleProof, origin: `inscription-${v.txid.slice(0, 12)}.json (Electrum proof in esplora order)`,
  })),
];
