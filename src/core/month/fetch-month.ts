/**
 * The fetch layer of the month pipeline: discovery through marker addresses, reveal transactions with their Merkle
 * proofs and spent commit transactions, referenced objects by inscription id, the blocks they sit in (hash at height
 * from every host) and stake outpoints. It checks only what steers fetching — which earlier month a month starts from
 * (a group-signed final, docs/protocol.md §8) and whether a cached Merkle branch leads to its header, to ask again —
 * beyond what the client re-hashes; the steps check everything again and do the rest.
 */
import { merkleProofFromTxids, rootFromMerkleProof, type MerkleProof } from '../chain/merkle';
import type { ParsedTx } from '../chain/tx';
import type { EsploraClient } from '../esplora/client';
import { VerifyError } from '../errors';
import { envelopesFromWitness } from '../inscription';
import { parseInscriptionId } from '../protocol/ids';
import { markerAddress } from '../protocol/marker';
import type { NetworkName } from '../chain/network';
import { hasDreyEnvelope, looseMessages, looseParams, looseStake, referencedIds, strictGenesis, strictMessages } from './fetch-refs';
import type { GenesisParams } from '../protocol/payloads';
import { monthEnd } from './timeline';
import type { BlockSource, FetchFailure, MonthSources, RevealSource, StakeSource } from './records';
import type { Depth } from './report';

export type MonthClient = Pick<EsploraClient, 'hosts' | 'fetchTipHeight' | 'fetchBlockHash' | 'fetchHeader' | 'fetchTx' | 'fetchMerkleProof' | 'fetchOutspend' | 'fetchAddressTxs' | 'fetchBlockTxids'>;

export interface FetchMonthOptions {
  network: NetworkName;
  genesisId: string;
  month: number;
  depth: Depth;
  /** Sources of earlier fetches (shared across months by `all`); entries are reused, never re-fetched. */
  reuse?: Pick<MonthSources, 'reveals' | 'blocks' | 'stakes'>;
}

function failureOf(txid: string, e: unknown): FetchFailure {
  if (e instanceof VerifyError && e.code !== 'FETCH_ABORTED') return { txid, code: e.code, message: e.message };
  throw e;
}

/** Inputs whose witness carries an envelope: the spent outputs the BIP341 binding needs. */
function envelopeInputs(tx: ParsedTx): number[] {
  const out: number[] = [];
  tx.inputs.forEach((input, i) => {
    if (envelopesFromWitness(input.witness, i).length > 0) out.push(i);
  });
  return out;
}

export async function fetchMonthSources(client: MonthClient, opts: FetchMonthOptions): Promise<MonthSources> {
  const { network, genesisId, month, depth } = opts;
  const genesis = parseInscriptionId(genesisId, 'ANCHOR_GENESIS_ID', 'genesis id');
  const src: MonthSources = {
    network, genesisId, month, tipHeight: 0, reveals: {}, listed: {}, blocks: {}, stakes: {}, failures: [], requests: 0,
  };
  const raw = new Map<string, ParsedTx>();

  async function rawTx(txid: string): Promise<ParsedTx | undefined> {
    const known = opts.reuse?.reveals[txid]?.tx ?? raw.get(txid);
    if (known) return known;
    try {
      const tx = await client.fetchTx(txid);
      raw.set(txid, tx);
      return tx;
    } catch (e) {
      src.failures.push(failureOf(txid, e));
      return undefined;
    }
  }

  /** Where the listing says a txid confirmed (a hint only: the proof built from it is checked against the header). */
  const hints = new Map<string, { height: number; hash: string }>();
  /** Branches built from verified block txid lists (one request per block holding several wanted reveals). */
  const branches = new Map<string, MerkleProof>();

  async function proofFor(txid: string): Promise<MerkleProof> {
    return branches.get(txid) ?? client.fetchMerkleProof(txid);
  }

  /** A reveal with its Merkle proof and the transactions its envelope inputs spend. */
  async function reveal(txid: string, found: number | 'ref'): Promise<void> {
    if (src.reveals[txid]) return;
    const reused = opts.reuse?.reveals[txid];
    if (reused) {
      src.reveals[txid] = { ...reused, found };
      return;
    }
    const tx = await rawTx(txid);
    if (!tx) return;
    try {
      const [proof, ...spentTxs] = await Promise.all([
        proofFor(txid),
        ...[...new Set(envelopeInputs(tx).map((i) => tx.inputs[i]!.txid))].map((t) => client.fetchTx(t)),
      ] as const);
      const spent: Record<string, ParsedTx> = {};
      for (const s of spentTxs as ParsedTx[]) spent[s.txid] = s;
      src.reveals[txid] = { tx, proof: proof as RevealSource['proof'], spent, found };
    } catch (e) {
      src.failures.push(failureOf(txid, e));
    }
  }

  /** Whether marker month p lists a final that parses, is signed by the group key and (by the listing) confirmed by p's end. */
  function hasTimelyFinal(p: number, genesis: { params: GenesisParams; groupKey: string }): boolean {
    const end = monthEnd(genesis.params, p);
    return (src.listed[p] ?? []).some((txid) => {
      const tx = raw.get(txid) ?? opts.reuse?.reveals[txid]?.tx;
      const h = hints.get(txid);
      if (!tx || !h || h.height > end) return false;
      return strictMessages(tx, { network, genesis: genesisId, month: p }).some((x) => x.type === 'final' && x.signer === genesis.groupKey);
    });
  }

  async function listing(m: number): Promise<string[]> {
    const address = markerAddress(network, genesis, m);
    const txs = await client.fetchAddressTxs(address);
    for (const t of txs) if (t.status.confirmed) hints.set(t.txid, { height: t.status.block_height!, hash: t.status.block_hash! });
    const ids = txs.map((t) => t.txid);
    src.listed[m] = ids;
    return ids;
  }

  src.tipHeight = await client.fetchTipHeight();
  const markerMonths = depth === 'full' ? [...new Set([0, month - 1, month])] : [...new Set([month - 1, month])].filter((x) => x >= 1);
  const [genesisTx, ...lists] = await Promise.all([rawTx(genesis.txid), ...markerMonths.map(listing)]);
  if (!genesisTx) throw new VerifyError('FETCH_NOT_FOUND', 'the genesis transaction could not be fetched', { genesis: genesisId, failures: src.failures });
  const genesisMsg = looseMessages({ tx: genesisTx, proof: { block_height: 0, merkle: [], pos: 0 }, spent: {}, found: 'ref' }).find((x) => x.id === genesisId);
  const listedTxids = [...new Set(lists.flat())];
  await Promise.all(listedTxids.map(rawTx));

  // The month this one starts from: m − 1, or further back over finished months without a timely group final.
  const genesisStrict = genesisTx ? strictGenesis(genesisTx, genesisId, network) : undefined;
  let previous = month - 1;
  if (genesisStrict) {
    while (previous >= 1 && src.tipHeight > monthEnd(genesisStrict.params, previous) && !hasTimelyFinal(previous, genesisStrict)) {
      previous--;
      if (previous >= 1 && !markerMonths.includes(previous)) {
        markerMonths.push(previous);
        await Promise.all((await listing(previous)).map(rawTx));
      }
    }
  }
  src.previousMonth = Math.max(previous, 0);

  // Which reveals to bind: all of them in full mode; in quick mode the final, the reveal, the lead's commit.
  const wanted = new Map<string, number | 'ref'>([[genesis.txid, 'ref']]);
  const refs = new Set<string>();
  const quickCommitIds = new Set<string>();
  for (const m of markerMonths) {
    for (const txid of src.listed[m] ?? []) {
      const tx = raw.get(txid) ?? opts.reuse?.reveals[txid]?.tx;
      if (!tx) continue;
      const msgs = looseMessages({ tx, proof: { block_height: 0, merkle: [], pos: 0 }, spent: {}, found: m });
      // Full depth binds all of month 0's and month m's objects; of earlier months only the finals and their tables.
      if (depth === 'full' && (m === 0 || m === month)) {
        // Parts and other objects carry no JSON: keep every reveal with a drey/1 envelope.
        if (hasDreyEnvelope(tx)) wanted.set(txid, m);
        for (const x of msgs) referencedIds(x.payload, refs);
        continue;
      }
      for (const x of msgs) {
        if (x.type === 'final' || (x.type === 'inputs' && m === month)) {
          wanted.set(txid, m);
          referencedIds(x.payload.table, refs);
        } else if (x.type === 'reveal' && m === month) {
          wanted.set(txid, m);
          const keys = Array.isArray(x.payload.keys) ? x.payload.keys : [];
          for (const k of keys) if (typeof (k as { commit?: unknown }).commit === 'string') quickCommitIds.add((k as { commit: string }).commit);
        }
      }
    }
  }
  if (depth === 'quick') {
    // Every counted commit is a candidate for the lead's; only the one the final names is needed, so bind those
    // signed by the final's lead (one raw tx each is already cached).
    const finalLead = [...wanted].filter(([, m]) => m === month).flatMap(([t]) => {
      const tx = raw.get(t) ?? opts.reuse?.reveals[t]?.tx;
      return tx ? looseMessages({ tx, proof: { block_height: 0, merkle: [], pos: 0 }, spent: {}, found: month }) : [];
    }).find((x) => x.type === 'final')?.payload.lead;
    for (const id of quickCommitIds) {
      const txid = id.slice(0, 64);
      const tx = raw.get(txid) ?? opts.reuse?.reveals[txid]?.tx;
      const msg = tx ? looseMessages({ tx, proof: { block_height: 0, merkle: [], pos: 0 }, spent: {}, found: month }).find((x) => x.id === id) : undefined;
      if (msg && msg.payload.signer === finalLead) wanted.set(txid, month);
    }
  }
  if (genesisMsg) {
    const g = genesisMsg.payload;
    const pick = depth === 'full' ? [g.program, g.mortality_table, g.verification_keys] : [g.mortality_table, g.verification_keys];
    for (const v of pick) referencedIds(v, refs);
  }
  for (const id of refs) if (!wanted.has(id.slice(0, 64))) wanted.set(id.slice(0, 64), 'ref');
  const byBlock = new Map<string, string[]>();
  for (const txid of wanted.keys()) {
    const h = hints.get(txid);
    if (h && !opts.reuse?.reveals[txid]) byBlock.set(`${h.height}:${h.hash}`, [...(byBlock.get(`${h.height}:${h.hash}`) ?? []), txid]);
  }
  await Promise.all([...byBlock].filter(([, list]) => list.length > 1).map(async ([key, list]) => {
    const [height, hash] = key.split(':') as [string, string];
    try {
      const txids = await client.fetchBlockTxids(hash);
      for (const t of list) {
        const pos = txids.indexOf(t);
        if (pos >= 0) branches.set(t, { block_height: Number(height), merkle: merkleProofFromTxids(txids, pos), pos });
      }
    } catch (e) {
      if (!(e instanceof VerifyError) || e.code === 'FETCH_ABORTED') throw e;
      // Fall back to one merkle-proof request per transaction.
    }
  }));
  await Promise.all([...wanted].map(([txid, found]) => reveal(txid, found)));

  // Blocks: every reveal's block, and the anchor block of the month.
  const heights = new Set(Object.values(src.reveals).map((r) => r.proof.block_height));
  const params = genesisMsg ? looseParams(genesisMsg.payload) : undefined;
  if (params) {
    const anchor = params.startHeight + (month - 1) * params.blocksPerMonth;
    if (anchor <= src.tipHeight) heights.add(anchor);
  }
  await Promise.all([...heights].map(async (h) => {
    src.blocks[h] = opts.reuse?.blocks[h] ?? await fetchBlock(client, h);
  }));

  // A cached Merkle branch carries no block hash: one that does not lead to its block's verified header is asked for
  // once more (a host's wrong answer then stands, and the inscriptions step reports it).
  await Promise.all(Object.entries(src.reveals).map(async ([txid, r]) => {
    const header = src.blocks[r.proof.block_height]?.header;
    if (opts.reuse?.reveals[txid] || !header || branchLeadsTo(txid, r.proof, header.merkleRoot)) return;
    try {
      const proof = await client.fetchMerkleProof(txid, { fresh: true });
      r.proof = proof;
      src.blocks[proof.block_height] ??= opts.reuse?.blocks[proof.block_height] ?? await fetchBlock(client, proof.block_height);
    } catch (e) {
      if (!(e instanceof VerifyError) || e.code === 'FETCH_ABORTED') throw e;
    }
  }));

  // Stakes of every registered actuary (full mode).
  if (depth === 'full') {
    const stakes = new Map<string, { txid: string; vout: number }>();
    for (const txid of src.listed[0] ?? []) {
      const r = src.reveals[txid];
      if (!r) continue;
      for (const x of looseMessages(r)) {
        const s = x.type === 'register' ? looseStake(x.payload) : undefined;
        if (s) stakes.set(`${s.txid}:${s.vout}`, s);
      }
    }
    await Promise.all([...stakes].map(async ([key, s]) => {
      src.stakes[key] = await fetchStake(client, s.txid, s.vout);
    }));
  }
  return src;
}

function branchLeadsTo(txid: string, proof: MerkleProof, merkleRoot: string): boolean {
  try {
    return rootFromMerkleProof(txid, proof.merkle, proof.pos) === merkleRoot;
  } catch (e) {
    if (e instanceof VerifyError) return false;
    throw e;
  }
}

/** The block hash at `height` from every host and the header of the first host's answer (re-hashed by the client). */
export async function fetchBlock(client: MonthClient, height: number): Promise<BlockSource> {
  const hosts: Record<string, string> = {};
  await Promise.all(client.hosts.map(async (host) => {
    try {
      hosts[host] = await client.fetchBlockHash(height, [host]);
    } catch (e) {
      if (!(e instanceof VerifyError) || e.code === 'FETCH_ABORTED') throw e;
      hosts[host] = `error:${e.code}`;
    }
  }));
  const hash = client.hosts.map((h) => hosts[h]!).find((v) => !v.startsWith('error:'));
  if (!hash) return { height, hash: '', hosts, error: { code: 'FETCH_ALL_HOSTS_FAILED', message: `no host named the block at height ${height}` } };
  try {
    return { height, hash, hosts, header: await client.fetchHeader(hash) };
  } catch (e) {
    if (!(e instanceof VerifyError) || e.code === 'FETCH_ABORTED') throw e;
    return { height, hash, hosts, error: { code: e.code, message: e.message } };
  }
}

/**
 * A stake outpoint: the funding transaction (re-hashed) and the outspend answer of every host that answers (one
 * "spent" is enough to make the stake spent, so a wrong "unspent" needs every host to lie).
 */
export async function fetchStake(client: MonthClient, txid: string, vout: number): Promise<StakeSource> {
  try {
    const tx = await client.fetchTx(txid);
    const outspends: NonNullable<StakeSource['outspends']> = {};
    let lastError: unknown;
    await Promise.all(client.hosts.map(async (host) => {
      try {
        outspends[host] = await client.fetchOutspend(txid, vout, [host]);
      } catch (e) {
        if (!(e instanceof VerifyError) || e.code === 'FETCH_ABORTED') throw e;
        lastError = e;
      }
    }));
    if (Object.keys(outspends).length === 0) throw lastError;
    return { txid, vout, tx, outspends };
  } catch (e) {
    if (!(e instanceof VerifyError) || e.code === 'FETCH_ABORTED') throw e;
    return { txid, vout, error: { code: e.code, message: e.message } };
  }
}
