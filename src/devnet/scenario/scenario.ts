/**
 * The actuary simulator (docs/protocol.md): founders, the Proof-of-Life service and the actuaries play a deterministic
 * scenario on any regtest Esplora (+ the devnet mining call): setup and genesis, registrations with stake proofs, then
 * month after month inputs → attempts (lottery → lead commit → race → reveal) → final, with the scenario's events (a
 * missed deadline, an invalid lead and a new draw, disagreement, a void commit, a copied package, a disputed KEM proven
 * by decryption shares, key rotation, a month still in progress at the tip), optionally an outsider writing to every
 * marker (outsider.ts), or one adversarial month (adversarial-cases.ts).
 * The group signs `reveal` and `final` with ROAST over a nostr relay, where the actuaries also publish their profiles
 * and round statuses (docs/nostr.md); one month has a silent and a corrupt signer.
 */
import { monthEnd } from '../../core/month/timeline';
import type { NetworkName } from '../../core/chain/network';
import type { FinalPayload, GenesisParams } from '../../core/protocol/payloads';
import { parseMessage } from '../../core/protocol/message';
import type { CircuitArtifacts } from '../prover/setup';
import { fundStake, register, spendStake, type Actuary } from './actors';
import { ActuaryPresence } from './actuary-presence';
import { ADVERSARIAL_CASES, type AdversarialCase, type CaseSpec } from './adversarial-cases';
import { ChainIO } from './chain-io';
import type { GroupSigner } from './frost-sign';
import { keyPair } from './keys';
import { playMonth } from './month-play';
import { Outsider, type OutsiderWrite } from './outsider';
import type { PresenceFile } from './presence';
import { BatchProver } from './proofs';
import { eventSchedule, honestMonth, type MonthScript } from './scripts';
import { setupInstance } from './setup';
import { NETWORK, type MonthRecord, type World } from './world';

export { eventSchedule } from './scripts';
export type { MonthRecord } from './world';

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
  /** An outsider writes to every marker: during two months' races and, most of it, after the months end. */
  outsider?: boolean;
  log?: (line: string) => void;
}

export interface ScenarioResult {
  network: NetworkName;
  genesis: string;
  /** The objects the genesis names by id. */
  objects: World['objects'];
  setupMarker: string;
  params: GenesisParams;
  months: MonthRecord[];
  relays: string[];
  proofs: { proved: number; cached: number };
  /** The newest profile and round statuses each actuary published (what `presence.json` keeps). */
  presence: PresenceFile;
  /** What the outsider wrote, transaction by transaction (empty without `outsider`). */
  outsider: OutsiderWrite[];
}

/**
 * In the ROAST fault month the second FROST member stays silent after announcing a commitment and the third returns a
 * corrupt share; both sit in the first session (lowest identifiers), so ROAST needs a second one.
 */
export const ROAST_FAULTS: Readonly<Record<number, 'silent' | 'corrupt'>> = { 1: 'silent', 2: 'corrupt' };

export async function runScenario(opts: ScenarioOptions): Promise<ScenarioResult> {
  const log = opts.log ?? ((): void => undefined);
  const io = new ChainIO(opts.url, opts.seed);
  const prover = new BatchProver(opts.circuit);
  const presence = new ActuaryPresence(opts.relayUrl, NETWORK);
  const adv: CaseSpec | undefined = opts.adversarial ? ADVERSARIAL_CASES[opts.adversarial.kind] : undefined;
  let marker: ((m: number) => string) | undefined;
  const outsider = opts.outsider ? new Outsider(opts.url, opts.seed, (m) => marker!(m)) : undefined;
  try {
    if ((await io.wallet.balance()) === 0n) await io.wallet.mine(101);
    if (outsider) await outsider.fund(io, 480);
    const w = await setupInstance(io, prover, presence, {
      seed: opts.seed, actuaries: opts.actuaries, members: opts.members, newPerMonth: opts.newPerMonth, relays: opts.relays,
      relayUrl: opts.relayUrl, circuit: opts.circuit, log, ...(adv?.setup ? { script: adv.setup } : {}),
      beforeRegistrations: async (ctx) => {
        marker = ctx.marker;
        // Ahead of the actuaries' registrations: a claim on actuary 0's stake it cannot prove, a payment, junk.
        if (outsider) {
          await outsider.stakeClaim(ctx.genesis, ctx.actuaries[0]!);
          await outsider.pay([0], 'a plain payment');
          await outsider.junk(0);
        }
      },
    });
    if (adv?.setup?.setupOnly) {
      await io.mine(3);
      return result(w);
    }
    const schedule = opts.adversarial ? undefined : eventSchedule(opts.months);
    const last = opts.adversarial ? opts.adversarial.month + (adv?.monthAfter ? 1 : 0) : opts.months;
    const outsiderMonths = new Set(opts.months >= 6 ? [2, 4] : [1, 2]);
    for (let m = 1; m <= last + (opts.adversarial || opts.noPending ? 0 : 1); m++) {
      const pending = m === last + 1;
      if (pending && outsider) await spamAfterMonths(w, outsider, last);
      const script: MonthScript = {
        ...(schedule ? honestMonth(schedule, m) : m === opts.adversarial!.month ? adv!.month ?? {} : {}),
        ...(outsider && outsiderMonths.has(m) ? { outsider: true } : {}),
      };
      await playMonth(w, m, script, { pending, signers: groupSigners(w, schedule && m === schedule.roastFault), ...(outsider ? { outsider } : {}) });
      if (schedule) await rotateKeys(w, m, schedule.rotate);
    }
    if ((opts.noPending || opts.adversarial) && outsider) await spamAfterMonths(w, outsider, last);
    return result(w);
  } finally {
    presence.close();
    await prover.close();
  }

  function result(w: World): ScenarioResult {
    return {
      network: NETWORK, genesis: w.genesis, objects: w.objects, setupMarker: w.marker(0), params: w.params, months: w.records, relays: opts.relays,
      proofs: { proved: prover.proved, cached: prover.cached }, presence: presence.file(w.genesis), outsider: outsider?.written ?? [],
    };
  }
}

/** The group's ROAST signers: every FROST member under its person's current key; in the fault month, two misbehave. */
function groupSigners(w: World, faulty: boolean | undefined): GroupSigner[] {
  return w.group.frost.members.map((member, k) => {
    const person = `actuary-${k}`;
    const current = w.actuaries.filter((a) => a.person === person).at(-1)!;
    return { person, key: current.key, member, behaviour: faulty ? (ROAST_FAULTS[k] ?? 'honest') : 'honest' };
  });
}

/**
 * Key rotation: in month `rotate`, after the final, a new key (new stake) linked from actuary 0's old one registers
 * before the next anchor; after that anchor the old stake is spent, so both keys are eligible for one month (counted
 * once in seniority).
 */
async function rotateKeys(w: World, m: number, rotate: number): Promise<void> {
  const { io } = w;
  const rec = w.records.at(-1)!;
  if (m === rotate) {
    const old = w.actuaries.find((a) => a.racing && a.person === 'actuary-0')!;
    const key = keyPair(w.seed, 'actuary/0/rotated');
    const fresh: Actuary = { person: old.person, key, stake: await fundStake(io, key.pub, old.stake.value), registeredAt: -1, linkedFrom: old.key.pub, racing: true };
    await io.mine(1);
    await register(io, w.genesis, w.marker(0), fresh, { keylinkFrom: old.key });
    await io.mine(1);
    fresh.registeredAt = await io.tip();
    await w.presence.profile(fresh, await io.blockTime(fresh.registeredAt));
    old.racing = false;
    w.actuaries.push(fresh);
    rec.events.push(`keylink: ${old.key.pub} → ${fresh.key.pub}`);
  }
  if (m === rotate + 1) {
    const old = w.actuaries.find((a) => !a.racing && a.spentAt === undefined);
    if (old) {
      await spendStake(io, old);
      await io.mine(1);
      old.spentAt = await io.tip();
      rec.events.push(`old key ${old.key.pub} stake spent at ${old.spentAt} (eligible no more)`);
    }
  }
}

/**
 * The outsider's spam after the last finished month's end (the kind that makes old months expensive to list): on
 * every marker 0..last payments, a P2WSH envelope, taproot junk; on each month's marker a loose final, a final signed
 * by its own key, and copies of the month's real final (on its marker and on the next month's); 200 dust payments on
 * marker 0 and on month 1's; a message naming 2,000 ids and a 300 KB envelope on month 3's (or the last) marker.
 */
async function spamAfterMonths(w: World, outsider: Outsider, last: number): Promise<void> {
  await w.io.mineTo(monthEnd(w.params, last));
  await outsider.dust(0, 200);
  await outsider.dust(1, 200);
  for (let m = 0; m <= last; m++) {
    await outsider.pay([m], 'a plain payment', 10_000n);
    await outsider.p2wshEnvelope([m]);
    await outsider.junk(m);
    const rec = w.records.find((r) => r.month === m);
    const finalBody = rec?.final ? w.bodies.get(rec.final) : undefined;
    if (m === 0 || !finalBody) continue;
    await outsider.looseFinal(m);
    const real = parseMessage(finalBody, { network: NETWORK, genesis: w.genesis, month: m });
    await outsider.unauthorisedFinal(m, real.payload as FinalPayload);
    await outsider.replay([m], finalBody, `a copy of month ${m}'s final`);
    await outsider.replay([m + 1], finalBody, `a copy of month ${m}'s final on month ${m + 1}'s marker`);
  }
  const target = Math.min(3, last);
  await outsider.manyIds(target);
  await outsider.big(target);
  await w.io.mine(1);
  w.log(`outsider: ${outsider.written.length} transactions written to the markers`);
}
