/** Pipeline stages of the result: proofs, WASM re-execution, roots and month log, rewards and penalties, ranking. */
import { passed, failed, type Check } from '../check';
import { allocationBatchRoots, batchCount, inputsBatchRoots } from '../commit/batches';
import { userIdField } from '../commit/user-id';
import { VerifyError } from '../errors';
import { runAllocationProgram } from '../program/host';
import { computeMonth } from '../program/reference';
import { proofSystemFor } from '../proof/proof-system';
import { ALLOCATION } from '../table/allocation';
import { INPUTS } from '../table/inputs';
import { mortalityLookup } from '../table/mortality-lookup';
import { utf8 } from '../bytes';
import { monthInput } from './month-input';
import { anchorHeight } from './timeline';
import { selectInputs } from './select-inputs';
import { objectBody, tableFromRef } from './tables';
import { ofType } from './verify-messages';
import { superMajority } from './verify-agreement';
import { verifyProofs } from './verify-proofs';
import { verifyProgram } from './verify-program';
import { verifyDepositor, verifyLog, verifyTableRoot } from './verify-roots';
import { verifyRewards, type Outcome } from './verify-rewards';
import type { MonthState } from './state';
import type { MonthActuary } from './ranking';
import { parseTable } from '../table/table-file';
import { MORTALITY } from '../table/mortality';

/** Run a stage body; a VerifyError (e.g. a table that does not parse) becomes one failed check of that step. */
async function guarded(step: Check['step'], fn: () => Promise<Check[]> | Check[]): Promise<Check[]> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof VerifyError) return [failed(step, e)];
    throw e;
  }
}

async function finalTable(s: MonthState) {
  if (!s.tables.final) {
    const { table, sha256 } = await tableFromRef(ALLOCATION, s.final!.payload.table, s.records);
    s.tables.final = table;
    s.inputsHashes['table:final'] = sha256;
    const lead = s.agreement?.lead?.pkg;
    if (lead && lead.tableSha256 !== sha256) throw new VerifyError('TABLE_HASH_MISMATCH', 'the final table is not the one the lead\'s package names', { table: sha256, package: lead.tableSha256 });
  }
  return s.tables.final;
}

/** Last month's table, this month's inputs, the mortality table, and the reference computation (full mode). */
async function monthTables(s: MonthState) {
  const o = s.opts;
  if (s.tables.previous === undefined) {
    if (s.previousMonth! >= 1 && !s.previousFinal) throw new VerifyError('TABLE_PREVIOUS_MISSING', `month ${s.previousMonth}'s final (confirmed by its end) was not found: the previous table is unknown`, { month: s.previousMonth });
    s.tables.previous = s.previousFinal ? (await tableFromRef(ALLOCATION, s.previousFinal.payload.table, s.records)).table : null;
    const inputsMsg = selectInputs(ofType(s.messages!.current, 'inputs'), anchorHeight(s.genesis!.params, o.month));
    const inputs = await tableFromRef(INPUTS, inputsMsg.payload.table, s.records);
    s.tables.inputs = inputs.table;
    s.inputsHashes['table:inputs'] = inputs.sha256;
    const mortality = await parseTable(MORTALITY, objectBody(s.records, s.genesis!.mortality_table, 'mortality table'));
    s.tables.mortality = mortalityLookup(mortality);
    s.reference = computeMonth(monthInput(s.genesis!.params.start_month, o.month, s.tables.previous ?? undefined, s.tables.inputs, s.tables.mortality));
  }
  return s.tables;
}

export async function stageProofs(s: MonthState): Promise<Check[]> {
  const lead = s.agreement?.lead;
  if (!lead || lead.status !== 'valid') return [];
  return guarded('proofs', async () => {
    const g = s.genesis!;
    const system = proofSystemFor(g.proof_system);
    const vkeyBody = objectBody(s.records, g.verification_keys[0]!, 'verification key');
    let vkeyInput: unknown = vkeyBody;
    const text = utf8.decodeStrict(vkeyBody);
    if (text !== undefined && text.trimStart().startsWith('{')) {
      try { vkeyInput = JSON.parse(text); } catch { throw new VerifyError('PROOF_KEY_MALFORMED', 'the verification key is not JSON', {}); }
    }
    const key = system.parseVerifyingKey(vkeyInput);
    const B = g.params.batch_size;
    const t = await monthTables(s);
    const count = batchCount(t.inputs!.rows, B);
    // Quick mode: only the depositor's batch is recomputed and proven; full mode: every batch.
    let only: number | undefined;
    if (s.opts.depth === 'quick') {
      const row = s.opts.user === undefined ? -1 : t.inputs!.userIds.indexOf(s.opts.user);
      only = row < 0 ? 0 : Math.floor(row / B);
    }
    const slice = <T>(rows: T[]): T[] => (only === undefined ? rows : rows.slice(only * B, (only + 1) * B));
    const offset = only === undefined ? [] : Array<bigint>(only).fill(0n);
    const prevAll = t.previous ? t.previous.userIds.map((u, i) => ({ uid: userIdField(u), allocation: t.previous!.allocations[i]! })) : [];
    const inputsAll = t.inputs!.userIds.map((u, i) => ({ uid: userIdField(u), alive: t.inputs!.alive[i] === 1, deposit: t.inputs!.deposit[i]!, q: BigInt(s.reference!.q[i]!) }));
    const prevBatchRoots = [...offset, ...allocationBatchRoots(s.opts.month - 1, slice(prevAll), B, only === undefined ? count : 1)];
    const inputsRoots = [...offset, ...inputsBatchRoots(slice(inputsAll), B)];
    const ctx = {
      system, key, month: s.opts.month, batchCount: count, prevBatchRoots, inputsBatchRoots: inputsRoots,
      ...(only === undefined ? {} : { onlyBatch: only }), ...(s.opts.randomBytes ? { randomBytes: s.opts.randomBytes } : {}),
    };
    const r = verifyProofs(ctx, lead, s.opts.depth === 'quick' ? [] : s.agreement!.agreeing);
    s.invalid = r.invalid;
    if (r.leadPublics) s.leadPublics = r.leadPublics;
    const a = s.agreement!;
    if (r.invalid.size > 0) {
      a.agreeing = a.agreeing.filter((p) => !r.invalid.has(p));
      r.checks.push(superMajority(a, g.params.super_majority));
    }
    return r.checks;
  });
}

export async function stageProgram(s: MonthState): Promise<Check[]> {
  if (s.opts.depth === 'quick' || !s.final || !s.reference || !s.tables.inputs) return [];
  return guarded('program', async () => {
    const g = s.genesis!;
    const wasm = objectBody(s.records, g.program, 'allocation program');
    const table = await finalTable(s);
    const input = monthInput(g.params.start_month, s.opts.month, s.tables.previous ?? undefined, s.tables.inputs!, s.tables.mortality!);
    return verifyProgram(s.opts.runProgram ?? ((w, i) => runAllocationProgram(w, i)), wasm, input, table, s.leadPublics, s.reference!.q);
  });
}

export async function stageRoots(s: MonthState): Promise<Check[]> {
  const final = s.final?.payload;
  if (!final || !s.genesis) return [];
  return guarded('roots', async () => {
    const B = s.genesis!.params.batch_size;
    const table = await finalTable(s);
    const checks: Check[] = [];
    if (s.opts.depth === 'quick') {
      if (s.opts.user !== undefined && s.leadPublics) {
        const d = verifyDepositor(s.opts.month, table, B, final.root, s.leadPublics.map((b) => b.newBatchRoot), s.opts.user);
        checks.push(d.check);
        if (d.allocation) s.allocation = d.allocation;
      }
      return checks;
    }
    if (s.tables.inputs && (table.rows !== s.tables.inputs.rows || table.userIds.some((u, i) => u !== s.tables.inputs!.userIds[i]))) {
      checks.push(failed('roots', new VerifyError('TABLE_ROW_ORDER', 'the final table\'s rows are not the inputs table\'s rows', { final: table.rows, inputs: s.tables.inputs.rows })));
    }
    checks.push(verifyTableRoot(s.opts.month, table, B, final.root));
    if (s.previousMonth! >= 1 && !s.previousFinal) {
      checks.push(failed('roots', new VerifyError('MERKLE_PREVIOUS_MISSING', `month ${s.previousMonth}'s final (the previous log head, confirmed by its end) was not found`, { month: s.previousMonth })));
    } else {
      const prev = s.previousFinal?.payload.log;
      checks.push(verifyLog(prev ? { size: prev.size, root: prev.root } : undefined, final.log, s.opts.month, final.root));
    }
    return checks;
  });
}

function outcomeOf(s: MonthState): Outcome | undefined {
  const a = s.agreement;
  if (!a?.lead || !s.lottery?.accepted || !s.race || s.tables.previous === undefined) return undefined;
  const pk = s.reveal!.packages;
  const keysOf = (status: string) => pk.filter((p) => p.entry.status === 'counted' && p.status === status).map((p) => p.entry.actuary);
  return {
    previousAum: s.tables.previous?.total ?? 0n,
    lead: s.lottery.accepted.lead,
    agreeing: a.agreeing.map((p) => p.entry.actuary),
    missed: s.lottery.missed,
    void: s.race.entries.filter((e) => e.status === 'void').map((e) => e.actuary),
    disagreed: a.disagreeing.filter((p) => !s.invalid.has(p)).map((p) => p.entry.actuary),
    invalid: [...keysOf('invalid'), ...[...s.invalid].filter((p) => p.entry.status === 'counted').map((p) => p.entry.actuary)],
    copied: keysOf('copied'),
    unopenable: keysOf('unopenable'),
  };
}

export function stageRewards(s: MonthState): Check[] {
  const final = s.final?.payload;
  const o = final && s.opts.depth === 'full' ? outcomeOf(s) : undefined;
  if (!final || !o) return [];
  const { checks, rewards, penalties } = verifyRewards(s.genesis!.params, o, final);
  const stake = new Map(s.eligibility!.eligible.map((a) => [a.key, a.stake]));
  const total = [...stake.values()].reduce((x, y) => x + y, 0n);
  const role = (k: string): MonthActuary['role'] => (k === o.lead ? 'lead' : s.race!.counted.some((e) => e.actuary === k) ? 'secondary' : o.missed.includes(k) ? 'missed-lead' : 'eligible');
  const pkgOf = (k: string) => s.reveal!.packages.find((p) => p.entry.actuary === k);
  s.ranking = {
    month: s.opts.month, lead: o.lead, attempt: s.lottery!.accepted!.attempt,
    links: s.eligibility!.eligible.flatMap((a) => a.linkedFrom.map((old, i): [string, string] => [old, a.linkedFrom[i + 1] ?? a.key])),
    actuaries: s.eligibility!.eligible.map((a) => {
      const p = pkgOf(a.key);
      const r = role(a.key);
      return {
        key: a.key, role: r, ...(s.race!.counted.find((e) => e.actuary === a.key)?.rank ? { rank: s.race!.counted.find((e) => e.actuary === a.key)!.rank! } : {}),
        stake: a.stake.toString(), lotteryPpm: total ? Number((a.stake * 1_000_000n) / total) : 0,
        agreed: r === 'secondary' && p && (p.status === 'valid' || p.status === 'invalid') ? o.agreeing.includes(a.key) : null,
        packageStatus: p ? (s.invalid.has(p) ? 'invalid' : p.status) : null,
        reward: rewards.find((x) => x.actuary === a.key)?.sats ?? 0,
        penalties: penalties.filter((x) => x.actuary === a.key).map(({ reason, sats }) => ({ reason, sats })),
      };
    }),
  };
  return checks;
}

/** The month is finished: a final exists, or the month's end is passed (no final: failed), or it is pending. */
export function stageRanking(s: MonthState, monthEndHeight: number | undefined): Check[] {
  if (s.final || !s.genesis) return s.ranking ? [passed('ranking', `ranking data for ${s.ranking.actuaries.length} eligible actuaries`, { lead: s.ranking.lead })] : [];
  if (monthEndHeight !== undefined && s.src!.tipHeight <= monthEndHeight) {
    s.pending = true;
    s.pendingReason ??= `no final yet; the month can finish until height ${monthEndHeight}`;
    return [];
  }
  return [failed('ranking', new VerifyError('AGREEMENT_NO_FINAL', `month ${s.opts.month} has no final and its last window ended at ${monthEndHeight}`, { monthEnd: monthEndHeight, tip: s.src!.tipHeight }))];
}
