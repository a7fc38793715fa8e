/**
 * The month verifier (design §3), in order: fetch layer → plain records → verifyX steps → report. Each stage adds
 * `Check`s; one bad item never hides the others; later stages skip what earlier ones could not establish.
 */
import { failed, type Check, type Step } from './check';
import { VerifyError } from './errors';
import { monthEnd } from './month/timeline';
import { REPORT_VERSION, verdictOf, type MonthReport } from './month/report';
import { stageAnchors, stageFetch, stageHeaders, stageInscriptions, stageSignatures } from './month/stages-chain';
import { stageAgreement, stageEligibility, stageLottery, stageRace, stageReveal } from './month/stages-round';
import { stageProgram, stageProofs, stageRewards, stageRanking, stageRoots } from './month/stages-result';
import type { MonthState, VerifyMonthOptions } from './month/state';

export type { VerifyMonthOptions } from './month/state';

export async function verifyMonth(opts: VerifyMonthOptions): Promise<MonthReport> {
  const s: MonthState = { opts, checks: [], blocks: new Map(), records: new Map(), invalid: new Set(), tables: {}, ranking: null, pending: false, inputsHashes: {} };
  const timings: MonthReport['timings'] = {};
  const before = opts.requestCount?.() ?? 0;
  const step = async (name: Step, fn: (s: MonthState) => unknown) => {
    opts.signal?.throwIfAborted();
    opts.onProgress?.({ step: name, status: 'running', ms: 0 });
    const t0 = performance.now();
    const checks = ((await fn(s)) ?? []) as MonthReport['checks'];
    const ms = (timings[name] = (timings[name] ?? 0) + performance.now() - t0);
    s.checks.push(...checks);
    opts.onProgress?.({ step: name, status: checks.length === 0 ? 'skipped' : checks.every((c) => c.ok) ? 'done' : 'failed', ms });
  };

  await step('fetch', stageFetch);               // marker listings, reveals, commit txs, blocks, stakes
  await step('anchors', stageAnchors);           // network, genesis id, checkpoint
  await step('headers', stageHeaders);           // PoW of every block + block hash at height across hosts
  await step('inscriptions', stageInscriptions); // Merkle inclusion (position) + BIP341 witness binding
  await step('signatures', stageSignatures);     // strict messages, BIP340, FROST key, who may sign what
  await step('eligibility', stageEligibility);   // registered below A_m, stake P2TR ≥ min, unspent at A_m
  await step('lottery', stageLottery);           // BLS beacon per attempt, stake-weighted lead, deadlines
  await step('race', stageRace);                 // h_L + 7 … window, rank by (height, position), quorum
  await step('reveal', stageReveal);             // window, exact key set, KEM re-check, AEAD, inner signature
  await step('agreement', stageAgreement);       // final names the lead and its root; super-majority
  await step('proofs', stageProofs);             // batch proofs, Σ partials, previous and inputs roots
  await step('program', stageProgram);           // pinned WASM re-run = final table, F, W, R, q
  await step('roots', stageRoots);               // rows → month root (or the depositor's path), month log
  await step('rewards', stageRewards);           // recomputed rewards and penalties = the final's
  await step('ranking', (x) => stageRanking(x, x.genesis && monthEnd(x.genesis.params, opts.month)));
  if (!s.pending) s.checks.push(...missingSteps(s.checks, opts.depth));

  return {
    version: REPORT_VERSION, network: opts.network, genesis: opts.genesisId, month: opts.month, depth: opts.depth,
    verdict: verdictOf(s.checks, s.pending), ...(s.pending && s.pendingReason ? { pendingReason: s.pendingReason } : {}),
    checks: s.checks, timings, ranking: s.ranking, ...(s.allocation ? { allocation: s.allocation } : {}),
    inputsHashes: s.inputsHashes, requests: (opts.requestCount?.() ?? before) - before,
  };
}

/**
 * Steps a finished month must have passed at each depth (the fetch step reports only failures); a step that produced
 * no check cannot count as verified.
 */
const REQUIRED: Record<VerifyMonthOptions['depth'], Step[]> = {
  quick: ['anchors', 'headers', 'inscriptions', 'signatures', 'reveal', 'agreement', 'proofs', 'roots'],
  full: ['anchors', 'headers', 'inscriptions', 'signatures', 'eligibility', 'lottery', 'race', 'reveal', 'agreement', 'proofs', 'program', 'roots', 'rewards'],
};

function missingSteps(checks: readonly Check[], depth: VerifyMonthOptions['depth']): Check[] {
  if (checks.some((c) => !c.ok)) return [];
  const done = new Set(checks.map((c) => c.step));
  return REQUIRED[depth].filter((step) => !done.has(step)).map((step) =>
    failed(step, new VerifyError('PIPELINE_STEP_MISSING', `the "${step}" check produced no result, so the month cannot be called verified`, { step, depth })));
}
