/** SPV inclusion of one transaction: header proof of work, transaction re-hashed, Merkle branch to the header's root. */
import { VerifyError } from '../errors';
import { bitsHex, hex64, parseHeader, verifyPow, workFromTarget, type Header } from './header';
import { parseMerkleProof, verifyMerkleProof, type MerkleProof } from './merkle';
import type { NetworkParams } from './network';
import { parseTx, type ParsedTx } from './tx';

export interface SpvInput {
  /** 80-byte header as hex or bytes. */
  headerHex: string | Uint8Array;
  /** Raw transaction as hex or bytes. */
  txHex: string | Uint8Array;
  /** Esplora `/tx/:txid/merkle-proof` JSON (untrusted: its shape is checked). */
  proof: unknown;
  network: NetworkParams;
  /** When given, the transaction must hash to it (display hex). */
  txid?: string;
  /** When given, the header must hash to it (display hex), e.g. the block hash cross-checked at the height. */
  blockHash?: string;
}

export interface SpvEvidence {
  txid: string;
  wtxid: string;
  blockHash: string;
  /** Height as stated by the proof; a header does not carry its height (bind it with a cross-checked block hash). */
  height: number;
  /** Transaction index in the block, authenticated by the Merkle branch. */
  position: number;
  merkleRoot: string;
  bits: string;
  target: string;
  work: string;
  time: number;
  network: string;
  /** A txid proof does not cover witness data (inscriptions): bind those with the BIP341 check. */
  witnessCovered: false;
}

export interface SpvResult {
  header: Header;
  tx: ParsedTx;
  proof: MerkleProof;
  evidence: SpvEvidence;
}

/** Re-hash everything and verify: PoW of the header, txid of the bytes, Merkle branch to the header's root. */
export function verifySpv(input: SpvInput): SpvResult {
  const header = parseHeader(input.headerHex);
  if (input.blockHash !== undefined && header.hash !== input.blockHash.toLowerCase()) {
    throw new VerifyError('CHAIN_HEADER_HASH_MISMATCH', 'header does not hash to the expected block hash', { expected: input.blockHash, computed: header.hash });
  }
  const target = verifyPow(header, input.network);
  const tx = parseTx(input.txHex);
  if (input.txid !== undefined && tx.txid !== input.txid.toLowerCase()) {
    throw new VerifyError('CHAIN_TXID_MISMATCH', 'transaction bytes do not hash to the expected txid', { expected: input.txid, computed: tx.txid });
  }
  const proof = parseMerkleProof(input.proof);
  const position = verifyMerkleProof(tx.txid, proof, header);
  return {
    header,
    tx,
    proof,
    evidence: {
      txid: tx.txid,
      wtxid: tx.wtxid,
      blockHash: header.hash,
      height: proof.block_height,
      position,
      merkleRoot: header.merkleRoot,
      bits: bitsHex(header.bits),
      target: hex64(target),
      work: workFromTarget(target).toString(),
      time: header.time,
      network: input.network.name,
      witnessCovered: false,
    },
  };
}
