/**
 * The actuary simulator (docs/protocol.md): founders, the Proof-of-Life service and the actuaries play a deterministic
 * scenario on any regtest Esplora (+ the devnet mining call): setup and genesis, registrations, then month after month
 * inputs → lottery → lead commit → race → reveal → final, with the scenario's events (missed deadline, disagreement,
 * void commit, copied package, a disputed KEM proven by decryption shares, key rotation, a month still in
 * progress at the tip) and optional adversarial months.
 * The group signs `reveal` and `final` with ROAST over a nostr relay, where the actuaries also publish their profiles
 * and round statuses (docs/nostr.md); one month has a silent and a corrupt signer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, hexToBytes, sha256, utf8 } from '../../core/bytes';
import { lotteryPoint, verifyLottery } from '../../core/protocol/lottery';
import { selectLead } from '../../core/protocol/selection';
import { markerAddress } from '../../core/protocol/marker';
import { buildMessage, CONTENT_TYPES, signKeylink } from '../../core/protocol/message';
import { sealPackage } from '../../core/protocol/kem';
import { monthLogStep, type MonthLogEntry } from '../../core/protocol/month-log';
import { parseInscriptionId, type Network } from '../../core/protocol/ids';
import type { CommitPayload, FinalPayload, GenesisParams, PenaltyReason, TableRef } from '../../core/protocol/payloads';
import { combinePartials, partialSign } from '../../core/crypto/threshold-bls';
import { bigintToBytes, byteLength, bytesToBigint, modPow } from '../../core/crypto/bigint-math';
import { decryptionShare } from '../../core/crypto/threshold-paillier';
import { INPUTS, splitIntoParts, writeMortalityTable, ALLOCATION, type InputsRow, type AllocationRow } from '../../core/table';
import { devnetMortalityRows } from '../tables/mortality-rates';
import { REPO_ROOT, type CircuitArtifacts } from '../prover/setup';
import { GROTH16_BN254_SNARKJS_V1 } from '../../core/proof/groth16-system';
import { fundStake, isEligible, spendStake, type Actuary } from './actors';
import { ChainIO, type Published } from './chain-io';
import { ActuaryPresence } from './actuary-presence';
import { buildGroupMessage, type GroupSigner, type GroupSigning, type RoastOutcome } from './frost-sign';
import { groupKeys, keyPair, type GroupKeys, type KeyPair } from './keys';
import { Population } from './members';
import { computeAllocation, programMortality, type MonthResult } from './month-compute';
import { hex32, packageBatches, packageBytes, type PackageBody } from './package';
import { BatchProver, type ScenarioProof } from './proofs';
import { Rng } from './rng';
import type { AdversarialCase } from './adversarial-cases';
import { monthEnd } from '../../core/month/timeline';
import type { PresenceFile } from './presence';

export interface ScenarioOptions {
  url: string;
  seed: string;
  /** Completed months (≥ 1); one more month is left in progress at the tip. */
  months: number;
  members: number;
  newPerMonth: number;
  actuaries: number;
  circuit: CircuitArtifacts;
  /** Relays the genesis recommends (part of the genesis, so of every id after it). */
  relays: string[];
  /** The relay the actuaries use while the scenario runs: ROAST signing, profiles, round statuses. */
  relayUrl: string;
  /** A month played dishonestly (the adversarial mode), ending the scenario after it. */
  adversarial?: { month: number; kind: AdversarialCase };
  /** Leave no month in progress at the tip (adversarial vectors end with their bad month). */
  noPending?: boolean;
  log?: (line: string) => void;
}

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
  /** The ROAST runs that signed the month's reveal and final. */
  roast?: { reveal: RoastOutcome; final: RoastOutcome };
}

export interface ScenarioResult {
  network: Network;
  genesis: string;
  setupMarker: string;
  params: GenesisParams;
  months: MonthRecord[];
  relays: string[];
  proofs: { proved: number; cached: number };
  /** The newest profile and round statuses each actuary published (what `presence.json` keeps). */
  presence: PresenceFile;
}

export const NETWORK: Network = 'regtest';
const STAKE = 1_000_000n;

/** The genesis parameters the simulator runs with (blocks, not dates). */
export function scenarioParams(startHeight: number, batchSize: number): GenesisParams {
  return {
    blocks_per_month: 30, start_height: startHeight, start_month: 202601, min_stake: 500_000,
    lead_window: 3, max_attempts: 3, race_delay: 7, race_window: 4, reveal_confirmations: 6, reveal_window: 6,
    super_majority: { num: 2, den: 3 }, reward_shares: [3000, 2000, 1500, 1200, 1000, 700, 600],
    monthly_fee_ppm: 1000, penalty_sats: 5000, batch_size: batchSize,
  };
}

/** Which month carries which scenario event: spread out over ≥ 6 months, packed into fewer for quick runs. */
export function eventSchedule(months: number): { miss: number; disagree: number; void: number; copy: number; dispute: number; rotate: number; roastFault: number } {
  if (months >= 6) return { miss: 2, disagree: 3, void: 4, copy: 5, dispute: 6, rotate: 2, roastFault: 4 };
  return { miss: 1, disagree: Math.min(2, months), void: Math.min(2, months), copy: Math.min(3, months), dispute: Math.min(3, months), rotate: 1, roastFault: Math.min(2, months) };
}

/**
 * In the ROAST fault month the second FROST member stays silent after announcing a commitment and the third returns a
 * corrupt share; both sit in the first session (lowest identifiers), so ROAST needs a second one.
 */
export const ROAST_FAULTS: Readonly<Record<number, 'silent' | 'corrupt'>> = { 1: 'silent', 2: 'corrupt' };

interface CommitRecord {
  actuary: Actuary;
  published: Published;
  key: Uint8Array;
  height: number;
  pos: number;
  kind: 'lead' | 'honest' | 'disagree' | 'void' | 'copy' | 'outsider' | 'broken-kem';
}

export async function runScenario(opts: ScenarioOptions): Promise<ScenarioResult> {
  const log = opts.log ?? ((): void => undefined);
  const { seed } = opts;
  const io = new ChainIO(opts.url, seed);
  const prover = new BatchProver(opts.circuit);
  const batchSize = opts.circuit.batchSize;
  const presence = new ActuaryPresence(opts.relayUrl, NETWORK);
  try {
    // Mature coins for the scenario's own wallet (coinbase maturity 100).
    if ((await io.wallet.balance()) === 0n) await io.wallet.mine(101);

    // ---- Setup (month 0): program, mortality table, verification key, genesis, stakes, registrations.
    const founders = keyPair(seed, 'founders');
    const pol = keyPair(seed, 'pol');
    const people = Array.from({ length: opts.actuaries }, (_, i) => keyPair(seed, `actuary/${i}`));
    const threshold = Math.floor(opts.actuaries / 2) + 1;
    log(`keys: dealing Paillier (safe primes), BLS and running the FROST DKG (${threshold} of ${opts.actuaries})`);
    const group = groupKeys(seed, threshold, opts.actuaries);
    const signing: GroupSigning = { relayUrl: opts.relayUrl, frost: group.frost, seed };

    const wasm = new Uint8Array(readFileSync(join(REPO_ROOT, 'programs/allocation/build/allocation.wasm')));
    const mortalityRows = devnetMortalityRows();
    const mortalityBytes = writeMortalityTable(mortalityRows);
    const mortality = programMortality(mortalityRows);
    const vkeyBytes = utf8.encode(JSON.stringify(opts.circuit.vkey));
    const program = await io.inscribe(wasm, CONTENT_TYPES.program);
    const mortalityIns = await io.inscribe(mortalityBytes, CONTENT_TYPES.table);
    const vkeyIns = await io.inscribe(vkeyBytes, CONTENT_TYPES.message);
    await io.mine(1);

    const tip0 = await io.tip();
    const params = scenarioParams(tip0 + 4, batchSize);
    const genesisPayload = {
      network: NETWORK, signer: founders.pub,
      program: { inscription: program.id, sha256: program.sha256 },
      proof_system: GROTH16_BN254_SNARKJS_V1,
      verification_keys: [{ inscription: vkeyIns.id, sha256: vkeyIns.sha256 }],
      mortality_table: { inscription: mortalityIns.id, sha256: mortalityIns.sha256 },
      paillier: paillierJson(group),
      frost: { group_key: group.frost.groupKey, threshold, commitments: group.frost.commitments },
      bls: { group_key: bytesToHex(group.bls.groupKey), threshold, parties: opts.actuaries },
      pol_key: pol.pub, params, relays: opts.relays,
    };
    const genesisIns = await io.inscribe(buildMessage('genesis', genesisPayload, founders.secret), CONTENT_TYPES.message);
    const genesis = genesisIns.id;
    const genesisId = parseInscriptionId(genesis);
    const marker = (m: number): string => markerAddress(NETWORK, genesisId, m);
    const actuaries: Actuary[] = [];
    for (const [i, k] of people.entries()) {
      actuaries.push({ person: `actuary-${i}`, key: k, stake: await fundStake(io, k.pub, STAKE + BigInt(i) * 250_000n), registeredAt: -1, racing: true });
    }
    await io.mine(1);
    log(`genesis ${genesis} at height ${tip0 + 1}`);

    const register = async (a: Actuary, keylink?: { old: KeyPair }): Promise<void> => {
      const payload = {
        network: NETWORK, genesis, signer: a.key.pub, stake: { txid: a.stake.txid, vout: a.stake.vout },
        ...(keylink ? { keylink: { old_key: keylink.old.pub, sig: signKeylink(NETWORK, genesis, keylink.old.secret, a.key.pub) } } : {}),
      };
      await io.inscribe(buildMessage('register', payload, a.key.secret), CONTENT_TYPES.message, marker(0));
    };
    for (const a of actuaries) await register(a);
    await io.mine(1);
    const regHeight = await io.tip();
    for (const a of actuaries) a.registeredAt = regHeight;
    const regTime = await io.blockTime(regHeight);
    await Promise.all(actuaries.map((a) => presence.profile(a, regTime)));

    // ---- Months.
    const population = new Population(seed, opts.members, opts.newPerMonth);
    const schedule = opts.adversarial ? { miss: -1, disagree: -1, void: -1, copy: -1, dispute: -1, rotate: -1, roastFault: -1 } : eventSchedule(opts.months);
    let prevRows: AllocationRow[] = [];
    const logEntries: MonthLogEntry[] = [];
    const records: MonthRecord[] = [];
    const commitPayloads = new Map<string, CommitPayload>();
    const lastMonth = opts.adversarial ? opts.adversarial.month + (opts.adversarial.kind === 'month-failed' ? 1 : 0) : opts.noPending ? opts.months : opts.months + 1;

    for (let m = 1; m <= lastMonth; m++) {
      const pending = m === opts.months + 1 && !opts.adversarial;
      const adv = opts.adversarial?.month === m ? opts.adversarial.kind : undefined;
      const A = params.start_height + (m - 1) * params.blocks_per_month;
      const rec: MonthRecord = { month: m, anchor: A, marker: marker(m), events: [], txids: [] };
      records.push(rec);
      const publish = async (body: Uint8Array, type: string = CONTENT_TYPES.message): Promise<Published> => {
        const p = await io.inscribe(body, type, marker(m));
        rec.txids.push(p.revealTxid);
        return p;
      };
      const monthRng = new Rng(seed, `month/${m}`);
      await io.mineTo(A - 1);

      if (adv === 'stake-spent') {
        // A secondary's stake is spent in the anchor block: it is not eligible, yet it will race and be rewarded.
        const victim = sortedByKey(actuaries.filter((a) => isEligible(a, A, BigInt(params.min_stake))))[0]!;
        await spendStake(io, victim);
        victim.spentAt = A;
        victim.racing = true;
        rec.events.push(`adversarial: stake of ${victim.key.pub} spent at the anchor ${A}`);
      }

      // Proof-of-Life inputs, confirmed in the anchor block.
      const inputs = population.monthRows(m);
      const inputsRef = await publishTable(INPUTS, inputs, publish);
      await publish(buildMessage('inputs', { network: NETWORK, genesis, month: m, signer: pol.pub, table: inputsRef }, pol.secret));
      await io.mine(1);
      if ((await io.tip()) !== A) throw new Error(`month ${m}: inputs not confirmed at the anchor ${A}`);

      const eligibleAtA = actuaries.filter((a) => isEligible(a, A, BigInt(params.min_stake)) || (adv === 'stake-spent' && a.spentAt === A));
      const status = async (phase: string, height: number, extra: Record<string, unknown> = {}): Promise<void> => {
        await presence.status(genesis, m, eligibleAtA, { phase, height, ...extra }, await io.blockTime(height));
      };
      const honest = computeAllocation({ month: m, startMonth: params.start_month, batchSize, prev: prevRows, inputs, mortality });
      log(`month ${m}: ${inputs.length} rows, ${honest.witness.batches.length} batches; proving…`);
      const proofs = await prover.proveAll(honest.witness.batches.map((b) => b.circuitInput), log);

      // Lottery attempts and the lead commit.
      const anchorHash = await io.blockHash(A);
      const failed: Actuary[] = [];
      let lead: CommitRecord | undefined;
      let attempt = 0;
      for (; attempt < params.max_attempts; attempt++) {
        // lottery-late: the beacon confirms one block after attempt 0's lead window ends.
        await io.mineTo(A + (adv === 'lottery-late' && attempt === 0 ? params.lead_window : attempt * params.lead_window));
        const lotteryIn = { network: NETWORK, genesis: genesisId, month: m, attempt, anchorHash };
        const hashed = lotteryPoint(lotteryIn);
        const sig = combinePartials(group.bls.shares.slice(0, threshold).map((s) => ({ index: s.index, signature: partialSign(s, hashed) })));
        const R = verifyLottery(lotteryIn, bytesToHex(sig), bytesToHex(group.bls.groupKey));
        await publish(buildMessage('lottery', {
          network: NETWORK, genesis, month: m, signer: founders.pub, attempt, anchor_height: A, anchor_hash: anchorHash, bls_signature: bytesToHex(sig),
        }, founders.secret));
        await io.mine(1);
        await status('lottery', await io.tip(), { attempt });
        const draw = selectLead(R, attempt, eligibleAtA.map((a) => ({ key: a.key.pub, stake: a.stake.value })), new Set(failed.map((a) => a.key.pub)));
        const chosen = actuaries.find((a) => a.key.pub === draw.lead)!;
        if (m === schedule.miss && attempt === 0 && !pending && !adv) {
          rec.events.push(`missed_deadline: attempt 0 lead ${chosen.key.pub} did not commit by ${A + params.lead_window}`);
          failed.push(chosen);
          continue;
        }
        let leadResult = honest;
        if (adv === 'lead-root-wrong') leadResult = perturbed(honest, inputs, prevRows, m, params, batchSize, mortality);
        let leadProofs = proofs;
        if (adv === 'proof-invalid') leadProofs = proofs.map((p, i) => (i === 0 ? proofs[(i + 1) % proofs.length]! : p));
        if (adv === 'proof-invalid' && proofs.length < 2) throw new Error('proof-invalid needs two batches');
        lead = await commitPackage(chosen, 'lead', leadResult, leadProofs, attempt, 1);
        rec.lead = chosen.key.pub;
        rec.attempt = attempt;
        break;
      }
      if (!lead) throw new Error(`month ${m}: every attempt failed`);
      const hL = lead.height;
      await status('commit', hL, { attempt, lead: lead.actuary.key.pub });
      if (pending) {
        rec.events.push(`pending: lottery and lead commit at ${hL}; no race, reveal or final yet`);
        break;
      }

      // The race: secondaries from h_L + race_delay, in two blocks; a void commit before it.
      const secondaries = sortedByKey(eligibleAtA.filter((a) => a !== lead!.actuary && !failed.includes(a) && a.racing));
      const roles = new Map<Actuary, CommitRecord['kind']>();
      const special: CommitRecord['kind'][] = [];
      if (!adv && m === schedule.disagree) special.push('disagree');
      if (!adv && m === schedule.void) special.push('void');
      if (!adv && m === schedule.copy) special.push('copy');
      if (adv === 'kem-disputed' || (!adv && m === schedule.dispute)) special.push('broken-kem');
      special.forEach((k, i) => { if (secondaries[i]) roles.set(secondaries[i]!, k); });
      for (const a of secondaries) if (!roles.has(a)) roles.set(a, 'honest');
      const commits: CommitRecord[] = [];
      const voiders = secondaries.filter((a) => roles.get(a) === 'void');
      if (voiders.length > 0) {
        await io.mineTo(hL + 2);
        for (const a of voiders) commits.push(await commitPackage(a, 'void', honest, proofs, attempt, 1));
        rec.events.push(`void_commit: ${voiders.map((a) => a.key.pub).join(', ')} committed at ${hL + 3}, before h_L + ${params.race_delay}`);
      }
      const racers = secondaries.filter((a) => roles.get(a) !== 'void' && roles.get(a) !== 'copy');
      const firstWave = racers.slice(0, Math.ceil(racers.length / 2));
      const secondWave = racers.slice(firstWave.length);
      await io.mineTo(hL + params.race_delay - 1);
      const wave = async (list: Actuary[]): Promise<void> => {
        const out: CommitRecord[] = [];
        for (const a of list) {
          const kind = roles.get(a)!;
          const result = kind === 'disagree' ? perturbed(honest, inputs, prevRows, m, params, batchSize, mortality) : honest;
          // Agreeing actuaries publish distinct valid proofs of the same batches (re-randomised copies).
          out.push(await commitPackage(a, kind, result, kind === 'honest' ? prover.distinctFor(proofs, `${m}/${a.key.pub}`) : proofs, attempt, 0));
        }
        await io.mine(1);
        for (const c of out) Object.assign(c, await io.position(c.published.revealTxid));
        commits.push(...out);
      };
      await wave(firstWave);
      const copier = secondaries.find((a) => roles.get(a) === 'copy');
      const pendingCopy: CommitRecord[] = [];
      if (copier) {
        const victim = commits.find((c) => c.kind === 'honest');
        if (!victim) throw new Error('no honest package to copy');
        pendingCopy.push(await copyCommit(copier, victim));
        rec.events.push(`copied_package: ${copier.key.pub} re-submitted the package of ${victim.actuary.key.pub}`);
      }
      let outsider: CommitRecord | undefined;
      if (adv === 'non-actuary-commit') {
        const o: Actuary = { person: 'outsider', key: keyPair(seed, 'outsider'), stake: { txid: '00'.repeat(32), vout: 0, value: 0n }, registeredAt: Infinity, racing: true };
        outsider = await commitPackage(o, 'outsider', honest, proofs, attempt, 0);
        pendingCopy.push(outsider);
        rec.events.push(`adversarial: commit signed by the unregistered key ${o.key.pub}`);
      }
      await wave(secondWave);
      for (const c of pendingCopy) Object.assign(c, await io.position(c.published.revealTxid));
      commits.push(...pendingCopy);
      const disagreeing = commits.filter((c) => c.kind === 'disagree');
      if (disagreeing.length) rec.events.push(`disagreed: ${disagreeing.map((c) => c.actuary.key.pub).join(', ')} committed another root`);

      // Counted commits (in the race window), race order, quorum.
      const raceStart = hL + params.race_delay;
      const raceEnd = raceStart + params.race_window - 1;
      const counted = commits.filter((c) => c.height >= raceStart && c.height <= raceEnd).sort((a, b) => a.height - b.height || a.pos - b.pos);
      await status('race', raceStart, { commits: counted.length });
      const E = eligibleAtA.filter((a) => a !== lead!.actuary).length;
      if (counted.length < Math.floor(E / 2) + 1 && !adv) throw new Error(`month ${m}: no quorum (${counted.length} of ${E})`);

      if (adv === 'month-failed') {
        // The group never reveals: no final; the next month starts from the last final's table and log head.
        rec.events.push(`failed: no reveal and no final; month ${m + 1} starts from month ${m - 1}'s table`);
        continue;
      }

      // Reveal after 6 confirmations of the last counted commit.
      const lastCommit = Math.max(...counted.map((c) => c.height), hL);
      await io.mineTo(lastCommit + params.reveal_confirmations - 1);
      const revealKeys = [lead, ...counted].map((c) => ({ commit: c.published.id, key: bytesToHex(c.key) }));
      if (adv === 'reveal-key-wrong') revealKeys[0]!.key = bytesToHex(monthRng.bytes(32));
      // A counted commit whose KEM the group's key does not re-derive is disputed: t decryption shares prove its key.
      const disputes = counted.filter((c) => c.kind === 'broken-kem').map((c) => disputeFor(c));
      if (disputes.length) rec.events.push(`dispute: ${counted.filter((c) => c.kind === 'broken-kem').map((c) => c.actuary.key.pub).join(', ')} encrypted its key with randomness not derived from it; ${group.paillier.pub.threshold} decryption shares prove the key (unopenable)`);
      const signers = groupSigners(m);
      const reveal = await buildGroupMessage('reveal', { network: NETWORK, genesis, month: m, signer: group.frost.groupKey, keys: revealKeys, ...(disputes.length ? { disputes } : {}) }, signing, signers);
      // final-early: the reveal is held back and inscribed in the same block, behind the final.
      if (adv !== 'final-early') await publish(reveal.bytes);

      // Final: allocation table, root, month log, rewards and penalties.
      const leadResult = adv === 'lead-root-wrong' ? perturbed(honest, inputs, prevRows, m, params, batchSize, mortality) : honest;
      let finalRows = leadResult.rows;
      if (adv === 'final-table-root') {
        finalRows = leadResult.rows.map((r, i) => (i === 1 ? { ...r, allocation: r.allocation + 1n } : i === 0 && r.allocation > 0n ? { ...r, allocation: r.allocation - 1n } : r));
        rec.events.push('adversarial: final table row 1 does not hash to the root');
      }
      const tableRef = await publishTable(ALLOCATION, finalRows, publish);
      if (adv !== 'final-early') {
        await io.mine(1);
        await status('reveal', await io.tip(), { keys: revealKeys.length });
      }
      const root = hex32(leadResult.root);
      const entries = [...logEntries, { month: m, root: hexBytes(root) }];
      let step = monthLogStep(entries);
      if (adv === 'month-log-inconsistent') {
        const forged = entries.map((e, i) => (i === 0 && entries.length > 1 ? { ...e, root: sha256(e.root) } : e));
        step = monthLogStep(forged);
        rec.events.push('adversarial: month log rebuilt over a different first leaf');
      }
      const aum = prevRows.reduce((s, r) => s + r.allocation, 0n);
      const pool = (aum * BigInt(params.monthly_fee_ppm)) / 1_000_000n;
      const share = (k: number): number => Number((pool * BigInt(params.reward_shares[k] ?? 0)) / 10_000n);
      const agreeing = counted.filter((c) => c.kind === 'honest' || c.kind === 'outsider');
      const rewards: FinalPayload['rewards'] = [{ actuary: lead.actuary.key.pub, sats: share(0) }];
      agreeing.forEach((c, k) => { if (k + 1 < params.reward_shares.length) rewards.push({ actuary: c.actuary.key.pub, sats: share(k + 1) }); });
      const penalties: FinalPayload['penalties'] = [];
      const penalise = (a: Actuary, reason: PenaltyReason): void => {
        penalties.push({ actuary: a.key.pub, reason, sats: reason === 'void_commit' ? 0 : params.penalty_sats });
      };
      for (const f of failed) penalise(f, 'missed_deadline');
      for (const c of [...commits].sort((a, b) => a.height - b.height || a.pos - b.pos)) {
        if (c.kind === 'void') penalise(c.actuary, 'void_commit');
        if (c.kind === 'disagree') penalise(c.actuary, 'disagreed');
        if (c.kind === 'copy') penalise(c.actuary, 'copied_package');
        if (c.kind === 'broken-kem') penalise(c.actuary, 'unopenable');
      }
      const finalMsg = await buildGroupMessage('final', {
        network: NETWORK, genesis, month: m, signer: group.frost.groupKey, lead: lead.actuary.key.pub, attempt,
        table: tableRef, root, log: step, rewards, penalties,
      }, signing, signers);
      if (adv === 'final-late') await io.mineTo(monthEnd(params, m));
      const final = await publish(finalMsg.bytes);
      if (adv === 'final-early') await publish(reveal.bytes);
      await io.mine(1);
      await status('final', await io.tip(), { root });
      rec.roast = { reveal: reveal.outcome, final: finalMsg.outcome };
      if (signers.some((s) => s.behaviour !== 'honest')) {
        rec.events.push(roastEvent('reveal', reveal.outcome), roastEvent('final', finalMsg.outcome));
      }
      rec.final = final.id;
      rec.root = root;
      logEntries.push({ month: m, root: hexBytes(root) });
      prevRows = honest.rows;
      log(`month ${m}: lead ${lead.actuary.key.pub.slice(0, 12)}… attempt ${attempt}, ${counted.length} counted, final ${final.id.slice(0, 16)}…`);

      // Key rotation: a new key (new stake) linked from the old one, registered before the next anchor; the old
      // stake is spent after that anchor, so both keys are eligible for one month (counted once in seniority).
      if (m === schedule.rotate && !adv) {
        const old = actuaries.find((a) => a.racing && a.person === 'actuary-0')!;
        const fresh: Actuary = { person: old.person, key: keyPair(seed, 'actuary/0/rotated'), stake: await fundStake(io, keyPair(seed, 'actuary/0/rotated').pub, old.stake.value), registeredAt: -1, linkedFrom: old.key.pub, racing: true };
        await io.mine(1);
        await register(fresh, { old: old.key });
        await io.mine(1);
        fresh.registeredAt = await io.tip();
        await presence.profile(fresh, await io.blockTime(fresh.registeredAt));
        old.racing = false;
        actuaries.push(fresh);
        rec.events.push(`keylink: ${old.key.pub} → ${fresh.key.pub}`);
      }
      if (m === schedule.rotate + 1 && !adv) {
        const old = actuaries.find((a) => !a.racing && a.spentAt === undefined);
        if (old) {
          await spendStake(io, old);
          await io.mine(1);
          old.spentAt = await io.tip();
          rec.events.push(`old key ${old.key.pub} stake spent at ${old.spentAt} (eligible no more)`);
        }
      }
    }

    return {
      network: NETWORK, genesis, setupMarker: marker(0), params, months: records, relays: opts.relays,
      proofs: { proved: prover.proved, cached: prover.cached }, presence: presence.file(genesis),
    };

    /** The group's ROAST signers for month `m`: every FROST member under its person's current key. */
    function groupSigners(m: number): GroupSigner[] {
      return group.frost.members.map((member, k) => {
        const person = `actuary-${k}`;
        const current = actuaries.filter((a) => a.person === person).at(-1)!;
        return { person, key: current.key, member, behaviour: m === schedule.roastFault ? (ROAST_FAULTS[k] ?? 'honest') : 'honest' };
      });
    }

    // ---- helpers closing over the month's context
    async function commitPackage(a: Actuary, kind: CommitRecord['kind'], result: MonthResult, batchProofs: readonly ScenarioProof[], attempt: number, mineAfter: number): Promise<CommitRecord> {
      const m = records.at(-1)!.month;
      const parts = splitIntoParts(ALLOCATION, result.rows);
      const body: PackageBody = {
        network: NETWORK, genesis, month: m, actuary: a.key.pub, new_root: hex32(result.root),
        table_sha256: bytesToHex(sha256(concatParts(parts.map((p) => p.data)))),
        batches: packageBatches(result.witness, batchProofs),
      };
      const key = new Rng(seed, `package-key/${m}/${a.key.pub}`).bytes(32);
      const sealed = sealPackage(group.paillier.pub.n, key, packageBytes(body, a.key.secret), { network: NETWORK, genesis: genesisId, month: m, actuary: a.key.pub });
      // broken-kem: the key is encrypted with fresh randomness instead of r(key) (§7.2), so only a dispute can prove it.
      const kem = kind === 'broken-kem' ? kemWithRandomness(group.paillier.pub.n, key, new Rng(seed, `broken-kem/${m}/${a.key.pub}`).bytes(32)) : sealed.kem;
      const payload: CommitPayload = {
        network: NETWORK, genesis, month: m, signer: a.key.pub, attempt, kem: bytesToHex(kem), ciphertext: bytesToHex(sealed.ciphertext),
      };
      const published = await io.inscribe(buildMessage('commit', payload, a.key.secret), CONTENT_TYPES.message, marker(m));
      commitPayloads.set(published.id, payload);
      records.at(-1)!.txids.push(published.revealTxid);
      const rec: CommitRecord = { actuary: a, published, key, height: -1, pos: -1, kind };
      if (mineAfter > 0) {
        await io.mine(mineAfter);
        Object.assign(rec, await io.position(published.revealTxid));
      }
      return rec;
    }

    /** The group's dispute of a commit: the first `threshold` parties' decryption shares of its KEM ciphertext (§7.4). */
    function disputeFor(c: CommitRecord): { commit: string; shares: { party: number; share: string; e: string; z: string }[] } {
      const pub = group.paillier.pub;
      const ct = bytesToBigint(hexToBytes(commitPayloads.get(c.published.id)!.kem));
      const nBytes = byteLength(pub.n);
      const shares = group.paillier.shares.slice(0, pub.threshold).map((sh) => decryptionShare(pub, sh, ct));
      return {
        commit: c.published.id,
        shares: shares.map((x) => ({ party: x.index, share: bytesToHex(bigintToBytes(x.share, 2 * nBytes)), e: bytesToHex(bigintToBytes(x.e, 16)), z: bytesToHex(bigintToBytes(x.z, byteLength(x.z))) })),
      };
    }

    /** The lazy actuary: takes another actuary's commit from the chain and re-signs its KEM and ciphertext as its own. */
    async function copyCommit(a: Actuary, victim: CommitRecord): Promise<CommitRecord> {
      const m = records.at(-1)!.month;
      const original = commitPayloads.get(victim.published.id);
      if (!original) throw new Error('victim commit payload unknown');
      const published = await io.inscribe(buildMessage('commit', { ...original, signer: a.key.pub }, a.key.secret), CONTENT_TYPES.message, marker(m));
      records.at(-1)!.txids.push(published.revealTxid);
      return { actuary: a, published, key: victim.key, height: -1, pos: -1, kind: 'copy' };
    }
  } finally {
    presence.close();
    await prover.close();
  }
}

/** The result-log line of a ROAST run with faults: who was proven malicious (and by which event), who stayed silent. */
function roastEvent(what: 'reveal' | 'final', o: RoastOutcome): string {
  const malicious = o.malicious.map((x) => `${x.actuary} (${x.person}, invalid share in event ${x.shareEvent})`).join(', ') || 'none';
  const silent = o.scripted.filter((x) => x.behaviour === 'silent').map((x) => `${x.actuary} (${x.person})`).join(', ') || 'none';
  return `roast_blame: ${what} signed in ${o.sessions} ROAST sessions by ${o.signers.join(', ')}; malicious: ${malicious}; silent: ${silent}`;
}


function paillierJson(group: GroupKeys): { n: string; parties: number; threshold: number; v: string; verification_keys: string[] } {
  const p = group.paillier.pub;
  const h = (x: bigint): string => {
    const s = x.toString(16);
    return s.length % 2 ? `0${s}` : s;
  };
  return { n: h(p.n), parties: p.parties, threshold: p.threshold, v: h(p.v), verification_keys: p.verificationKeys.map(h) };
}

function sortedByKey(list: Actuary[]): Actuary[] {
  return [...list].sort((a, b) => (a.key.pub < b.key.pub ? -1 : a.key.pub > b.key.pub ? 1 : 0));
}

function hexBytes(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h, 'hex'));
}

function concatParts(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Publish a table's parts (each a complete Parquet file of consecutive rows) and return its TableRef. */
async function publishTable<Row>(kind: Parameters<typeof splitIntoParts<Row>>[0], rows: readonly Row[], publish: (b: Uint8Array, t?: string) => Promise<Published>): Promise<TableRef> {
  const parts = splitIntoParts(kind, rows);
  const refs: TableRef['parts'] = [];
  for (const p of parts) {
    const pub = await publish(p.data, CONTENT_TYPES.table);
    refs.push({ inscription: pub.id, sha256: p.sha256, rows: p.rows });
  }
  return { rows: rows.length, parts: refs };
}

/** A wrong computation: one living member's deposit counted one sat too high (another root, same shape). */
function perturbed(honest: MonthResult, inputs: InputsRow[], prev: AllocationRow[], m: number, params: GenesisParams, batchSize: number, mortality: ReturnType<typeof programMortality>): MonthResult {
  void honest;
  const i = inputs.findIndex((r, k) => k > 0 && r.alive);
  const bent = inputs.map((r, k) => (k === i ? { ...r, deposit: r.deposit + 1n } : r));
  return computeAllocation({ month: m, startMonth: params.start_month, batchSize, prev, inputs: bent, mortality });
}

/** A Paillier encryption of `key` under N with the given randomness seed (not r(key) of docs/protocol.md §7.2). */
function kemWithRandomness(n: bigint, key: Uint8Array, seed: Uint8Array): Uint8Array {
  const n2 = n * n;
  const r = (bytesToBigint(seed) % (n - 2n)) + 2n;
  return bigintToBytes(((1n + bytesToBigint(key) * n) * modPow(r, n, n2)) % n2, 2 * byteLength(n));
}
