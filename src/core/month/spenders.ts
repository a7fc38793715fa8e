/**
 * The month outpoints' spenders the sources prove (docs/protocol.md §2.4): a spender the hosts named counts once its
 * transaction was fetched (re-hashed) and one of its inputs spends the genesis transaction's output m. Whether its
 * reveal is in a PoW-checked block is the inscriptions step's concern: an unbound spender yields no final record.
 */
import type { ParsedTx } from '../chain/tx';
import { parseInscriptionId } from '../protocol/ids';
import { paysMarker } from '../protocol/marker';
import { monthOutpointInput } from '../protocol/month-outpoints';
import type { InscriptionRecord, MonthSources } from './records';
import type { SignaturesInput } from './steps/signatures';

export function spendersOf(src: Pick<MonthSources, 'genesisId' | 'reveals' | 'spenders'>): { genesisTx: ParsedTx; spenders: Map<number, string>; unpaid: Map<number, number[]> } | undefined {
  const genesisTxid = src.genesisId.slice(0, 64);
  const genesisTx = src.reveals[genesisTxid]?.tx;
  if (!genesisTx) return undefined;
  const genesis = parseInscriptionId(src.genesisId);
  const spenders = new Map<number, string>();
  /** Per month: the markers (of 0 and m) its spender does not pay, though §2.4.1 asks it to. */
  const unpaid = new Map<number, number[]>();
  for (const [m, txid] of Object.entries(src.spenders ?? {})) {
    const month = Number(m);
    const tx = txid === null ? undefined : src.reveals[txid]?.tx;
    if (!tx || monthOutpointInput(tx, genesisTxid, month) === undefined) continue;
    spenders.set(month, tx.txid);
    const missing = [0, month].filter((k) => !paysMarker(tx, genesis, k));
    if (missing.length > 0) unpaid.set(month, missing);
  }
  return { genesisTx, spenders, unpaid };
}

/** The signatures step's input from a month's sources and bound inscriptions (the month outpoints' spenders included). */
export function signaturesInputOf(src: MonthSources, records: ReadonlyMap<string, InscriptionRecord>): SignaturesInput {
  const outpoints = spendersOf(src);
  return {
    records, genesisId: src.genesisId, network: src.network, month: src.month, previousMonth: src.previousMonth ?? src.month - 1,
    ...(outpoints ? { outpoints } : {}), ...(src.ignored ? { unbound: src.ignored } : {}),
  };
}
