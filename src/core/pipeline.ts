/**
 * The month verifier (design §3): fetch layer → plain records → verify steps → report. Each line is one step: what it
 * takes is what the lines above established, what it returns feeds the lines below. Steps add `Check`s (one bad item
 * never hides the others) and skip what earlier steps could not establish; no step changes another's value.
 */
import { failed, type Check, type Step } from './check';
import type { NetworkName } from './chain/network';
import type { EsploraClient } from './esplora/client';
import { createDeadline, DEFAULT_DEADLINE_MS } from './esplora/deadline';
import type { HostsReport } from './esplora/host-book';
import { isUnavailableCode } from './codes';
import { VerifyError } from './errors';
import { fetchMonthSources } from './month/fetch/month-sources';
import type { MonthClient } from './month/fetch/month-client';
import type { MonthRanking } from './month/ranking';
import type { ProofWorkers } from './proof/proof-system';
import { ofType, type FileRecord, type MonthSources } from './month/records';
import { REPORT_VERSION, verdictOf, type AllocationEvidence, type Depth, type HostsSummary, type MonthReport, type NotInTable, type Progress } from './month/report';
import { StepRun } from './month/step-run';
import { verifyAgreement } from './month/steps/agreement';
import { verifyAnchors } from './month/steps/anchors';
import { verifyEligibility } from './month/steps/eligibility';
import { verifyHeaders } from './month/steps/headers';
import { verifyInscriptions, verifyObjects, withObjects } from './month/steps/inscriptions';
import { verifyLotteryAttempts, type LotteryValue, type Round } from './month/steps/lottery';
import { verifyProgram, type ProgramRunner } from './month/steps/program';
import type { Eligibility } from './month/steps/eligibility';

export type { ProgramRunner } from './month/steps/program';
import { agreeingOf, judgePackages, judgementChecks, proofContext, verifyProofKey, type Judgement } from './month/steps/proofs';
import { verifyRanking } from './month/steps/ranking';
import { revealContext, verifyReveal, type OpenedPackage, type RevealResult } from './month/steps/reveal';
import { verifyRewards } from './month/steps/rewards';
import { verifyRoots } from './month/steps/roots';
import { verifySignatures } from './month/steps/signatures';
import { signaturesInputOf } from './month/spenders';
import { readFinalTable, readMonthTables, type FinalTable, type MonthTables } from './month/steps/tables';
import { anchorHeight, monthEnd } from './month/timeline';
import type { AllocationTable } from './table/allocation';

export interface VerifyMonthOptions {
  /** The client; with `withSignal` the month's deadline ends its requests, with `hostsReport` the report names liars. */
  client: MonthClient & Pick<EsploraClient, 'network'> & Partial<Pick<EsploraClient, 'withSignal' | 'hostsReport'>>;
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
  /** Worker threads for the batch proofs (nested Workers in a browser, worker_threads in Node); this thread when absent. */
  proofWorkers?: ProofWorkers;
  /** Sources of earlier months to reuse (`all`). */
  reuse?: Pick<MonthSources, 'reveals' | 'blocks' | 'stakes'>;
  /** Receives the month's fetched sources (e.g. to reuse them for the next month in the same run). */
  onSources?: (src: MonthSources) => void;
  /** How many Esplora requests have been made so far (a counting fetch); reported per month. */
  requestCount?: () => number;
  onProgress?: (p: Progress) => void;
  /** Cancels the run (it then throws FETCH_ABORTED): no verdict. */
  signal?: AbortSignal;
  /** The month's overall deadline (default 5 minutes): when it passes, the month is `unavailable` (FETCH_DEADLINE). */
  deadlineMs?: number;
  randomBytes?: (n: number) => Uint8Array;
}

/** A month's verification: the report, and the final's table when the report verifies it at full depth. */
export interface MonthVerification {
  report: MonthReport;
  /** Every row proven: the final's table of a full-depth `verified` month, with its part bodies as inscribed. */
  table?: VerifiedTable;
}

export interface VerifiedTable extends AllocationTable {
  /** SHA-256 of the concatenated parts (the report's `inputsHashes['table:final']`). */
  sha256: string;
  parts: Uint8Array[];
}

export async function verifyMonth(opts: VerifyMonthOptions): Promise<MonthVerification> {
  const before = opts.requestCount?.() ?? 0;
  const hostsBefore = opts.client.hostsReport?.();
  const deadline = createDeadline(opts.deadlineMs ?? DEFAULT_DEADLINE_MS, opts.signal);
  try {
    const client = opts.client.withSignal?.(deadline.signal) ?? opts.client;
    const run = new StepRun({ ...opts, signal: deadline.signal });
    const src = await run.step('fetch', async () => ({ checks: [], value: await fetchMonthSources(client, { ...opts, ...(opts.checkpoint ? { checkpointHeight: opts.checkpoint.height } : {}) }) }));
    if (src) opts.onSources?.(src);
    const result = src ? await verifyMonthSources(src, opts, run) : monthVerification(run, opts, await run.skip(ALL_STEPS), new Map());
    result.report.requests = (opts.requestCount?.() ?? before) - before;
    const hosts = opts.client.hostsReport?.();
    if (hosts) result.report.hosts = hostsSummary(hostsBefore, hosts);
    return result;
  } finally {
    deadline.dispose();
  }
}

/** Retries and refusals of this month (the difference of the client's counters), and every liar caught so far. */
function hostsSummary(before: HostsReport | undefined, after: HostsReport): HostsSummary {
  return {
    retries: after.totals.retries - (before?.totals.retries ?? 0),
    rateLimited: after.totals.rateLimited - (before?.totals.rateLimited ?? 0),
    liars: after.liars,
  };
}

/** The verify steps over fetched sources, in the protocol's order; nothing here does I/O but the program runner. */
export type VerifySourcesOptions = Omit<VerifyMonthOptions, 'client' | 'reuse' | 'onSources' | 'requestCount'> & { client: Pick<EsploraClient, 'network' | 'hosts'> };

export async function verifyMonthSources(src: MonthSources, opts: VerifySourcesOptions, run = new StepRun(opts)): Promise<MonthVerification> {
  const { network, genesisId, month, depth, user } = opts;
  const tipHeight = src.tipHeight;
  await run.step('anchors', () => verifyAnchors({ network, genesisId, client: { network: opts.client.network.name, hosts: opts.client.hosts }, checkpoint: opts.checkpoint, blocks: src.blocks }));
  const blocks = await run.step('headers', () => verifyHeaders({ blocks: src.blocks, network: opts.client.network })) ?? new Map();
  const records = await run.step('inscriptions', () => verifyInscriptions({ reveals: src.reveals, blocks, failures: src.failures })) ?? new Map();
  // Quick depth: files taken by the SHA-256 their signed messages name (§2.4); they are read, never ordered.
  const byHash = src.objects;
  const files = withObjects(records, byHash && await run.step('inscriptions', () => verifyObjects(byHash)));
  const signed = await run.step('signatures', () => verifySignatures(signaturesInputOf(src, records)));
  if (!signed) return monthVerification(run, opts, await run.skip(AFTER_SIGNATURES), files);

  const { genesis, final, previous } = signed;
  const { params } = genesis;
  const anchor = anchorHeight(params, month);
  const current = signed.messages.current;
  const commits = ofType(current, 'commit');
  const reveals = ofType(current, 'reveal');
  const { copies } = signed.messages;
  // The month's numbers first: the tables it rests on and the pinned program's run on them (§8); then the key.
  const tables = await run.step('program', () => readMonthTables({ genesis, month, records: files, previous, inputs: ofType(current, 'inputs'), anchor }));
  const numbers = await run.step('program', () => tables && verifyProgram({ depth, month, genesis, records: files, tables, run: opts.runProgram }));
  const key = await run.step('proofs', () => verifyProofKey({ genesis, records: files }));
  const proofCtx = key && tables && numbers && proofContext({ month, batchSize: params.batch_size, key, tables, numbers, user, quick: depth === 'quick', randomBytes: opts.randomBytes, onProgress: (done, total) => run.count('proofs', done, total), signal: opts.signal, workers: opts.proofWorkers });
  const judge = proofCtx ? (lead: OpenedPackage, agreeing: readonly OpenedPackage[]) => judgePackages(proofCtx, numbers, lead, agreeing) : undefined;
  const context = revealContext(network, genesisId, month, genesis, tipHeight);

  let round: Round | undefined;
  let lottery: LotteryValue | undefined;
  let eligibility: Eligibility | undefined;
  let reveal: RevealResult | undefined;
  let judgement: Judgement | undefined;
  if (depth === 'full') {
    eligibility = await run.step('eligibility', () => verifyEligibility({ depth, anchor, tipHeight, minStake: params.min_stake, registers: ofType(signed.messages.setup, 'register'), stakes: src.stakes }));
    const eligible = eligibility;
    lottery = await run.step('lottery', () => eligible && verifyLotteryAttempts({
      network, genesisId, month, genesis, anchor, anchorBlock: blocks.get(anchor), tipHeight, lotteries: ofType(current, 'lottery'), commits, reveals, copies, eligibility: eligible, final: final?.payload, ...(judge ? { judge } : {}),
    }, context));
    round = lottery?.round;
    const r = round;
    await run.step('race', () => r && { checks: r.raceChecks, value: r.race });
    reveal = await run.step('reveal', () => r && { checks: r.revealChecks, value: r.reveal });
    judgement = r?.judgement;
    const j = judgement;
    await run.step('proofs', () => r?.leadPackage && j && { checks: judgementChecks(j, r.leadPackage, agreeingOf(r), false, r.fault !== undefined), value: j });
  } else {
    reveal = await run.step('reveal', () => verifyReveal({ context, reveals, final, commits, copies }));
    const lead = reveal?.packages[0];
    judgement = lead?.status === 'valid' && judge ? await judge(lead, []) : undefined;
    const j = judgement;
    await run.step('proofs', () => lead && j && { checks: judgementChecks(j, lead, [], true), value: j });
  }
  const agreement = await run.step('agreement', () => verifyAgreement({ depth, final, reveal, lead: lottery?.lead, invalid: judgement?.invalid, monthEnd: monthEnd(params, month), superMajority: params.super_majority }));
  const finalTable = final && await readFinalTable(final, files, agreement?.lead?.pkg?.tableSha256);
  const depositor = await run.step('roots', () => verifyRoots({ depth, month, batchSize: params.batch_size, final, finalTable, ...(numbers?.table ? { programTable: numbers.table } : {}), previous, user, leadBatchRoots: judgement?.leadPublics?.map((b) => b.newBatchRoot), tables, ...(numbers ? { numbers } : {}), startMonth: params.start_month }));
  const roundInput = lottery && round && reveal && agreement && tables?.previous !== undefined
    ? { lottery: lottery.lottery, lead: round.lead, race: round.race, reveal, agreement, invalid: judgement?.invalid ?? new Map(), previous: tables.previous } : undefined;
  const rewards = await run.step('rewards', () => verifyRewards({ depth, params, final: final?.payload, round: roundInput }));
  const ranking = await run.step('ranking', () => verifyRanking({ month, hasFinal: final !== undefined, tipHeight, monthEnd: monthEnd(params, month), ranked: eligibility && roundInput && rewards && { eligibility, round: roundInput, rewards } }));
  return monthVerification(run, opts, { ranking, ...depositor, tables, finalTable }, files);
}

/** The steps after "signatures", skipped when the month's messages could not be read. */
const AFTER_SIGNATURES: Step[] = ['eligibility', 'lottery', 'race', 'reveal', 'agreement', 'proofs', 'program', 'roots', 'rewards', 'ranking'];

/** Every step after the fetch, not run when the fetch itself could not obtain the month's data. */
const ALL_STEPS: Step[] = ['anchors', 'headers', 'inscriptions', 'signatures', ...AFTER_SIGNATURES];

/** Why a month is unavailable: what ended the run, else the first check that failed for want of data. */
function unavailableReason(run: StepRun, checks: readonly Check[]): string {
  const first = checks.find((c) => !c.ok && isUnavailableCode(c.code));
  return run.unavailableReason ?? (first ? `${first.code}: ${first.message}` : 'the data could not be obtained');
}

/** The report (and the verified table) from what the steps established. */
function monthVerification(
  run: StepRun, opts: Pick<VerifyMonthOptions, 'network' | 'genesisId' | 'month' | 'depth'>, found: { ranking?: MonthRanking; allocation?: AllocationEvidence; notInTable?: NotInTable; tables?: MonthTables; finalTable?: FinalTable },
  records: ReadonlyMap<string, FileRecord>,
): MonthVerification {
  const { network, genesisId, month, depth } = opts;
  const pending = run.pendingReason !== undefined;
  const checks = pending ? run.checks : [...run.checks, ...missingSteps(run.checks, depth)];
  const table = found.finalTable && !('error' in found.finalTable) ? found.finalTable : undefined;
  const verdict = verdictOf(checks, pending);
  const report: MonthReport = {
    version: REPORT_VERSION, network, genesis: genesisId, month, depth, verdict,
    ...(verdict === 'pending' ? { pendingReason: run.pendingReason } : {}), ...(verdict === 'unavailable' ? { unavailableReason: unavailableReason(run, checks) } : {}),
    checks, timings: run.timings, ranking: found.ranking ?? null, ...(found.allocation ? { allocation: found.allocation } : {}), ...(found.notInTable ? { notInTable: found.notInTable } : {}),
    inputsHashes: {
      ...Object.fromEntries([...records.values()].map((r) => [r.id, r.bodySha256])),
      ...(found.tables?.inputs ? { 'table:inputs': found.tables.inputs.sha256 } : {}), ...(table ? { 'table:final': table.sha256 } : {}),
    },
    requests: 0,
  };
  const verified = table && depth === 'full' && report.verdict === 'verified';
  return { report, ...(verified ? { table: { ...table.table, sha256: table.sha256, parts: table.parts } } : {}) };
}

/**
 * Steps a finished month must have passed at each depth (the fetch step reports only failures); a step that produced
 * no check cannot count as verified.
 */
const REQUIRED: Record<Depth, Check['step'][]> = {
  quick: ['anchors', 'headers', 'inscriptions', 'signatures', 'reveal', 'agreement', 'proofs', 'roots'],
  full: ['anchors', 'headers', 'inscriptions', 'signatures', 'eligibility', 'lottery', 'race', 'reveal', 'agreement', 'proofs', 'program', 'roots', 'rewards'],
};

function missingSteps(checks: readonly Check[], depth: Depth): Check[] {
  if (checks.some((c) => !c.ok)) return [];
  const done = new Set(checks.map((c) => c.step));
  return REQUIRED[depth].filter((step) => !done.has(step)).map((step) =>
    failed(step, new VerifyError('PIPELINE_STEP_MISSING', `the "${step}" check produced no result, so the month cannot be called verified`, { step, depth })));
}

