/**
 * Month 0 of the scenario (docs/protocol.md §2.3, §4.2–4.3): the program, mortality table and verification key, the
 * founders' genesis, the actuaries' stakes and their registrations with stake proofs — and, for adversarial vectors,
 * a genesis, program or registration that breaks a rule (scripts.ts `SetupScript`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { p2wpkh } from '@scure/btc-signer';
import { taprootTweakPrivKey } from '@scure/btc-signer/utils.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, sha256, utf8 } from '../../core/bytes';
import { markerAddress } from '../../core/protocol/marker';
import { monthOutputScript } from '../../core/protocol/month-outpoints';
import { buildMessage, CONTENT_TYPES } from '../../core/protocol/message';
import { parseInscriptionId } from '../../core/protocol/ids';
import type { GenesisParams, GenesisPayload } from '../../core/protocol/payloads';
import { GROTH16_BN254_SNARKJS_V1 } from '../../core/proof/groth16-system';
import { MORTALITY, writeTable } from '../../core/table';
import { REGTEST } from '../params';
import { REPO_ROOT, type CircuitArtifacts } from '../prover/setup';
import { devnetMortalityRows } from '../tables/mortality-rates';
import { fundStake, register, type Actuary } from './actors';
import type { ActuaryPresence } from './actuary-presence';
import type { ChainIO } from './chain-io';
import { deviantProgram } from './deviant-programs';
import type { GroupSigning } from './frost-sign';
import { groupKeys, keyPair, type GroupKeys } from './keys';
import { Population } from './members';
import { programMortality } from './month-compute';
import type { BatchProver } from './proofs';
import type { SetupScript } from './scripts';
import { NETWORK, type World } from './world';

const STAKE = 1_000_000n;
/** What each month outpoint holds (above the P2TR dust limit of 330 sats). */
const MONTH_OUTPUT_SATS = 1_000n;

/** Months a devnet instance provides month outpoints for (docs/protocol.md §2.4). */
export const SCENARIO_MONTHS = 24;

/** The genesis parameters the simulator runs with (blocks, not dates; docs/protocol.md §6.0). */
export function scenarioParams(startHeight: number, batchSize: number): GenesisParams {
  return {
    months: SCENARIO_MONTHS, blocks_per_month: 80, start_height: startHeight, start_month: 202601, min_stake: 500_000,
    lead_window: 3, max_attempts: 3, race_delay: 7, race_window: 4, reveal_confirmations: 6, reveal_window: 6,
    super_majority: { num: 2, den: 3 }, reward_shares: [3000, 2000, 1500, 1200, 1000, 700, 600],
    monthly_fee_ppm: 1000, penalty_sats: 5000, batch_size: batchSize,
  };
}

/** Group keys are slow to deal (safe primes): one deal per (seed, threshold, parties) per process. */
const dealt = new Map<string, GroupKeys>();
function memoGroupKeys(seed: string, threshold: number, parties: number): GroupKeys {
  const k = `${seed}/${threshold}/${parties}`;
  if (!dealt.has(k)) dealt.set(k, groupKeys(seed, threshold, parties));
  return dealt.get(k)!;
}

export interface SetupOptions {
  seed: string;
  actuaries: number;
  members: number;
  newPerMonth: number;
  relays: string[];
  relayUrl: string;
  circuit: CircuitArtifacts;
  log: (line: string) => void;
  script?: SetupScript;
  /** Called once the genesis and the stakes are confirmed, before the registrations are broadcast. */
  beforeRegistrations?: (ctx: { genesis: string; marker: (m: number) => string; actuaries: readonly Actuary[] }) => Promise<void>;
}

export async function setupInstance(io: ChainIO, prover: BatchProver, presence: ActuaryPresence, o: SetupOptions): Promise<World> {
  const { seed, log } = o;
  const s = o.script ?? {};
  if ((await io.wallet.balance()) === 0n) await io.wallet.mine(101);
  const founders = keyPair(seed, 'founders');
  const pol = keyPair(seed, 'pol');
  const threshold = Math.floor(o.actuaries / 2) + 1;
  log(`keys: dealing Paillier (safe primes), BLS and running the FROST DKG (${threshold} of ${o.actuaries})`);
  const group = memoGroupKeys(seed, threshold, o.actuaries);
  const signing: GroupSigning = { relayUrl: o.relayUrl, frost: group.frost, seed };

  const honestWasm = new Uint8Array(readFileSync(join(REPO_ROOT, 'programs/allocation/build/allocation.wasm')));
  const wasm = s.program ? await deviantProgram(s.program) : honestWasm;
  const mortalityRows = devnetMortalityRows();
  const vkeyText = JSON.stringify(o.circuit.vkey);
  const vkeyBytes = utf8.encode(s.vkey === 'malformed' ? vkeyText.slice(0, vkeyText.length >> 1) : vkeyText);
  const program = await io.inscribe(wasm, CONTENT_TYPES.program);
  const mortalityIns = await io.inscribe(writeTable(MORTALITY, mortalityRows), CONTENT_TYPES.table);
  const vkeyIns = await io.inscribe(vkeyBytes, CONTENT_TYPES.message);
  await io.mine(1);

  const tip0 = await io.tip();
  const params = { ...scenarioParams(tip0 + 4, o.circuit.batchSize), ...s.params };
  let genesisPayload: GenesisPayload = {
    network: NETWORK, signer: founders.pub,
    program: { inscription: program.id, sha256: program.sha256 },
    proof_system: GROTH16_BN254_SNARKJS_V1,
    verification_keys: [{ inscription: vkeyIns.id, sha256: vkeyIns.sha256 }],
    mortality_table: { inscription: mortalityIns.id, sha256: mortalityIns.sha256 },
    paillier: paillierJson(group),
    frost: { group_key: group.frost.groupKey, threshold, commitments: group.frost.commitments },
    bls: { group_key: bytesToHex(group.bls.groupKey), threshold, parties: o.actuaries },
    pol_key: pol.pub, params, relays: o.relays,
  };
  if (s.genesis) genesisPayload = s.genesis(genesisPayload);
  // The genesis transaction carries the month outpoints: outputs 1..months pay the group key (docs/protocol.md §2.4).
  const months = genesisPayload.params.months ?? 0;
  const monthOutputs = genesisMonthOutputs(group.frost.groupKey, months, s.monthOutputs);
  const genesisIns = await io.inscribe(buildMessage('genesis', genesisPayload, founders.secret), CONTENT_TYPES.message, [], undefined, { extraOutputs: monthOutputs });
  const genesis = genesisIns.id;
  const genesisId = parseInscriptionId(genesis);
  const marker = (m: number): string => markerAddress(NETWORK, genesisId, m);
  const actuaries: Actuary[] = [];
  for (let i = 0; i < o.actuaries; i++) {
    const k = keyPair(seed, `actuary/${i}`);
    actuaries.push({ person: `actuary-${i}`, key: k, stake: await fundStake(io, k.pub, STAKE + BigInt(i) * 250_000n), registeredAt: -1, racing: true });
  }
  const intruder = s.intruder ? await intruderActuary(io, seed, s.intruder, actuaries[0]!) : undefined;
  await io.mine(1);
  log(`genesis ${genesis} at height ${tip0 + 1}`);

  await o.beforeRegistrations?.({ genesis, marker, actuaries });
  for (const a of actuaries) await register(io, genesis, marker(0), a);
  if (intruder) await registerIntruder(io, genesis, marker(0), intruder, s.intruder!, actuaries[0]!, seed);
  await io.mine(1);
  const regHeight = await io.tip();
  for (const a of actuaries) a.registeredAt = regHeight;
  if (intruder && s.intruder !== 'registered-late' && s.intruder !== 'unregistered') intruder.registeredAt = regHeight;
  const regTime = await io.blockTime(regHeight);
  await Promise.all(actuaries.map((a) => presence.profile(a, regTime)));

  return {
    io, seed, log, params, genesis, genesisId, objects: { program: program.id, mortality: mortalityIns.id, vkey: vkeyIns.id }, founders, pol, group, signing, threshold, actuaries, ...(intruder ? { intruder, intruderKind: s.intruder! } : {}),
    mortality: programMortality(mortalityRows), batchSize: o.circuit.batchSize, prover, presence,
    population: new Population(seed, o.members, o.newPerMonth), prevRows: [], logEntries: [], records: [],
    commitPayloads: new Map(), bodies: new Map(), marker,
    ...(months > 0 ? { monthOutput: (m: number) => ({ txid: genesisId.txid, vout: m, amount: MONTH_OUTPUT_SATS, script: monthOutputScript(group.frost.groupKey) }) } : {}),
  };
}

/** Outputs 1..months of the genesis transaction, `OP_1 <group key>` each (for adversarial vectors, the last one broken). */
function genesisMonthOutputs(groupKey: string, months: number, fault: SetupScript['monthOutputs']): { script: Uint8Array; value: bigint }[] {
  const outputs = Array.from({ length: months }, () => ({ script: monthOutputScript(groupKey), value: MONTH_OUTPUT_SATS }));
  if (fault === 'missing') outputs.pop();
  if (fault === 'wrong-key') outputs[months - 1] = { script: monthOutputScript(bytesToHex(sha256(utf8.encode('not the group key')))), value: MONTH_OUTPUT_SATS };
  return outputs;
}

/** The intruder's key and stake: a stake that does not exist, is not P2TR, is too low, or is someone else's. */
async function intruderActuary(io: ChainIO, seed: string, kind: NonNullable<SetupScript['intruder']>, holder: Actuary): Promise<Actuary> {
  const key = keyPair(seed, 'intruder');
  const base = { person: 'intruder', key, registeredAt: Infinity, racing: true };
  switch (kind) {
    case 'missing':
    case 'unregistered':
      return { ...base, stake: { txid: bytesToHex(sha256(utf8.encode(`no such stake/${seed}`))), vout: 0, value: STAKE } };
    case 'not-p2tr': {
      const script = p2wpkh(secp256k1.getPublicKey(key.secret, true), REGTEST).script;
      return { ...base, stake: { txid: await io.wallet.pay([{ script, value: STAKE }]), vout: 0, value: STAKE } };
    }
    case 'too-low':
      return { ...base, stake: await fundStake(io, key.pub, 400_000n) };
    case 'not-controlled':
    case 'duplicate':
      return { ...base, stake: holder.stake };
    default:
      return { ...base, stake: await fundStake(io, key.pub, STAKE) };
  }
}

/**
 * The intruder's register: with a stake proof by its own key on a stranger's stake (`not-controlled`), by the stake's
 * holder for a second key on one outpoint (`duplicate`), with a key link from a key that never registered
 * (`bad-keylink`); `registered-late` registers in the month itself (month-play.ts), `unregistered` never.
 */
async function registerIntruder(io: ChainIO, genesis: string, setupMarker: string, intruder: Actuary, kind: NonNullable<SetupScript['intruder']>, holder: Actuary, seed: string): Promise<void> {
  if (kind === 'registered-late' || kind === 'unregistered') return;
  const opts = kind === 'not-controlled' ? { stakeSecret: taprootTweakPrivKey(intruder.key.secret) }
    : kind === 'duplicate' ? { stakeSecret: taprootTweakPrivKey(holder.key.secret) }
      : kind === 'bad-keylink' ? { keylinkFrom: keyPair(seed, 'intruder/never-registered') } : {};
  await register(io, genesis, setupMarker, intruder, opts);
}

function paillierJson(group: GroupKeys): GenesisPayload['paillier'] {
  const p = group.paillier.pub;
  const h = (x: bigint): string => {
    const s = x.toString(16);
    return s.length % 2 ? `0${s}` : s;
  };
  return { n: h(p.n), parties: p.parties, threshold: p.threshold, v: h(p.v), verification_keys: p.verificationKeys.map(h) };
}
