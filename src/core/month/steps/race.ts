/**
 * Step "race" (docs/protocol.md §6.5–6.6): secondaries' commits for the accepted attempt, counted from `h_L + race_delay`
 * to the end of the race window, ranked by (height, position in block) from their Merkle proofs; earlier commits are
 * void; only an actuary's first commit counts; a majority of the eligible secondaries must have counted commits.
 */
import { failed, passed, type Check } from '../../check';
import { VerifyError } from '../../errors';
import type { GenesisParams } from '../../protocol/payloads';
import { chainOrder, type MessageRecord } from '../records';
import type { StepResult } from '../step-result';
import { raceWindow } from '../timeline';
import type { Eligibility } from './eligibility';
import type { RoundLead } from './lottery';

export type CommitStatus = 'lead' | 'counted' | 'void' | 'late' | 'not-eligible' | 'repeat' | 'other-attempt';

export interface RaceEntry {
  commit: MessageRecord<'commit'>;
  actuary: string;
  status: CommitStatus;
  /** 1-based race rank of counted secondaries. */
  rank?: number;
}

export interface RaceResult {
  window: { from: number; to: number };
  entries: RaceEntry[];
  /** Lead first, then counted secondaries in race order. */
  counted: RaceEntry[];
  quorum: number;
  pending: boolean;
}

export interface RaceInput {
  params: GenesisParams;
  /** The attempt the round proceeds with (the lottery's, or the final's claim). */
  lead: RoundLead;
  commits: readonly MessageRecord<'commit'>[];
  eligibility: Eligibility;
  tipHeight: number;
}

export function verifyRace({ params, lead: accepted, commits, eligibility, tipHeight }: RaceInput): StepResult<RaceResult> & { value: RaceResult } {
  const checks: Check[] = [];
  const leadCommit = accepted.commit;
  const hL = leadCommit.inscription.height;
  const span = raceWindow(params, hL);
  const eligible = new Set(eligibility.eligible.map((a) => a.key));
  const seen = new Set<string>();
  const entries: RaceEntry[] = [];
  for (const c of [...commits].sort((a, b) => chainOrder(a.inscription, b.inscription))) {
    const actuary = c.signer;
    let status: CommitStatus;
    if (c === leadCommit) status = 'lead';
    else if (seen.has(actuary)) status = 'repeat';
    else if (c.payload.attempt !== accepted.attempt) status = 'other-attempt';
    else if (actuary === accepted.lead) status = 'repeat';
    else if (!eligible.has(actuary)) status = 'not-eligible';
    else if (c.inscription.height < span.from) status = 'void';
    else if (c.inscription.height > span.to) status = 'late';
    else status = 'counted';
    if (status !== 'other-attempt' && status !== 'not-eligible') seen.add(actuary);
    entries.push({ commit: c, actuary, status });
  }
  const secondaries = entries.filter((e) => e.status === 'counted');
  secondaries.forEach((e, i) => { e.rank = i + 1; });
  const leadEntry = entries.find((e) => e.status === 'lead');
  if (!leadEntry) throw new RangeError('verifyRace: the lead\'s commit is not among the month\'s commits');
  const E = eligibility.eligible.filter((a) => a.key !== accepted.lead).length;
  const quorum = Math.floor(E / 2) + 1;
  const race: RaceResult = { window: span, entries, counted: [leadEntry, ...secondaries], quorum, pending: false };
  for (const e of entries) {
    if (e.status === 'lead') continue;
    const ev = { commit: e.commit.inscription.id, actuary: e.actuary, height: e.commit.inscription.height, position: e.commit.inscription.position, window: span };
    const what: Record<CommitStatus, string> = {
      lead: '', counted: `counted, race rank ${e.rank}`, void: `void: before h_L + ${params.race_delay} = ${span.from}`,
      late: `not counted: after the race window's end ${span.to}`, 'not-eligible': 'not counted: not an eligible actuary',
      repeat: 'not counted: not the actuary\'s first commit', 'other-attempt': `not counted: answers attempt ${e.commit.payload.attempt}`,
    };
    checks.push(passed('race', `commit by ${e.actuary} at ${e.commit.inscription.height}:${e.commit.inscription.position} ${what[e.status]}`, { ...ev, status: e.status, ...(e.rank ? { rank: e.rank } : {}) }));
  }
  if (secondaries.length >= quorum) {
    checks.push(passed('race', `${secondaries.length} counted secondaries of ${E} eligible (quorum ${quorum})`, { counted: secondaries.length, eligible: E, quorum }));
  } else if (tipHeight <= span.to) {
    race.pending = true;
  } else {
    checks.push(failed('race', new VerifyError('RACE_NO_QUORUM', `${secondaries.length} counted secondaries of ${E} eligible; ${quorum} needed`, { counted: secondaries.length, eligible: E, quorum })));
  }
  return { checks, value: race, ...(race.pending ? { pending: `the race window runs to ${span.to}` } : {}) };
}
