/** Test support: schemas of Esplora JSON learned from the real mempool.space answers in vectors/esplora (Blockstream flavour: no `sigops`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { learnSchema, type Schema } from './golden-shape';

type Obj = Record<string, unknown>;

interface Vector {
  blockJson: Obj;
  headerHex: string;
  txs: { txid: string; hex: string; txJson: Obj; merkleProof: Obj }[];
}

const dir = fileURLToPath(new URL('../../vectors/esplora/', import.meta.url));
export const goldenVectors: Vector[] = ['esplora-mainnet-block-696394.json', 'esplora-testnet3-block-2582756.json'].map(
  (f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Vector,
);

const txs = goldenVectors.flatMap((v) => v.txs.map((t) => t.txJson));
const vins = txs.flatMap((t) => t.vin as Obj[]);
const vouts = [...txs.flatMap((t) => t.vout as Obj[]), ...vins.map((v) => v.prevout).filter((p): p is Obj => p !== null)];

export const blockSchema: Schema = learnSchema(goldenVectors.map((v) => v.blockJson));
// Only the genesis block has no parent; electrs serializes it as null (not omitted). No golden genesis answer exists.
blockSchema.fields.get('previousblockhash')!.kinds.add('null');
export const voutSchema: Schema = learnSchema(vouts);
export const statusSchema: Schema = learnSchema(txs.map((t) => t.status as Obj));
export const vinSchema: Schema = learnSchema(vins);
vinSchema.fields.get('prevout')!.child = voutSchema;
export const txSchema: Schema = learnSchema(txs, ['sigops']);
txSchema.fields.get('vin')!.child = vinSchema;
txSchema.fields.get('vout')!.child = voutSchema;
txSchema.fields.get('status')!.child = statusSchema;
export const merkleProofSchema: Schema = learnSchema(goldenVectors.flatMap((v) => v.txs.map((t) => t.merkleProof)));
