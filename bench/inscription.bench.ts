/**
 * Inscription and transaction parse throughput over the real reveal vectors: ours (ord-exact) vs micro-ordinals'
 * parseWitness, and parseTx vs scure's parse with re-serialization.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Transaction } from '@scure/btc-signer';
import { parseWitness } from 'micro-ordinals';
import { hexToBytes, sha256d } from '../src/core/bytes';
import { parseTx } from '../src/core/chain/tx';
import { envelopesFromWitness, inscriptionsFromTx } from '../src/core/inscription/inscriptions-from-tx';
import { inscriptionFromEnvelope } from '../src/core/inscription/inscription';
import { parseRawTx } from '../src/core/inscription/raw-tx';
import { fmt, medianMs } from './stats';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors', 'inscriptions');
const SCURE_OPTS = { allowUnknownOutputs: true, allowUnknownInputs: true, allowUnknownVersion: true, disableScriptCheck: true };

/** micro-ordinals on every input: it throws unless the witness has exactly 3 items, so those count as nothing. */
function microFromWitnesses(witnesses: Uint8Array[][]): number {
  let n = 0;
  for (const w of witnesses) {
    try {
      n += parseWitness(w)?.length ?? 0;
    } catch {
      // not a 3-item witness
    }
  }
  return n;
}

export default async function bench(): Promise<void> {
  const txs = readdirSync(dir).filter((f) => /^inscription-.*\.json$/.test(f)).sort().map((f) => {
    const v = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { hex: string };
    return { name: f.replace(/^inscription-|\.json$/g, ''), bytes: hexToBytes(v.hex) };
  });
  const total = txs.reduce((s, t) => s + t.bytes.length, 0);
  const runs = 31;
  const reps = 20;
  const mbps = (ms: number, bytes = total): string => fmt((bytes * reps) / 1e6 / (ms / 1e3));

  // whole transaction → inscriptions (ids, fields, body sha256)
  const ours = await medianMs(runs, () => { for (let r = 0; r < reps; r++) for (const t of txs) inscriptionsFromTx(t.bytes); });
  const microTx = await medianMs(runs, () => {
    for (let r = 0; r < reps; r++) for (const t of txs) {
      const tx = Transaction.fromRaw(t.bytes, SCURE_OPTS);
      const ws: Uint8Array[][] = [];
      for (let i = 0; i < tx.inputsLength; i++) ws.push(tx.getInput(i).finalScriptWitness ?? []);
      microFromWitnesses(ws);
    }
  });
  console.log(`${txs.length} real reveals, ${(total / 1024).toFixed(0)} KiB, median of ${runs} runs × ${reps} passes`);
  console.log(`tx → inscriptions (with body sha256): ours ${mbps(ours)} MB/s; scure fromRaw + micro-ordinals parseWitness ${mbps(microTx)} MB/s; ratio ${fmt(microTx / ours)}×`);

  // witness → inscriptions only (transactions decoded beforehand by each side's decoder)
  const decoded = txs.map((t) => parseRawTx(t.bytes).inputs.map((x) => x.witness));
  const ourWitness = await medianMs(runs, () => {
    for (let r = 0; r < reps; r++) for (const ws of decoded) ws.forEach((w, i) => envelopesFromWitness(w, i).map(inscriptionFromEnvelope));
  });
  const microWitness = await medianMs(runs, () => { for (let r = 0; r < reps; r++) for (const ws of decoded) microFromWitnesses(ws); });
  console.log(`witness → envelopes + fields (no hashing): ours ${mbps(ourWitness)} MB/s; micro-ordinals parseWitness ${mbps(microWitness)} MB/s; ratio ${fmt(microWitness / ourWitness)}×`);

  // raw transaction → parsed, txid and wtxid (src/core/chain/tx.ts reads with raw-tx.ts; scure's parse and
  // re-serialization is what it replaced)
  const parsed = await medianMs(runs, () => { for (let r = 0; r < reps; r++) for (const t of txs) parseTx(t.bytes); });
  const scureParsed = await medianMs(runs, () => {
    for (let r = 0; r < reps; r++) for (const t of txs) {
      const tx = Transaction.fromRaw(t.bytes, SCURE_OPTS);
      sha256d(tx.toBytes(true, false));
      sha256d(tx.toBytes(true, true));
    }
  });
  console.log(`raw tx → parsed with txid and wtxid: parseTx ${mbps(parsed)} MB/s; scure fromRaw + re-serialization ${mbps(scureParsed)} MB/s; ratio ${fmt(scureParsed / parsed)}×`);

  for (const t of txs.filter((x) => x.bytes.length > 20_000)) {
    const one = await medianMs(101, () => inscriptionsFromTx(t.bytes));
    console.log(`${t.name} (${(t.bytes.length / 1024).toFixed(0)} KiB): ${fmt(one, 3)} ms per transaction`);
  }
}
