/**
 * Which reveals the month binds (fetches with their proofs), read from unverified listings — a choice of what to fetch,
 * never a verdict. Full depth: every reveal with a drey/1 envelope on month 0's and month m's markers, and everything
 * their messages name; of earlier months only the finals and their tables. Quick depth: the finals and their tables,
 * month m's inputs and reveal, and the commits of the reveal signed by the lead the final names. Both: the genesis, its
 * mortality table and verification keys (and its program at full depth).
 */
import type { ParsedTx } from '../../chain/tx';
import type { InscriptionId } from '../../protocol/ids';
import type { Depth } from '../report';
import type { MarkerListing } from './listings';
import { hasDreyEnvelope, looseMessages, referencedIds } from './loose';

type Found = number | 'ref';
type Json = Record<string, unknown>;

export interface WantedContext {
  genesis: InscriptionId;
  /** The genesis message's payload as read before any check, when it reads at all. */
  genesisPayload: Json | undefined;
  month: number;
  depth: Depth;
}

/** Reveals to bind by txid, with where each was found (a marker month, or `ref` when named by id). */
export function revealsToBind(ctx: WantedContext, listings: readonly MarkerListing[], txs: ReadonlyMap<string, ParsedTx>): Map<string, Found> {
  const { month, depth } = ctx;
  const wanted = new Map<string, Found>([[ctx.genesis.txid, 'ref']]);
  const refs = new Set<string>();
  const revealedCommits = new Set<string>();
  for (const listing of listings) {
    const m = listing.month;
    for (const txid of listing.txids) {
      const tx = txs.get(txid);
      if (!tx) continue;
      const msgs = looseMessages(tx);
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
          for (const id of revealKeyCommits(x.payload)) revealedCommits.add(id);
        }
      }
    }
  }
  if (depth === 'quick') for (const txid of leadCommits(wanted, txs, revealedCommits, month)) wanted.set(txid, month);
  const g = ctx.genesisPayload;
  if (g) for (const v of depth === 'full' ? [g.program, g.mortality_table, g.verification_keys] : [g.mortality_table, g.verification_keys]) referencedIds(v, refs);
  for (const id of refs) if (!wanted.has(id.slice(0, 64))) wanted.set(id.slice(0, 64), 'ref');
  return wanted;
}

/** The commit ids a reveal payload gives keys for. */
function revealKeyCommits(payload: Json): string[] {
  const keys = Array.isArray(payload.keys) ? payload.keys : [];
  return keys.flatMap((k) => (typeof (k as { commit?: unknown }).commit === 'string' ? [(k as { commit: string }).commit] : []));
}

/**
 * Quick depth: of the revealed commits, only the lead's is needed, so bind those signed by the lead the month's first
 * final names (each commit's raw transaction is already at hand from the listing).
 */
function leadCommits(wanted: ReadonlyMap<string, Found>, txs: ReadonlyMap<string, ParsedTx>, revealed: ReadonlySet<string>, month: number): string[] {
  const finalLead = [...wanted].filter(([, m]) => m === month).flatMap(([t]) => {
    const tx = txs.get(t);
    return tx ? looseMessages(tx) : [];
  }).find((x) => x.type === 'final')?.payload.lead;
  const out: string[] = [];
  for (const id of revealed) {
    const txid = id.slice(0, 64);
    const tx = txs.get(txid);
    const msg = tx ? looseMessages(tx).find((x) => x.id === id) : undefined;
    if (msg && msg.payload.signer === finalLead) out.push(txid);
  }
  return out;
}
