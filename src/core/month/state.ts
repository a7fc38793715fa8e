/** The month pipeline's working state: options, fetched sources and what each step established for the next. */
import type { Check } from '../check';
import type { EsploraClient } from '../esplora/client';
import type { AllocationOutput } from '../program/types';
import type { NetworkName } from '../chain/network';
import type { GenesisPayload } from '../protocol/payloads';
import type { AllocationTable } from '../table/allocation';
import type { InputsTable } from '../table/inputs';
import type { MortalityLookup } from '../table/mortality-lookup';
import type { MonthRanking } from './ranking';
import type { InscriptionRecord, MessageRecord, MonthSources } from './records';
import type { AllocationEvidence, Depth } from './report';
import type { Agreement } from './verify-agreement';
import type { Eligibility } from './verify-eligibility';
import type { VerifiedBlock } from './verify-headers';
import type { LotteryResult } from './verify-lottery';
import type { MonthMessages } from './verify-messages';
import type { ProgramRunner } from './verify-program';
import type { RaceResult } from './verify-race';
import type { OpenedPackage, RevealResult } from './verify-reveal';
import type { BatchPublic } from '../commit/public-inputs';
import type { MonthClient } from './fetch-month';

export interface VerifyMonthOptions {
  client: MonthClient & Pick<EsploraClient, 'network'>;
  network: NetworkName;
  genesisId: string;
  month: number;
  depth: Depth;
  /** Quick mode: the depositor's user id (used locally only, never sent). */
  user?: string;
  /** Optional trust anchor: the block hash the user expects at a height. */
  checkpoint?: { height: number; hash: string };
  /** Runs the pinned WASM program (full mode); a same-thread host when absent. */
  runProgram?: ProgramRunner;
  /** Sources of earlier months to reuse (`all`). */
  reuse?: Pick<MonthSources, 'reveals' | 'blocks' | 'stakes'>;
  /** Receives the month's fetched sources (e.g. to reuse them for the next month in the same run). */
  onSources?: (src: MonthSources) => void;
  /** How many Esplora requests have been made so far (a counting fetch); reported per month. */
  requestCount?: () => number;
  onProgress?: (p: { step: string; status: 'running' | 'done' | 'failed' | 'skipped'; ms: number }) => void;
  signal?: AbortSignal;
  randomBytes?: (n: number) => Uint8Array;
}

export interface MonthState {
  opts: VerifyMonthOptions;
  checks: Check[];
  src?: MonthSources;
  blocks: Map<number, VerifiedBlock>;
  records: Map<string, InscriptionRecord>;
  messages?: MonthMessages;
  genesis?: GenesisPayload;
  anchor?: number;
  final?: MessageRecord<'final'>;
  /** The month this one starts from (m − 1, or earlier after failed months; 0: none). */
  previousMonth?: number;
  previousFinal?: MessageRecord<'final'>;
  eligibility?: Eligibility;
  lottery?: LotteryResult;
  race?: RaceResult;
  reveal?: RevealResult;
  agreement?: Agreement;
  invalid: Set<OpenedPackage>;
  leadPublics?: BatchPublic[];
  tables: { previous?: AllocationTable | null; inputs?: InputsTable; final?: AllocationTable; mortality?: MortalityLookup };
  reference?: AllocationOutput;
  allocation?: AllocationEvidence;
  ranking: MonthRanking | null;
  pending: boolean;
  pendingReason?: string;
  inputsHashes: Record<string, string>;
}
