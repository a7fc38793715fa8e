/** The scenario's shared state: the instance set up by setup.ts and what each played month leaves for the next. */
import type { InscriptionId } from '../../core/protocol/ids';
import type { NetworkName } from '../../core/chain/network';
import type { CommitPayload, GenesisParams } from '../../core/protocol/payloads';
import type { MonthLogEntry } from '../../core/protocol/month-log';
import type { AllocationRow } from '../../core/table/allocation';
import type { MortalityTable as ProgramMortality } from '../../core/program/types';
import type { Actuary } from './actors';
import type { ActuaryPresence } from './actuary-presence';
import type { ChainIO, Published } from './chain-io';
import type { GroupSigning, RoastOutcome } from './frost-sign';
import type { GroupKeys, KeyPair } from './keys';
import type { Population } from './members';
import type { BatchProver } from './proofs';
import type { IntruderKind } from './scripts';

export const NETWORK: NetworkName = 'regtest';

export interface MonthRecord {
  month: number;
  anchor: number;
  marker: string;
  lead?: string;
  attempt?: number;
  root?: string;
  events: string[];
  /** Reveal txids of the month's protocol objects, in broadcast order. */
  txids: string[];
  final?: string;
  /** The ROAST runs that signed the accepted attempt's reveal and the final. */
  roast?: { reveal: RoastOutcome; final: RoastOutcome };
}

export interface World {
  io: ChainIO;
  seed: string;
  log: (line: string) => void;
  params: GenesisParams;
  genesis: string;
  genesisId: InscriptionId;
  /** The objects the genesis names by id. */
  objects: { program: string; mortality: string; vkey: string };
  founders: KeyPair;
  pol: KeyPair;
  group: GroupKeys;
  signing: GroupSigning;
  threshold: number;
  actuaries: Actuary[];
  /** An extra key whose registration breaks an eligibility rule (adversarial vectors only), and which rule. */
  intruder?: Actuary;
  intruderKind?: IntruderKind;
  mortality: ProgramMortality;
  batchSize: number;
  prover: BatchProver;
  presence: ActuaryPresence;
  population: Population;
  /** Last final's table rows and the month log's leaves so far. */
  prevRows: AllocationRow[];
  logEntries: MonthLogEntry[];
  records: MonthRecord[];
  commitPayloads: Map<string, CommitPayload>;
  /** Every message body published, by inscription id (for copies). */
  bodies: Map<string, Uint8Array>;
  marker: (m: number) => string;
  /** Month m's outpoint (output m of the genesis transaction, paying the group key; docs/protocol.md §2.4), when the genesis has them. */
  monthOutput?: (m: number) => { txid: string; vout: number; amount: bigint; script: Uint8Array };
}

/** Publish a protocol object on month m's marker and record it in the month's record. */
export async function publishOn(w: World, m: number, body: Uint8Array, contentType: string): Promise<Published> {
  const p = await w.io.inscribe(body, contentType, w.marker(m));
  w.records.find((r) => r.month === m)?.txids.push(p.revealTxid);
  w.bodies.set(p.id, body);
  return p;
}

export function sortedByKey(list: readonly Actuary[]): Actuary[] {
  return [...list].sort((a, b) => (a.key.pub < b.key.pub ? -1 : a.key.pub > b.key.pub ? 1 : 0));
}
