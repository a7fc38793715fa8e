/**
 * Building a month pack (docs/protocol.md §2.4.2): the month is verified twice with one recording cache, and the pack
 * holds what the second run read from it — exactly the immutable answers a check of that month at that depth needs,
 * for any depositor (a quick check reads the same transactions whoever the depositor is: the lead's package holds
 * every batch's proof) — with what proves each transaction as mined, witness included: the header, txid list,
 * coinbase and wtxid list of the block holding it. Only a month whose verdict is settled (verified or
 * rejected) gets a pack, and only entries a verifier will serve (pack-authority.ts) are kept.
 */
import type { EsploraCache, EsploraClient } from './esplora/client';
import { ADDRESS_PAGE_SIZE } from './esplora/client';
import { recordingCache, type MonthPack, type PackDepth } from './esplora/pack';
import { packAuthority } from './esplora/pack-authority';
import { txFromJson } from './esplora/tx-from-json';
import type { NetworkName } from './chain/network';
import type { Verdict } from './month/report';
import { verifyMonth, type VerifyMonthOptions } from './pipeline';

export interface BuildPackOptions extends Pick<VerifyMonthOptions, 'runProgram' | 'proofWorkers' | 'checkpoint' | 'signal' | 'deadlineMs'> {
  /** A client over the hosts with `cache` as its cache (one for each of the two runs). */
  clientWith: (cache: EsploraCache) => EsploraClient;
  network: NetworkName;
  genesisId: string;
  month: number;
  depth: PackDepth;
}

export type BuiltPack = { pack: MonthPack; verdict: 'verified' | 'rejected' } | { pack?: undefined; verdict: Exclude<Verdict, 'verified' | 'rejected'>; reason: string };

/** The depositor a quick build checks: any id serves (one not in the table checks batch 0, which reads the same data). */
const ANY_USER = 'u0000000000000000';
const ZERO_HASH = '00'.repeat(32);

export async function buildMonthPack(opts: BuildPackOptions): Promise<BuiltPack> {
  const cache = recordingCache();
  const client = opts.clientWith(cache);
  const run = async () => (await verifyMonth({ ...opts, ...(opts.depth === 'quick' ? { user: ANY_USER } : {}), client })).report;
  const first = await run();
  if (first.verdict !== 'verified' && first.verdict !== 'rejected') {
    return { verdict: first.verdict, reason: first.pendingReason ?? first.unavailableReason ?? first.verdict };
  }
  cache.reset();
  const second = await run();
  if (second.verdict !== first.verdict) {
    return { verdict: 'unavailable', reason: `the second run's verdict (${second.verdict}) differs from the first's (${first.verdict})` };
  }
  const entries = new Map(cache.hits());
  await addBlockProofs(client, entries);
  const authority = packAuthority(entries);
  for (const [key, value] of entries) if (!authority.serves(key, value)) entries.delete(key);
  return { verdict: first.verdict, pack: { network: opts.network, genesis: opts.genesisId, month: opts.month, depth: opts.depth, entries } };
}

/** For every block holding a transaction of `entries`: its header, txid list, coinbase and wtxid list. */
async function addBlockProofs(client: EsploraClient, entries: Map<string, unknown>): Promise<void> {
  const blocks = new Set<string>();
  for (const key of [...entries.keys()]) {
    if (!key.startsWith('tx:')) continue;
    const status = await client.fetchTxStatus(key.slice(3));
    if (status.confirmed && status.block_hash) blocks.add(status.block_hash);
  }
  for (const hash of blocks) {
    const header = await client.fetchHeader(hash);
    const txids = await client.fetchBlockTxids(hash);
    const coinbase = await client.fetchTx(txids[0]!);
    const wtxids: string[] = [];
    while (wtxids.length < txids.length) {
      const page = await client.fetchBlockTxs(hash, wtxids.length);
      if (page.length === 0) break;
      for (const t of page) wtxids.push(txFromJson(t, t.txid)?.wtxid ?? '');
      if (page.length < ADDRESS_PAGE_SIZE) break;
    }
    // A block whose transactions do not all rebuild cannot be proven: its transactions stay for the hosts to give.
    if (wtxids.length !== txids.length || wtxids.includes('')) continue;
    wtxids[0] = ZERO_HASH;
    entries.set(`header:${hash}`, header.bytes);
    entries.set(`txids:${hash}`, txids);
    entries.set(`tx:${coinbase.txid}`, coinbase.bytes);
    entries.set(`wtxids:${hash}`, wtxids);
  }
}
