/**
 * Month sources as JSON (what the fetch layer hands the verify steps, recorded from a devnet chain): transactions,
 * headers and coinbases as raw hex, re-parsed on load, so the step tests run on real chain data without a devnet or a
 * network.
 */
import { bytesToHex } from '../../src/core/bytes';
import { parseHeader } from '../../src/core/chain/header';
import { parseTx, type ParsedTx } from '../../src/core/chain/tx';
import type { BlockSource, MonthSources, RevealSource, StakeSource } from '../../src/core/month/records';

type TxJson = string;
interface RevealJson { tx: TxJson; proof: RevealSource['proof']; spent: TxJson[]; found: RevealSource['found'] }
interface BlockJson { height: number; hash: string; header?: string; coinbase?: TxJson; branch?: string[]; hosts: Record<string, string>; error?: BlockSource['error'] }
interface StakeJson { txid: string; vout: number; tx?: TxJson; outspends?: StakeSource['outspends']; error?: StakeSource['error'] }

export interface MonthSourcesJson {
  network: MonthSources['network'];
  genesisId: string;
  month: number;
  tipHeight: number;
  previousMonth: number;
  listed: Record<string, string[]>;
  failures: MonthSources['failures'];
  reveals: Record<string, RevealJson>;
  blocks: Record<string, BlockJson>;
  stakes: Record<string, StakeJson>;
  ignored?: MonthSources['ignored'];
  /** Quick depth: transactions of files taken by their hash (absent in sources recorded before them). */
  objects?: Record<string, { tx: TxJson; ids: string[] }>;
}

const txHex = (tx: ParsedTx): TxJson => bytesToHex(tx.bytes);

export function sourcesToJson(src: MonthSources): MonthSourcesJson {
  return {
    network: src.network, genesisId: src.genesisId, month: src.month, tipHeight: src.tipHeight, previousMonth: src.previousMonth ?? src.month - 1,
    listed: Object.fromEntries(Object.entries(src.listed).map(([m, t]) => [m, t])), failures: src.failures,
    reveals: Object.fromEntries(Object.entries(src.reveals).map(([txid, r]) => [txid, { tx: txHex(r.tx), proof: r.proof, spent: Object.values(r.spent).map(txHex), found: r.found }])),
    blocks: Object.fromEntries(Object.entries(src.blocks).map(([h, b]) => [h, {
      height: b.height, hash: b.hash, hosts: b.hosts, ...(b.header ? { header: bytesToHex(b.header.bytes) } : {}),
      ...(b.heightProof ? { coinbase: txHex(b.heightProof.coinbase), branch: [...b.heightProof.branch] } : {}), ...(b.error ? { error: b.error } : {}),
    }])),
    stakes: Object.fromEntries(Object.entries(src.stakes).map(([k, s]) => [k, { txid: s.txid, vout: s.vout, ...(s.tx ? { tx: txHex(s.tx) } : {}), ...(s.outspends ? { outspends: s.outspends } : {}), ...(s.error ? { error: s.error } : {}) }])),
    ...(src.ignored ? { ignored: src.ignored } : {}),
    ...(src.objects ? { objects: Object.fromEntries(Object.entries(src.objects).map(([txid, o]) => [txid, { tx: txHex(o.tx), ids: o.ids }])) } : {}),
  };
}

export function sourcesFromJson(j: MonthSourcesJson): MonthSources {
  return {
    network: j.network, genesisId: j.genesisId, month: j.month, tipHeight: j.tipHeight, previousMonth: j.previousMonth, requests: 0,
    listed: Object.fromEntries(Object.entries(j.listed).map(([m, t]) => [Number(m), t])), failures: j.failures,
    reveals: Object.fromEntries(Object.entries(j.reveals).map(([txid, r]) => [txid, {
      tx: parseTx(r.tx), proof: r.proof, spent: Object.fromEntries(r.spent.map((s) => { const tx = parseTx(s); return [tx.txid, tx]; })), found: r.found,
    }])),
    blocks: Object.fromEntries(Object.entries(j.blocks).map(([h, b]) => [Number(h), {
      height: b.height, hash: b.hash, hosts: b.hosts, ...(b.header ? { header: parseHeader(b.header) } : {}),
      ...(b.coinbase ? { heightProof: { coinbase: parseTx(b.coinbase), branch: b.branch ?? [] } } : {}), ...(b.error ? { error: b.error } : {}),
    }])),
    stakes: Object.fromEntries(Object.entries(j.stakes).map(([k, s]) => [k, { txid: s.txid, vout: s.vout, ...(s.tx ? { tx: parseTx(s.tx) } : {}), ...(s.outspends ? { outspends: s.outspends } : {}), ...(s.error ? { error: s.error } : {}) }])),
    ...(j.ignored ? { ignored: j.ignored } : {}),
    ...(j.objects ? { objects: Object.fromEntries(Object.entries(j.objects).map(([txid, o]) => [txid, { tx: parseTx(o.tx), ids: o.ids }])) } : {}),
  };
}

/** A recorded month (see generate.ts): the chain, the depth, a depositor of the month, and the sources. */
export interface RecordedMonth {
  chain: string;
  depth: 'full' | 'quick';
  user?: string;
  sources: MonthSources;
}

export function recordedMonth(json: string): RecordedMonth {
  const j = JSON.parse(json) as Omit<RecordedMonth, 'sources'> & { sources: MonthSourcesJson };
  return { ...j, sources: sourcesFromJson(j.sources) };
}
