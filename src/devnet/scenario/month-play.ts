/**
 * One month of the scenario, block by block (docs/protocol.md §6): the Proof-of-Life inputs in the anchor block, then
 * attempts — the lottery, the drawn lead's commit, the secondaries' race, the group's reveal; an attempt whose lead
 * misses its window or commits a package that is not valid fails and the lottery draws again — and the accepted
 * attempt's final. A `MonthScript` (scripts.ts) names who deviates and how; everything else is played honestly.
 */
import { bytesToHex, sha256 } from '../../core/bytes';
import { byteLength } from '../../core/crypto/bigint-math';
import { combinePartials, partialSign } from '../../core/crypto/threshold-bls';
import { anchorHeight, monthEnd, raceWindow, revealWindow } from '../../core/month/timeline';
import { lotteryPoint, verifyLottery } from '../../core/protocol/lottery';
import { buildMessage, CONTENT_TYPES } from '../../core/protocol/message';
import { monthLogStep } from '../../core/protocol/month-log';
import type { FinalPayload, PenaltyReason, RevealPayload, TableRef } from '../../core/protocol/payloads';
import { selectLead } from '../../core/protocol/selection';
import { ALLOCATION, INPUTS, splitIntoParts, type InputsRow } from '../../core/table';
import { isEligible, register, spendStake, type Actuary } from './actors';
import { commitPackage, copyCommit, disputeFor, type CommitRecord } from './commits';
import { buildGroupMessage, roastSignDigest, type GroupSigner, type RoastOutcome } from './frost-sign';
import { computeAllocation, type MonthResult } from './month-compute';
import type { Outsider } from './outsider';
import { hex32 } from './package';
import type { ScenarioProof } from './proofs';
import { Rng } from './rng';
import type { MonthScript, PackageFault, PackageKind, SecondaryScript } from './scripts';
import { NETWORK, publishOn, sortedByKey, type MonthRecord, type World } from './world';
import type { Published } from './chain-io';

export interface MonthOptions {
  /** The month in progress at the tip: stop after the accepted lead's commit. */
  pending: boolean;
  signers: GroupSigner[];
  /** The third party writing to the markers when the script says so. */
  outsider?: Outsider;
}

interface Attempt {
  attempt: number;
  lead: CommitRecord;
  /** Every commit of the attempt's race (the lead's excluded), in chain order. */
  commits: CommitRecord[];
  /** What the group counts: the lead first, then the counted secondaries in race order. */
  counted: CommitRecord[];
  reveal?: { payload: RevealPayload; bytes: Uint8Array; outcome: RoastOutcome; height: number };
}

const order = (a: CommitRecord, b: CommitRecord): number => a.height - b.height || a.pos - b.pos;

/** What a package's status earns its committer (§10); undefined: nothing. */
export function penaltyOf(kind: PackageKind, lead: boolean): PenaltyReason | undefined {
  if (kind === 'honest') return undefined;
  if (kind === 'copy') return 'copied_package';
  if (kind === 'unopenable' || kind === 'broken-kem') return 'unopenable';
  // A secondary whose package opens with another root disagrees (its proofs are not checked, §6.7).
  if (!lead && (kind === 'wrong-root' || kind === 'root-mismatch')) return 'disagreed';
  return 'invalid_package';
}

export async function playMonth(w: World, m: number, s: MonthScript, opts: MonthOptions): Promise<MonthRecord> {
  const { io, params } = w;
  const A = anchorHeight(params, m);
  const rec: MonthRecord = { month: m, anchor: A, marker: w.marker(m), events: [], txids: [] };
  w.records.push(rec);
  const publish = (body: Uint8Array, type: string = CONTENT_TYPES.message) => publishOn(w, m, body, type);
  await io.mineTo(A - 1);

  // Stakes spent in the anchor block (adversarial): one secondary that will still race, or every actuary's.
  const minStake = BigInt(params.min_stake);
  const spent: Actuary[] = [];
  if (s.spendStakes) {
    const eligible = sortedByKey(w.actuaries.filter((a) => isEligible(a, A, minStake)));
    for (const a of s.spendStakes === 'one' ? eligible.slice(0, 1) : eligible) {
      await spendStake(io, a);
      a.spentAt = A;
      spent.push(a);
      rec.events.push(`adversarial: stake of ${a.key.pub} spent at the anchor ${A}`);
    }
  }

  // Proof-of-Life inputs, confirmed in the anchor block (or later, or never: adversarial).
  const rows = w.population.monthRows(m);
  const inputs = s.inputs?.swapRows ? swapRows(rows) : rows;
  if (s.inputs?.swapRows) rec.events.push('adversarial: inputs rows 1 and 2 swapped against the previous table');
  let inputsId = '';
  const publishInputs = async (): Promise<void> => {
    const ref = await publishTable(w, m, INPUTS, inputs, s.inputs?.part);
    inputsId = (await publish(buildMessage('inputs', { network: NETWORK, genesis: w.genesis, month: m, signer: w.pol.pub, table: ref }, w.pol.secret))).id;
  };
  if (!s.inputs?.timing) await publishInputs();
  await io.mine(1);
  if ((await io.tip()) !== A) throw new Error(`month ${m}: the anchor block is not ${A}`);
  if (s.inputs?.timing === 'late') await publishInputs();
  if (s.inputs?.timing) rec.events.push(`adversarial: inputs ${s.inputs.timing === 'late' ? `confirmed at ${A + 1}, after the anchor` : 'never published'}`);
  if (w.intruder && w.intruderKind === 'registered-late' && s.intruderCommits) {
    await register(io, w.genesis, w.marker(0), w.intruder);
    rec.events.push(`adversarial: ${w.intruder.key.pub} registers after the anchor ${A}`);
  }

  const eligibleAtA = sortedByKey(w.actuaries.filter((a) => isEligible(a, A, minStake)));
  const status = async (phase: string, height: number, extra: Record<string, unknown> = {}): Promise<void> => {
    await w.presence.status(w.genesis, m, eligibleAtA, { phase, height, ...extra }, await io.blockTime(height));
  };
  const honest = computeAllocation({ month: m, startMonth: params.start_month, batchSize: w.batchSize, prev: w.prevRows, inputs, mortality: w.mortality });
  w.log(`month ${m}: ${inputs.length} rows, ${honest.witness.batches.length} batches; proving…`);
  const proofs = await w.prover.proveAll(honest.witness.batches.map((b) => b.circuitInput), w.log);
  const wrongRoot = (): MonthResult => perturbed(w, m, inputs);

  // Attempts: lottery, lead commit, race, reveal; an attempt whose lead fails is followed by the next (§6.4).
  const failed: { actuary: Actuary; reason: PenaltyReason }[] = [];
  let start = A;
  let invalid = 0;
  let accepted: Attempt | undefined;
  for (let a = 0; a < params.max_attempts && !accepted; a++) {
    const lotteryAt = s.lottery === 'late' && a === 0 ? start + params.lead_window + 1 : start + 1;
    await io.mineTo(lotteryAt - 1);
    const R = await publishLottery(w, m, a, s.lottery === 'never' && a === 0);
    await io.mine(1);
    await status('lottery', await io.tip(), { attempt: a });
    if (s.stopAfterLottery) {
      await io.mineTo(monthEnd(params, m) + 1);
      rec.events.push(`adversarial: nothing published after attempt 0's lottery; the month ends at ${monthEnd(params, m)}`);
      return rec;
    }
    const draw = selectLead(R, a, eligibleAtA.map((x) => ({ key: x.key.pub, stake: x.stake.value })), new Set(failed.map((f) => f.actuary.key.pub)));
    const chosen = w.actuaries.find((x) => x.key.pub === draw.lead)!;
    if (a < (s.missedLeads ?? 0)) {
      rec.events.push(`missed_deadline: attempt ${a} lead ${chosen.key.pub} did not commit by ${start + params.lead_window}`);
      failed.push({ actuary: chosen, reason: 'missed_deadline' });
      start += params.lead_window;
      continue;
    }
    const fault: PackageFault | undefined = s.invalidLeads?.[invalid];
    if (s.leadLate) await io.mineTo(start + params.lead_window);
    const lead = await commitPackage(w, m, chosen, fault ?? 'honest', honest, proofs, a, 'lead');
    await io.mine(1);
    Object.assign(lead, await io.position(lead.published.revealTxid));
    rec.lead = chosen.key.pub;
    rec.attempt = a;
    await status('commit', lead.height, { attempt: a, lead: chosen.key.pub });
    if (opts.pending) {
      rec.events.push(`pending: lottery and lead commit at ${lead.height}; no race, reveal or final yet`);
      return rec;
    }
    const racers = eligibleAtA.filter((x) => x !== chosen && !failed.some((f) => f.actuary === x));
    const attempt = await playRace(w, m, s, a, lead, racers, eligibleAtA.length - 1, spent, honest, proofs, wrongRoot, s.outsider ? opts.outsider : undefined);
    await status('race', raceWindow(params, lead.height).from, { commits: attempt.counted.length - 1 });
    if (s.group?.reveal !== 'never') attempt.reveal = await playReveal(w, m, s, attempt, opts.signers, inputsId);
    if (fault && !s.group?.keepInvalidLead) {
      const reason = penaltyOf(fault, true)!;
      failed.push({ actuary: chosen, reason });
      rec.events.push(`invalid_lead: attempt ${a} lead ${chosen.key.pub} committed a package that is not valid (${fault}); the group revealed it at ${attempt.reveal!.height} and the lottery draws again (${reason})`);
      start = attempt.reveal!.height;
      invalid++;
      continue;
    }
    accepted = attempt;
  }
  if (!accepted) throw new Error(`month ${m}: every attempt failed`);
  await playFinal(w, m, s, rec, accepted, failed, honest, opts.signers, status);
  if (s.group?.reveal === 'never') {
    // Without a reveal the month's fate is known once the accepted attempt's reveal window has closed.
    const last = Math.max(...accepted.counted.map((c) => c.height));
    const closed = revealWindow(params, accepted.lead.height, last).to + 1;
    if ((await io.tip()) < closed) await io.mineTo(closed);
  }
  return rec;
}

/** The race of one attempt: void commits, two waves from `h_L + race_delay`, late and repeated commits, a copy. */
async function playRace(
  w: World, m: number, s: MonthScript, attempt: number, lead: CommitRecord, secondaries: Actuary[], E: number, spent: Actuary[],
  honest: MonthResult, proofs: readonly ScenarioProof[], wrongRoot: () => MonthResult, outsider?: Outsider,
): Promise<Attempt> {
  const { io, params } = w;
  const hL = lead.height;
  const race = raceWindow(params, hL);
  const racing = secondaries.filter((a) => a.racing);
  const roles = new Map<Actuary, SecondaryScript>(racing.map((a, i) => [a, s.secondaries?.[i] ?? {}]));
  for (const a of racing.slice(racing.length - (s.absent ?? 0))) roles.set(a, { timing: 'absent' });
  // Keys the protocol does not let race, played by a dishonest group that counts them.
  for (const a of spent.filter((x) => s.spendStakes === 'one' && x !== lead.actuary)) roles.set(a, { countedByGroup: true });
  if (s.intruderCommits && w.intruder) roles.set(w.intruder, { countedByGroup: true });
  const timingOf = (a: Actuary): string => roles.get(a)?.timing ?? 'race';
  const resultOf = (r: SecondaryScript): MonthResult => (r.package === 'wrong-root' ? wrongRoot() : honest);
  const commit = (a: Actuary, r: SecondaryScript, at: number, timing: CommitRecord['timing']) =>
    // An agreeing secondary publishes distinct valid proofs of the same batches (re-randomised copies).
    commitPackage(w, m, a, r.package ?? 'honest', resultOf(r), (r.package ?? 'honest') === 'honest' ? w.prover.distinctFor(proofs, `${m}/${a.key.pub}`) : proofs, at, timing).then((c) => Object.assign(c, r.countedByGroup ? { countedByGroup: true } : {}));
  const commits: CommitRecord[] = [];
  const mined = async (list: CommitRecord[]): Promise<void> => {
    await io.mine(1);
    for (const c of list) Object.assign(c, await io.position(c.published.revealTxid));
    commits.push(...list);
  };
  const players = [...roles.keys()];

  const voiders = players.filter((a) => timingOf(a) === 'void');
  if (voiders.length) {
    await io.mineTo(hL + 2);
    await mined(await Promise.all(voiders.map((a) => commit(a, roles.get(a)!, attempt, 'void'))));
    w.records.at(-1)!.events.push(`void_commit: ${voiders.map((a) => a.key.pub).join(', ')} committed at ${hL + 3}, before h_L + ${params.race_delay}`);
  }
  const racers = players.filter((a) => ['race', 'repeat', 'other-attempt'].includes(timingOf(a)) && roles.get(a)?.package !== 'copy');
  const firstWave = racers.slice(0, Math.ceil(racers.length / 2));
  const secondWave = racers.slice(firstWave.length);
  await io.mineTo(race.from - 1);
  const wave = async (list: Actuary[], again = false): Promise<CommitRecord[]> => {
    const out: CommitRecord[] = [];
    for (const a of list) {
      const r = roles.get(a)!;
      // A repeated commit's first copy races as any; a commit for another attempt races in this window.
      const at = r.timing === 'other-attempt' ? attempt + 1 : attempt;
      out.push(await commit(a, again ? { ...r, countedByGroup: true } : r, at, again ? 'repeat' : 'race'));
    }
    return out;
  };
  const first = await wave(firstWave);
  await mined(first);
  if (outsider) await outsiderInRace(w, m, attempt, outsider, first);
  const repeaters = players.filter((a) => timingOf(a) === 'repeat');
  await mined([...(await wave(secondWave)), ...(await wave(repeaters, true))]);
  // The lazy actuary copies an honest commit of this attempt from the chain, one block into the race.
  const copier = players.find((a) => roles.get(a)?.package === 'copy');
  if (copier) {
    const victim = commits.find((c) => c.package === 'honest' && c.timing === 'race' && c.attempt === attempt);
    if (!victim) throw new Error('no honest package to copy');
    await mined([await copyCommit(w, m, copier, victim, 'race')]);
    w.records.at(-1)!.events.push(`copied_package: ${copier.key.pub} re-submitted the package of ${victim.actuary.key.pub}`);
  }
  const late = players.filter((a) => timingOf(a) === 'late');
  if (late.length) {
    await io.mineTo(race.to);
    await mined(await Promise.all(late.map((a) => commit(a, roles.get(a)!, attempt, 'late'))));
  }
  const disagreeing = commits.filter((c) => c.package === 'wrong-root');
  if (disagreeing.length) w.records.at(-1)!.events.push(`disagreed: ${disagreeing.map((c) => c.actuary.key.pub).join(', ')} committed another root`);

  // What the group counts: the race's counted commits (eligible, first of their signer, this attempt, in the window),
  // plus what a dishonest group was scripted to count.
  const seen = new Set<string>();
  const counted = [...commits].sort(order).filter((c) => {
    const protocolCounted = c.timing === 'race' && c.attempt === attempt && !seen.has(c.actuary.key.pub) && secondaries.includes(c.actuary);
    if (c.attempt === attempt) seen.add(c.actuary.key.pub);
    return protocolCounted || c.countedByGroup === true;
  });
  if (counted.length < Math.floor(E / 2) + 1 && !s.absent) throw new Error(`month ${m}: no quorum (${counted.length} of ${E})`);
  return { attempt, lead, commits, counted: [lead, ...counted] };
}

/**
 * During the race the outsider publishes a commit under its unregistered key, a byte-exact copy of a secondary's
 * commit, a lottery message for another anchor, a P2WSH envelope (paying month 0's marker too), a loose final and
 * three dust payments; they confirm in the second wave's block.
 */
async function outsiderInRace(w: World, m: number, attempt: number, o: Outsider, firstWave: CommitRecord[]): Promise<void> {
  await o.unregisteredCommit(m, w.genesis, attempt, 2 * byteLength(w.group.paillier.pub.n));
  const victim = firstWave.find((c) => c.package === 'honest');
  if (victim) await o.replay([m], w.bodies.get(victim.published.id)!, `a copy of ${victim.actuary.key.pub}'s commit`);
  await o.wrongAnchorLottery(m, w.genesis, anchorHeight(w.params, m) - 1);
  await o.p2wshEnvelope([0, m]);
  await o.looseFinal(m);
  await o.dust(m, 3);
  w.records.at(-1)!.events.push(`outsider: ${o.written.length} transactions written so far`);
}

/** The group's reveal of one attempt, `reveal_confirmations` after its last counted commit (or early, late: adversarial). */
async function playReveal(w: World, m: number, s: MonthScript, at: Attempt, signers: GroupSigner[], inputsId: string): Promise<NonNullable<Attempt['reveal']>> {
  const { io, params } = w;
  const last = Math.max(...at.counted.map((c) => c.height));
  const windowEnd = raceWindow(params, at.lead.height).to + params.reveal_confirmations + params.reveal_window;
  const height = s.group?.reveal === 'early' ? last + params.reveal_confirmations - 1 : s.group?.reveal === 'late' ? windowEnd + 1 : last + params.reveal_confirmations;
  await io.mineTo(height - 1);
  const disputes = at.counted.filter((c) => c.package === 'broken-kem').map((c) => disputeFor(w, c));
  if (disputes.length) w.records.at(-1)!.events.push(`dispute: ${at.counted.filter((c) => c.package === 'broken-kem').map((c) => c.actuary.key.pub).join(', ')} encrypted its key with randomness not derived from it; ${w.group.paillier.pub.threshold} decryption shares prove the key (unopenable)`);
  let payload: RevealPayload = {
    network: NETWORK, genesis: w.genesis, month: m, signer: w.group.frost.groupKey, attempt: at.attempt,
    keys: at.counted.map((c) => ({ commit: c.published.id, key: bytesToHex(c.key) })), ...(disputes.length ? { disputes } : {}),
  };
  if (s.group?.editReveal) {
    const rng = new Rng(w.seed, `reveal/${m}`);
    payload = s.group.editReveal(payload, { counted: at.counted.map((c) => c.published.id), inputsId, rng: (n) => rng.bytes(n) });
  }
  const { bytes, outcome } = await buildGroupMessage('reveal', payload, w.signing, signers);
  if (s.group?.final !== 'early') {
    await publishOn(w, m, bytes, CONTENT_TYPES.message);
    await io.mine(1);
  }
  return { payload, bytes, outcome, height };
}

/** The accepted attempt's final: table parts, root, month log, rewards and penalties (§8–§10). */
async function playFinal(
  w: World, m: number, s: MonthScript, rec: MonthRecord, at: Attempt, failed: { actuary: Actuary; reason: PenaltyReason }[],
  honest: MonthResult, signers: GroupSigner[], status: (phase: string, height: number, extra?: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  const { io, params } = w;
  if (s.group?.final === 'never') {
    await io.mineTo(monthEnd(params, m) + 1);
    rec.events.push(`failed: no final; month ${m} ends at ${monthEnd(params, m)}`);
    return;
  }
  const root = at.lead.package === 'root-mismatch' ? hex32(honest.root ^ 1n) : hex32(honest.root);
  const rows = s.group?.tableRows ? s.group.tableRows(honest.rows) : honest.rows;
  const table = await publishTable(w, m, ALLOCATION, rows);
  if (s.group?.final !== 'early') {
    await io.mine(1);
    if (at.reveal) await status('reveal', await io.tip(), { keys: at.reveal.payload.keys.length });
  }
  const entries = [...w.logEntries, { month: m, root: hexBytes(root) }];
  const aum = w.prevRows.reduce((x, r) => x + r.allocation, 0n);
  const pool = (aum * BigInt(params.monthly_fee_ppm)) / 1_000_000n;
  const share = (k: number): number => Number((pool * BigInt(params.reward_shares[k] ?? 0)) / 10_000n);
  const secondaries = at.counted.slice(1);
  const agreeing = secondaries.filter((c) => c.package === 'honest');
  const rewards: FinalPayload['rewards'] = [{ actuary: at.lead.actuary.key.pub, sats: share(0) }];
  agreeing.forEach((c, k) => { if (k + 1 < params.reward_shares.length) rewards.push({ actuary: c.actuary.key.pub, sats: share(k + 1) }); });
  const penalties: FinalPayload['penalties'] = [];
  const penalise = (a: Actuary, reason: PenaltyReason): void => {
    penalties.push({ actuary: a.key.pub, reason, sats: reason === 'void_commit' ? 0 : params.penalty_sats });
  };
  for (const f of failed) penalise(f.actuary, f.reason);
  for (const c of [...at.commits].sort(order)) {
    if (c.timing === 'void') penalise(c.actuary, 'void_commit');
    else if (secondaries.includes(c)) {
      const reason = penaltyOf(c.package, false);
      if (reason) penalise(c.actuary, reason);
    }
  }
  let payload: FinalPayload = {
    network: NETWORK, genesis: w.genesis, month: m, signer: w.group.frost.groupKey, lead: at.lead.actuary.key.pub, attempt: at.attempt,
    table, root, log: monthLogStep(entries), rewards, penalties,
  };
  if (s.group?.editFinal) payload = s.group.editFinal(payload, { secondaries: secondaries.map((c) => c.actuary.key.pub) });
  const finalMsg = await buildGroupMessage('final', payload, w.signing, signers);
  if (s.group?.final === 'late') await io.mineTo(monthEnd(params, m));
  const final = s.group?.final === 'unspent' ? await publishOn(w, m, finalMsg.bytes, CONTENT_TYPES.message) : await publishFinal(w, m, finalMsg.bytes, signers);
  if (s.group?.final === 'early' && at.reveal) await publishOn(w, m, at.reveal.bytes, CONTENT_TYPES.message);
  // A final that does not spend the month's outpoint is none: the month ends without one.
  if (s.group?.final === 'unspent') await io.mineTo(monthEnd(params, m) + 1);
  await io.mine(1);
  await status('final', await io.tip(), { root });
  if (at.reveal) rec.roast = { reveal: at.reveal.outcome, final: finalMsg.outcome };
  if (signers.some((x) => x.behaviour !== undefined && x.behaviour !== 'honest') && at.reveal) {
    rec.events.push(roastEvent('reveal', at.reveal.outcome), roastEvent('final', finalMsg.outcome));
  }
  rec.final = final.id;
  rec.root = payload.root;
  w.logEntries.push({ month: m, root: hexBytes(payload.root) });
  w.prevRows = honest.rows;
  w.log(`month ${m}: lead ${at.lead.actuary.key.pub.slice(0, 12)}… attempt ${at.attempt}, ${secondaries.length} counted, final ${final.id.slice(0, 16)}…`);
}

/**
 * The final: with month outpoints (docs/protocol.md §2.4), its reveal also spends month m's outpoint (the group signs
 * that input by ROAST, as it signs messages) and pays month 0's marker besides month m's, so a verifier pages both
 * listings back from it; without them, a reveal on month m's marker.
 */
async function publishFinal(w: World, m: number, bytes: Uint8Array, signers: readonly GroupSigner[]): Promise<Published> {
  const outpoint = w.monthOutput?.(m);
  if (!outpoint) return publishOn(w, m, bytes, CONTENT_TYPES.message);
  const sign = async (sighash: Uint8Array): Promise<Uint8Array> => (await roastSignDigest(w.signing, signers, sighash)).signature;
  const p = await w.io.inscribe(bytes, CONTENT_TYPES.message, [w.marker(m), w.marker(0)], undefined, { extraInputs: [{ ...outpoint, sign }] });
  w.records.find((r) => r.month === m)?.txids.push(p.revealTxid);
  w.bodies.set(p.id, bytes);
  return p;
}

/** The threshold-BLS lottery signature of attempt a (founders inscribe it); `skip`: computed, never published. */
async function publishLottery(w: World, m: number, attempt: number, skip: boolean): Promise<Uint8Array> {
  const A = anchorHeight(w.params, m);
  const anchorHash = await w.io.blockHash(A);
  const lotteryIn = { network: NETWORK, genesis: w.genesisId, month: m, attempt, anchorHash };
  const hashed = lotteryPoint(lotteryIn);
  const sig = combinePartials(w.group.bls.shares.slice(0, w.threshold).map((sh) => ({ index: sh.index, signature: partialSign(sh, hashed) })));
  const R = verifyLottery(lotteryIn, bytesToHex(sig), bytesToHex(w.group.bls.groupKey));
  if (!skip) {
    await publishOn(w, m, buildMessage('lottery', {
      network: NETWORK, genesis: w.genesis, month: m, signer: w.founders.pub, attempt, anchor_height: A, anchor_hash: anchorHash, bls_signature: bytesToHex(sig),
    }, w.founders.secret), CONTENT_TYPES.message);
  }
  return R;
}

/** Publish a table's parts (each a complete Parquet file of consecutive rows) and return its TableRef; `fault` breaks part 0. */
export async function publishTable<Row>(
  w: World, m: number, kind: Parameters<typeof splitIntoParts<Row>>[0], rows: readonly Row[], fault?: 'not-drey' | 'json-content' | 'wrong-hash',
): Promise<TableRef> {
  const refs: TableRef['parts'] = [];
  for (const [i, p] of splitIntoParts(kind, rows).entries()) {
    const broken = i === 0 ? fault : undefined;
    const pub = await w.io.inscribe(p.data, broken === 'json-content' ? CONTENT_TYPES.message : CONTENT_TYPES.table, w.marker(m), broken === 'not-drey' ? null : undefined);
    w.records.find((r) => r.month === m)?.txids.push(pub.revealTxid);
    refs.push({ inscription: pub.id, sha256: broken === 'wrong-hash' ? bytesToHex(sha256(p.data.subarray(1))) : p.sha256, rows: p.rows });
  }
  return { rows: rows.length, parts: refs };
}

/** A wrong computation: one living member's deposit counted one sat too high (another root, same shape). */
function perturbed(w: World, m: number, inputs: readonly InputsRow[]): MonthResult {
  const i = inputs.findIndex((r, k) => k > 0 && r.alive);
  const bent = inputs.map((r, k) => (k === i ? { ...r, deposit: r.deposit + 1n } : r));
  return computeAllocation({ month: m, startMonth: w.params.start_month, batchSize: w.batchSize, prev: w.prevRows, inputs: bent, mortality: w.mortality });
}

/** Rows 1 and 2 of the previous table swapped (the inputs no longer hold the previous rows in order). */
function swapRows(rows: InputsRow[]): InputsRow[] {
  if (rows.length < 3) throw new Error('swapRows needs three rows');
  const out = [...rows];
  [out[1], out[2]] = [out[2]!, out[1]!];
  return out;
}

function hexBytes(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h, 'hex'));
}

/** The result-log line of a ROAST run with faults: who was proven malicious (and by which event), who stayed silent. */
function roastEvent(what: 'reveal' | 'final', o: RoastOutcome): string {
  const malicious = o.malicious.map((x) => `${x.actuary} (${x.person}, invalid share in event ${x.shareEvent})`).join(', ') || 'none';
  const silent = o.scripted.filter((x) => x.behaviour === 'silent').map((x) => `${x.actuary} (${x.person})`).join(', ') || 'none';
  return `roast_blame: ${what} signed in ${o.sessions} ROAST sessions by ${o.signers.join(', ')}; malicious: ${malicious}; silent: ${silent}`;
}
