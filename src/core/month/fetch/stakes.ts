/**
 * Stake outpoints of registered actuaries: the funding transaction and every host's outspend answer. A "spent" answer
 * counts only with its spender checked (it spends this very output) and Merkle-bound to the settled block at the
 * height it confirmed at; "unspent" is an absence claim and counts only when every live host makes it.
 */
import type { MerkleProof } from '../../chain/merkle';
import { rethrowUnlessFetchFailure, VerifyError } from '../../errors';
import { outspendFromEveryHost } from '../../esplora/outspends';
import type { Outspend, TxStatus } from '../../esplora/shapes';
import type { BlockSource, RevealSource, StakeSource } from '../records';
import { merkleCheck } from './host-checks';
import type { MessageContext } from '../../protocol/message';
import { strictMessages } from './loose';
import type { MonthClient } from './month-client';

/** A stake outpoint: its funding transaction and what every live host says of its spending, proven where it can be. */
export async function fetchStake(client: MonthClient, txid: string, vout: number, blockAt: (height: number) => Promise<BlockSource>): Promise<StakeSource> {
  try {
    const tx = await client.fetchTx(txid);
    const answers = await outspendFromEveryHost(client, txid, vout);
    const outspends: Record<string, Outspend> = {};
    for (const s of answers.spenders) {
      const status = s.status.confirmed ? await provenStatus(client, s.tx.txid, s.status, blockAt) : s.status;
      for (const h of s.hosts) outspends[h] = { spent: true, txid: s.tx.txid, vin: s.vin, status };
      if (status.confirmed) await blameHiders(client, answers.unspent, txid, vout, s.tx.txid, status.block_height!);
    }
    if (answers.spenders.length === 0) {
      const [failure] = answers.failures.values();
      if (failure) throw new VerifyError(failure.code, `not every host answered whether ${txid}:${vout} is spent (an unspent output needs every host's word): ${failure.message}`, { txid, vout, unspent: answers.unspent });
      if (answers.unspent.length === 0) throw new VerifyError('FETCH_NO_HONEST_HOST', `no host answered truthfully whether ${txid}:${vout} is spent`, { txid, vout });
      for (const h of answers.unspent) outspends[h] = { spent: false };
    }
    return { txid, vout, tx, outspends };
  } catch (e) {
    rethrowUnlessFetchFailure(e);
    return { txid, vout, error: { code: e.code, message: e.message } };
  }
}

/**
 * Hosts that answered "unspent" for an output whose spender is proven confirmed at `height`, while they themselves
 * report that spender confirmed: caught hiding the spend. A host that does not know the spender (lagging) is not.
 */
async function blameHiders(client: MonthClient, unspent: readonly string[], txid: string, vout: number, spender: string, height: number): Promise<void> {
  await Promise.all(unspent.map(async (host) => {
    try {
      const st = await client.fetchTxStatus(spender, [host]);
      if (st.confirmed) client.blame(host, { code: 'CHAIN_SPENDER_HIDDEN', message: `says ${txid}:${vout} is unspent, yet knows its spender ${spender} confirmed (proven at height ${height})`, evidence: { txid, vout, spender, height } });
    } catch (e) {
      rethrowUnlessFetchFailure(e);
    }
  }));
}

/** Where a spender really confirmed: its Merkle branch to the block settled at that height (the hosts' status is a hint). */
async function provenStatus(client: MonthClient, spender: string, hint: TxStatus, blockAt: (height: number) => Promise<BlockSource>): Promise<TxStatus> {
  const proof: MerkleProof = await client.fetchMerkleProof(spender, { check: merkleCheck(spender, blockAt) });
  const block = await blockAt(proof.block_height);
  return { confirmed: true, block_height: proof.block_height, block_hash: block.hash, block_time: hint.block_time ?? 0 };
}

/**
 * The stake outpoints the register messages of month 0's marker name (by `txid:vout`): registers that parse strictly
 * with a valid signature, so junk on the marker makes nothing be fetched (docs/protocol.md §2.5).
 */
export function stakeOutpoints(listed: readonly string[], reveals: Readonly<Record<string, RevealSource>>, ctx: MessageContext): Map<string, { txid: string; vout: number }> {
  const stakes = new Map<string, { txid: string; vout: number }>();
  for (const txid of listed) {
    const r = reveals[txid];
    if (!r) continue;
    for (const x of strictMessages(r.tx, ctx)) {
      if (x.type === 'register') stakes.set(`${x.payload.stake.txid}:${x.payload.stake.vout}`, { txid: x.payload.stake.txid, vout: x.payload.stake.vout });
    }
  }
  return stakes;
}

/** Every stake outpoint, fetched. */
export async function fetchStakes(client: MonthClient, outpoints: ReadonlyMap<string, { txid: string; vout: number }>, blockAt: (height: number) => Promise<BlockSource>): Promise<Record<string, StakeSource>> {
  return Object.fromEntries(await Promise.all([...outpoints].map(async ([key, s]) => [key, await fetchStake(client, s.txid, s.vout, blockAt)] as const)));
}
