/**
 * What the fetch layer checks of each host's answers so that any one honest host suffices: a reveal's witness
 * against its BIP341 commitment and a Merkle branch against the settled block are run on each host's answer (a host
 * whose answer fails is named once another host's answer passes); listings that disagree on a witness are settled by
 * the binding; a listed transaction no host has, and a proven transaction a host hides, name the hosts that did so.
 */
import { verifyMerkleProof, type MerkleProof } from '../../chain/merkle';
import { verifyRevealBinding } from '../../chain/taproot';
import type { ParsedTx } from '../../chain/tx';
import { rethrowUnlessFetchFailure, VerifyError } from '../../errors';
import { listedVersion, omissionsOf } from '../../esplora/listing';
import type { BlockSource } from '../records';
import type { MarkerListing } from './listings';
import type { MonthClient } from './month-client';
import type { Transactions } from './transactions';

const ANNEX_TAG = 0x50;

/** Inputs spending by taproot script path (a control block last, an annex aside): their witness is bound by BIP341. */
function scriptPathInputs(tx: ParsedTx): number[] {
  const out: number[] = [];
  tx.inputs.forEach((input, i) => {
    const stack = input.witness.at(-1)?.[0] === ANNEX_TAG && input.witness.length >= 2 ? input.witness.slice(0, -1) : input.witness;
    const cb = stack.at(-1);
    if (stack.length >= 2 && cb && cb.length >= 33 && (cb.length - 33) % 32 === 0 && (cb[0]! & 0xfe) !== ANNEX_TAG) out.push(i);
  });
  return out;
}

const isP2tr = (script: Uint8Array | undefined) => script?.length === 34 && script[0] === 0x51 && script[1] === 0x20;

/**
 * The BIP341 binding of every script-path input that spends a P2TR output: the witness a host served is the one the
 * spent output commits to (a txid does not cover the witness). Throws CHAIN_TAPROOT_* when it is not; FETCH_ when a
 * spent transaction cannot be obtained.
 */
export function bindingCheck(client: Pick<MonthClient, 'fetchTx'>): (tx: ParsedTx) => Promise<void> {
  return async (tx) => {
    for (const i of scriptPathInputs(tx)) {
      const input = tx.inputs[i]!;
      const spent = await client.fetchTx(input.txid);
      if (isP2tr(spent.outputs[input.vout]?.script)) verifyRevealBinding(tx, i, spent);
    }
  };
}

/** A Merkle branch must lead to the header of the block settled at its height (`blockAt`). */
export function merkleCheck(txid: string, blockAt: (height: number) => Promise<BlockSource>): (proof: MerkleProof) => Promise<void> {
  return async (proof) => {
    const block = await blockAt(proof.block_height);
    if (!block.header) throw new VerifyError(block.error?.code ?? 'FETCH_NOT_FOUND', `the block at height ${proof.block_height} could not be settled to check a branch against`, { txid, height: proof.block_height });
    verifyMerkleProof(txid, proof, block.header);
  };
}

/**
 * Listed transactions that hosts list with different witnesses: each host's version is checked against its BIP341
 * binding; hosts whose version fails while another's passes are named, and the passing version replaces what was
 * read. Returns `txs` with the settled versions.
 */
export async function settleContested(client: MonthClient, listings: readonly MarkerListing[], txs: Transactions): Promise<Transactions> {
  const check = bindingCheck(client);
  const byId = new Map(txs.byId);
  for (const listing of listings) {
    const hosts = listing.hosts;
    if (!hosts) continue;
    for (const txid of hosts.contested) {
      const verdicts = await Promise.all([...hosts.byHost.keys()].map(async (host) => {
        const version = listedVersion(hosts, host, txid);
        if (!version) return { host, error: new VerifyError('FETCH_BAD_BODY', 'the listed transaction does not rebuild to its txid', { txid }) };
        try {
          await check(version);
          return { host, version };
        } catch (e) {
          rethrowUnlessFetchFailure(e);
          return { host, error: e };
        }
      }));
      const good = verdicts.find((v) => v.version);
      if (!good?.version) continue;
      for (const v of verdicts) {
        if (v.error && !v.error.code.startsWith('FETCH_')) client.blame(v.host, { code: v.error.code, message: `its listing carries a witness that does not bind: ${v.error.message}`, path: `listing of ${txid}`, evidence: { txid, contradictedBy: good.host } });
      }
      try {
        // The cached copy may be a refuted host's: asking with the check replaces it with a binding one.
        byId.set(txid, await client.fetchTx(txid, { check }));
      } catch (e) {
        rethrowUnlessFetchFailure(e);
        byId.set(txid, good.version);
      }
    }
  }
  return { byId, failures: txs.failures };
}

/**
 * A listed transaction that no host has, listed by some hosts but not by all: those hosts invented it. They are
 * named, and the entry dropped from the listings and from the failures. Returns the cleaned listings and failures.
 */
export function dropInvented(client: MonthClient, listings: readonly MarkerListing[], txs: Transactions): { listings: MarkerListing[]; txs: Transactions } {
  const live = client.liveHosts();
  const invented = new Set<string>();
  for (const f of txs.failures) {
    if (f.code !== 'FETCH_NOT_FOUND') continue;
    const listers = new Set(listings.flatMap((l) => l.hosts?.listedBy.get(f.txid) ?? []));
    if (listers.size === 0 || live.every((h) => listers.has(h))) continue;
    invented.add(f.txid);
    for (const h of listers) client.blame(h, { code: 'CHAIN_LISTING_UNKNOWN_TX', message: `lists transaction ${f.txid}, which no host has`, evidence: { txid: f.txid } });
  }
  if (invented.size === 0) return { listings: [...listings], txs };
  return {
    listings: listings.map((l) => ({ ...l, txids: l.txids.filter((t) => !invented.has(t)) })),
    txs: { byId: txs.byId, failures: txs.failures.filter((f) => !invented.has(f.txid)) },
  };
}

/** Hosts that hide a proven entry of a listing, one they must have indexed (esplora/listing omissionsOf), are named. */
export function blameOmissions(client: MonthClient, listings: readonly MarkerListing[], proven: ReadonlyMap<string, number>): void {
  for (const l of listings) {
    if (!l.hosts) continue;
    const listed = new Map([...proven].filter(([txid]) => l.hosts!.listedBy.has(txid)));
    for (const o of omissionsOf(l.hosts, listed)) {
      client.blame(o.host, { code: 'CHAIN_LISTING_OMITS', message: `leaves transaction ${o.txid} (proven at height ${o.height}) out of month ${l.month}'s marker listing, which it lists up to height ${o.listsUpTo}`, evidence: { ...o, month: l.month } });
    }
  }
}
