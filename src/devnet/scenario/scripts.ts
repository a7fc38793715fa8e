/**
 * What each party does in a month, as data: the honest scenario's events (a missed deadline, an invalid lead, a
 * disagreeing, void, copied or disputed secondary) and the adversarial vectors' deviations (a Proof-of-Life service,
 * lottery publisher or actuary group breaking a rule of docs/protocol.md). The month player (month-play.ts) reads
 * these; everything not named is played honestly.
 */
import type { FinalPayload, GenesisPayload, GenesisParams, RevealPayload } from '../../core/protocol/payloads';
import type { AllocationRow } from '../../core/table/allocation';

/** How a package is built wrong (docs/protocol.md §6.6–6.7 say what each makes of it). */
export type PackageFault =
  /** The AEAD does not open under the revealed key (status `unopenable`). */
  | 'unopenable'
  /** The plaintext is not a v1 package (`invalid`, REVEAL_PACKAGE_MALFORMED). */
  | 'malformed'
  /** The inner signature is by another key (`invalid`, REVEAL_PACKAGE_SIGNATURE). */
  | 'bad-signature'
  /** The package names another month (`invalid`, REVEAL_PACKAGE_CONTEXT). */
  | 'wrong-context'
  /** One batch fewer than the inputs make (PROOF_BATCH_COUNT). */
  | 'batch-count'
  /** Batch 0's partial F one too high (PROOF_BATCH_SUMS). */
  | 'batch-sums'
  /** `new_root` is not the root of its batch roots (PROOF_ROOT_MISMATCH). */
  | 'root-mismatch'
  /** Batch 0 carries batch 1's proof (PROOF_INVALID). */
  | 'proof-invalid'
  /** `table_sha256` names another table (TABLE_HASH_MISMATCH). */
  | 'table-hash';

/** A secondary's package: honest, faulty, another computation (`wrong-root`), copied, or with a broken KEM. */
export type PackageKind = 'honest' | PackageFault | 'wrong-root' | 'copy' | 'broken-kem';

/** When a secondary commits: in the race, before it (void), after it (late), twice, for another attempt, or never. */
export type CommitTiming = 'race' | 'void' | 'late' | 'repeat' | 'other-attempt' | 'absent';

export interface SecondaryScript {
  package?: PackageKind;
  timing?: CommitTiming;
  /** The group counts this commit in its reveal although the race does not (a dishonest group). */
  countedByGroup?: boolean;
}

/** An extra actuary key whose registration breaks one eligibility rule (§6.1), or that never registers. */
export type IntruderKind = 'registered-late' | 'missing' | 'not-p2tr' | 'not-controlled' | 'duplicate' | 'too-low' | 'bad-keylink' | 'unregistered';

export interface RevealEdit {
  /** The counted commits' ids as the group names them, in race order (the lead's first). */
  counted: string[];
  /** The month's `inputs` message id (an inscription that is not a commit). */
  inputsId: string;
  /** Deterministic bytes for made-up keys. */
  rng: (n: number) => Uint8Array;
}

export interface GroupScript {
  /** Finalise an attempt whose lead committed an invalid package instead of drawing again. */
  keepInvalidLead?: boolean;
  reveal?: 'never' | 'early' | 'late';
  /** Edit the reveal before it is signed. */
  editReveal?: (p: RevealPayload, ctx: RevealEdit) => RevealPayload;
  /**
   * The final: never published; inscribed ahead of the reveal; after the month end; or on the month's marker without
   * spending the month's outpoint (`unspent`: not the month's final, §2.4).
   */
  final?: 'never' | 'early' | 'late' | 'unspent';
  /** Edit the final before it is signed. */
  editFinal?: (p: FinalPayload, ctx: { secondaries: string[] }) => FinalPayload;
  /** The rows the group publishes as the allocation table (default the lead's). */
  tableRows?: (rows: AllocationRow[]) => AllocationRow[];
}

export interface MonthScript {
  /** The first attempts' drawn leads never commit (missed deadline). */
  missedLeads?: number;
  /** The next attempts' leads commit these packages; the group reveals each and draws again. */
  invalidLeads?: PackageFault[];
  /** The accepted attempt's lead commits one block after its window. */
  leadLate?: boolean;
  /** Roles of the first secondaries in key order (the others race honestly). */
  secondaries?: SecondaryScript[];
  /** This many secondaries (the last in key order) do not commit. */
  absent?: number;
  /** The Proof-of-Life service: inputs confirmed after the anchor or never, rows out of order, a bad part. */
  inputs?: { timing?: 'late' | 'never'; swapRows?: boolean; part?: 'not-drey' | 'json-content' | 'wrong-hash' };
  /** Attempt 0's lottery message: confirmed after its window, or never published. */
  lottery?: 'late' | 'never';
  /** Stakes spent in the anchor block: the first secondary's (it still races), or every actuary's. */
  spendStakes?: 'one' | 'all';
  /** Nothing is published after attempt 0's lottery (the month is left to end). */
  stopAfterLottery?: boolean;
  /** The intruder (SetupScript.intruder) commits in the race and the group counts it. */
  intruderCommits?: boolean;
  group?: GroupScript;
  /** The outsider writes to the markers during the race (outsider.ts). */
  outsider?: boolean;
}

export interface SetupScript {
  /** Genesis parameters replacing the devnet's. */
  params?: Partial<GenesisParams>;
  /** The genesis transaction's last month outpoint is missing, or pays another key than the group's. */
  monthOutputs?: 'missing' | 'wrong-key';
  /** Rewrite the genesis payload before it is signed. */
  genesis?: (g: GenesisPayload) => GenesisPayload;
  /** A program that traps, or that reports other totals or other allocations than the circuit proves. */
  program?: 'trap' | 'totals' | 'output';
  /** A verification key that starts as JSON and does not parse. */
  vkey?: 'malformed';
  intruder?: IntruderKind;
  /** Only the genesis and the registrations are published; no month is played. */
  setupOnly?: boolean;
}

/** Which month carries which scenario event: spread out over ≥ 6 months, packed into fewer for quick runs. */
export interface EventSchedule { miss: number; invalidLead: number; disagree: number; void: number; copy: number; dispute: number; rotate: number; roastFault: number }

export function eventSchedule(months: number): EventSchedule {
  if (months >= 6) return { miss: 2, invalidLead: 3, disagree: 3, void: 4, copy: 5, dispute: 6, rotate: 2, roastFault: 4 };
  return {
    // A month with a new draw needs a quorum among the secondaries left after excluding two leads: not with the void one.
    // Agreement needs a super-majority of the counted secondaries (§6.7), so a month carries at most one counted
    // secondary whose package does not agree (wrong root, copy, broken KEM); with fewer than three months some are left out.
    miss: 1, invalidLead: months >= 3 ? 3 : -1, disagree: Math.min(2, months), void: Math.min(2, months), copy: months >= 3 ? 1 : -1,
    dispute: months >= 3 ? 3 : months === 2 ? 1 : -1, rotate: 1, roastFault: Math.min(2, months),
  };
}

/** The honest scenario's script for month m: its events, and no deviation by any party. */
export function honestMonth(schedule: EventSchedule, m: number): MonthScript {
  const secondaries: SecondaryScript[] = [];
  if (m === schedule.disagree) secondaries.push({ package: 'wrong-root' });
  if (m === schedule.void) secondaries.push({ timing: 'void' });
  if (m === schedule.copy) secondaries.push({ package: 'copy' });
  if (m === schedule.dispute) secondaries.push({ package: 'broken-kem' });
  return {
    ...(m === schedule.miss ? { missedLeads: 1 } : {}),
    ...(m === schedule.invalidLead ? { invalidLeads: ['unopenable' as const] } : {}),
    ...(secondaries.length ? { secondaries } : {}),
  };
}
