/** Mutation cases for SPV verification, derived from the real proofs: one case per corrupted input, each marked mustFail. */
import { RawTx } from '@scure/btc-signer';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { REAL_PROOFS, type RealProof } from './real-proofs';

export interface SpvCase {
  name: string;
  description: string;
  mustFail: boolean;
  /** Acceptable error codes when mustFail. */
  expectCodes: string[];
  from: string;
  network: string;
  header: string;
  tx: string;
  proof: unknown;
  /** Expected txid, when the case checks it. */
  txid?: string;
}

const POW = ['CHAIN_POW_INSUFFICIENT', 'CHAIN_BITS_INVALID', 'CHAIN_TARGET_ABOVE_FLOOR', 'CHAIN_TARGET_ABOVE_POW_LIMIT'];
const ROOT = ['CHAIN_MERKLE_ROOT_MISMATCH'];
const POS = ['CHAIN_MERKLE_ROOT_MISMATCH', 'CHAIN_MERKLE_POS_OUT_OF_RANGE', 'CHAIN_MERKLE_DUPLICATE_NODE'];
const TX = ['CHAIN_MERKLE_ROOT_MISMATCH', 'CHAIN_TX_MALFORMED'];

/** Flip the lowest bit of byte `offset` of a hex string. */
export function flipHexByte(hex: string, offset: number): string {
  const b = hexToBytes(hex);
  b[offset]! ^= 0x01;
  return bytesToHex(b);
}

const HEADER_FIELDS: [number, string][] = [
  [0, 'version'], [4, 'prev hash first byte'], [35, 'prev hash last byte'], [36, 'merkle root first byte'],
  [67, 'merkle root last byte'], [68, 'time'], [72, 'bits mantissa low byte'], [75, 'bits exponent'], [76, 'nonce'], [79, 'nonce last byte'],
];

function casesFor(p: RealProof): SpvCase[] {
  const base = { from: p.name, network: p.network, header: p.headerHex, tx: p.txHex, proof: p.proof };
  const out: SpvCase[] = [];
  const fail = (name: string, description: string, expectCodes: string[], patch: Partial<SpvCase>) =>
    out.push({ ...base, name: `${p.name}.${name}`, description, mustFail: true, expectCodes, ...patch });

  out.push({ ...base, name: `${p.name}.valid`, description: `the real proof (${p.origin})`, mustFail: false, expectCodes: [], txid: p.txid });
  for (const [offset, field] of HEADER_FIELDS) {
    fail(`header-byte-${offset}`, `header byte ${offset} (${field}) flipped`, POW, { header: flipHexByte(p.headerHex, offset) });
  }
  p.proof.merkle.forEach((h, level) => {
    fail(`proof-level-${level}-byte-0`, `merkle[${level}] first display byte flipped`, ROOT, { proof: { ...p.proof, merkle: p.proof.merkle.map((m, i) => (i === level ? flipHexByte(h, 0) : m)) } });
  });
  fail('proof-level-0-byte-31', 'merkle[0] last display byte flipped', ROOT, { proof: { ...p.proof, merkle: [flipHexByte(p.proof.merkle[0]!, 31), ...p.proof.merkle.slice(1)] } });
  const len = p.proof.merkle.length;
  fail('pos-plus-1', `pos ${p.proof.pos} + 1`, POS, { proof: { ...p.proof, pos: p.proof.pos + 1 } });
  if (p.proof.pos > 0) fail('pos-minus-1', `pos ${p.proof.pos} - 1`, POS, { proof: { ...p.proof, pos: p.proof.pos - 1 } });
  fail('pos-leftover-bit', `pos + 2^${len}: a bit beyond the branch`, ['CHAIN_MERKLE_POS_OUT_OF_RANGE'], { proof: { ...p.proof, pos: p.proof.pos + 2 ** len } });
  fail('pos-top-bit', `pos with bit ${len - 1} flipped`, POS, { proof: { ...p.proof, pos: p.proof.pos ^ 2 ** (len - 1) } });
  fail('branch-truncated', 'last branch hash dropped', POS, { proof: { ...p.proof, merkle: p.proof.merkle.slice(0, -1) } });
  fail('branch-extended', 'a branch hash appended', POS, { proof: { ...p.proof, merkle: [...p.proof.merkle, p.proof.merkle[0]] } });
  fail('txid-byte-0', 'expected txid first byte flipped', ['CHAIN_TXID_MISMATCH'], { txid: flipHexByte(p.txid, 0) });
  fail('txid-byte-31', 'expected txid last byte flipped', ['CHAIN_TXID_MISMATCH'], { txid: flipHexByte(p.txid, 31) });
  const txLen = p.txHex.length / 2;
  fail('tx-byte-0', 'tx version byte flipped', TX, { tx: flipHexByte(p.txHex, 0) });
  fail(`tx-byte-${txLen - 1}`, 'tx locktime last byte flipped', TX, { tx: flipHexByte(p.txHex, txLen - 1) });
  const raw = RawTx.decode(hexToBytes(p.txHex));
  const outpointOffset = raw.segwitFlag ? 7 : 5;
  fail(`tx-byte-${outpointOffset}`, 'first input\'s previous txid byte flipped', TX, { tx: flipHexByte(p.txHex, outpointOffset) });
  const witness = raw.witnesses?.[0];
  if (raw.segwitFlag && witness && witness[0] && witness[0].length > 0) {
    const item = Uint8Array.from(witness[0]);
    item[item.length - 1]! ^= 0x01;
    const patched = RawTx.encode({ ...raw, witnesses: raw.witnesses!.map((w, i) => (i === 0 ? [item, ...w.slice(1)] : w)) });
    out.push({
      ...base, name: `${p.name}.tx-witness-byte`, mustFail: false, expectCodes: [], txid: p.txid, tx: bytesToHex(patched),
      description: 'a witness byte flipped: the txid and its proof still hold (a txid proof does not cover the witness; the BIP341 binding does)',
    });
  }
  fail('header-trailing-byte', 'header with a trailing byte', ['CHAIN_HEADER_MALFORMED'], { header: p.headerHex + '00' });
  fail('proof-negative-height', 'proof block_height -1', ['CHAIN_MERKLE_PROOF_MALFORMED'], { proof: { ...p.proof, block_height: -1 } });
  return out;
}

export function spvCases(): SpvCase[] {
  const cases = REAL_PROOFS.flatMap(casesFor);
  const testnet = REAL_PROOFS.find((p) => p.network === 'testnet')!;
  cases.push({
    name: `${testnet.name}.as-mainnet`, description: 'a difficulty-1 testnet3 block presented as mainnet', mustFail: true,
    expectCodes: ['CHAIN_TARGET_ABOVE_FLOOR'], from: testnet.name, network: 'mainnet', header: testnet.headerHex, tx: testnet.txHex, proof: testnet.proof,
  });
  return cases;
}
