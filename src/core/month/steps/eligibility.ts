/**
 * Step "eligibility" (docs/protocol.md §6.1): actuaries registered below the anchor height whose stake outpoint exists,
 * pays to P2TR, is proven theirs by a stake proof from its output key, backs no key registered before them, holds
 * ≥ min_stake and is unspent at the anchor (unspent, or spent above it). Key links (§5): the old key must have
 * registered earlier. An ineligible actuary is not a failure of the month; it is remembered with its code so that a
 * counted commit or a lead drawn from it fails with that code later.
 */
import { failed, passed, type Check } from '../../check';
import { isUnavailableCode } from '../../codes';
import { VerifyError } from '../../errors';
import type { RegisterPayload } from '../../protocol/payloads';
import type { TxOutput } from '../../chain/tx';
import { verifyStakeProof } from '../../protocol/stake-proof';
import { chainOrder, type MessageRecord, type StakeSource } from '../records';
import type { Depth } from '../report';
import type { StepResult } from '../step-result';

export interface Actuary {
  key: string;
  stake: bigint;
  register: string;
  registeredAt: number;
  /** Earlier keys linked to this one (old → new), oldest first. */
  linkedFrom: string[];
}

export interface Eligibility {
  anchor: number;
  eligible: Actuary[];
  /** Keys that registered but are not eligible this month, with the reason. */
  ineligible: Map<string, VerifyError>;
}

const evidenceOf = (reg: MessageRecord<'register'>, anchor: number) => ({ actuary: reg.payload.signer, stake: `${reg.payload.stake.txid}:${reg.payload.stake.vout}`, register: reg.inscription.id, anchor });

/**
 * Rules 1–4 of §6.1 for one register: confirmed below the anchor, the stake output exists, is P2TR, and the register's
 * stake proof is signed by its output key. Returns the output (the key's claim on the outpoint), or throws.
 */
export function stakeClaim(reg: MessageRecord<'register'>, stake: StakeSource | undefined, anchor: number): TxOutput {
  const p = reg.payload;
  const ev = evidenceOf(reg, anchor);
  if (reg.inscription.height >= anchor) throw new VerifyError('STAKE_REGISTERED_LATE', `registered at ${reg.inscription.height}, not below the anchor ${anchor}`, { ...ev, height: reg.inscription.height });
  // A stake the hosts could not (or would not truthfully) answer for is unavailable data, not an ineligible actuary;
  // one no live host has (FETCH_NOT_FOUND: every host agrees it does not exist) is missing.
  if (stake?.error && stake.error.code !== 'FETCH_NOT_FOUND' && isUnavailableCode(stake.error.code)) {
    throw new VerifyError(stake.error.code, `stake outpoint could not be obtained: ${stake.error.message}`, ev);
  }
  if (!stake || stake.error || !stake.tx) throw new VerifyError('STAKE_MISSING', `stake outpoint could not be fetched${stake?.error ? `: ${stake.error.message}` : ''}`, ev);
  const out = stake.tx.outputs[p.stake.vout];
  if (!out) throw new VerifyError('STAKE_MISSING', `stake transaction has no output ${p.stake.vout}`, ev);
  if (out.script.length !== 34 || out.script[0] !== 0x51 || out.script[1] !== 0x20) throw new VerifyError('STAKE_NOT_P2TR', 'the stake output is not a P2TR output', ev);
  try {
    verifyStakeProof(p, out.script.slice(2));
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    throw new VerifyError(e.code, `${e.message}: nothing shows that ${p.signer} may use this stake`, { ...ev, ...e.evidence });
  }
  return out;
}

/** Rules 6–7 of §6.1 for the key that owns an outpoint: the stake in sats, or STAKE_TOO_LOW / STAKE_SPENT. */
export function stakeAmount(reg: MessageRecord<'register'>, out: TxOutput, stake: StakeSource, anchor: number, minStake: number): bigint {
  const ev = evidenceOf(reg, anchor);
  if (out.amount < BigInt(minStake)) throw new VerifyError('STAKE_TOO_LOW', `stake of ${out.amount} sats is below the minimum ${minStake}`, { ...ev, sats: out.amount.toString(), minStake });
  for (const [host, o] of Object.entries(stake.outspends ?? {})) {
    if (o.spent && (!o.status.confirmed || (o.status.block_height ?? 0) <= anchor)) {
      throw new VerifyError('STAKE_SPENT', `stake was spent at or before the anchor ${anchor} (${o.status.confirmed ? `height ${o.status.block_height}` : 'unconfirmed'}, by ${o.txid})`, { ...ev, host, spentBy: o.txid, spentAt: o.status.block_height ?? null });
    }
  }
  return out.amount;
}

export interface EligibilityInput {
  depth: Depth;
  /** Month 0's register messages, in chain order. */
  registers: readonly MessageRecord<'register'>[];
  stakes: Readonly<Record<string, StakeSource>>;
  /** The month's anchor height A_m. */
  anchor: number;
  tipHeight: number;
  minStake: number;
}

/** Full depth only: who may take part this month; pending while the tip is below the anchor. */
export function verifyEligibility(input: EligibilityInput): StepResult<Eligibility> {
  const { anchor, tipHeight } = input;
  if (input.depth === 'quick') return { checks: [] };
  if (anchor > tipHeight) return { checks: [], pending: `the month's anchor height ${anchor} is above the tip ${tipHeight}` };
  return eligibilityAt(input.registers, input.stakes, anchor, input.minStake);
}

/** The registers below `anchor` against their stakes: one check each; an ineligible actuary is remembered, not failed. */
export function eligibilityAt(
  registers: readonly MessageRecord<'register'>[], stakes: Readonly<Record<string, StakeSource>>, anchor: number, minStake: number,
): StepResult<Eligibility> & { value: Eligibility } {
  const checks: Check[] = [];
  const eligibility: Eligibility = { anchor, eligible: [], ineligible: new Map() };
  // The latest register of a key below the anchor decides its stake; a later one (re-registration) replaces it.
  const latest = new Map<string, MessageRecord<'register'>>();
  const firstSeen = new Map<string, number>();
  for (const r of registers) {
    if (!firstSeen.has(r.signer)) firstSeen.set(r.signer, r.inscription.height);
    if (r.inscription.height < anchor || !latest.has(r.signer)) latest.set(r.signer, r);
  }
  const links = new Map<string, string>();
  // Rules 1–5: each key's claim on its outpoint; an outpoint backs the first key (in chain order) that proved it.
  const claims = new Map<string, { reg: MessageRecord<'register'>; out: TxOutput } | VerifyError>();
  const owner = new Map<string, MessageRecord<'register'>>();
  for (const r of [...latest.values()].sort((a, b) => chainOrder(a.inscription, b.inscription))) {
    const p: RegisterPayload = r.payload;
    try {
      if (p.keylink) {
        const before = firstSeen.get(p.keylink.old_key);
        if (before === undefined || before > r.inscription.height) {
          throw new VerifyError('MESSAGE_BAD_KEYLINK', 'a key link names an old key that had not registered earlier', { old_key: p.keylink.old_key, new_key: p.signer });
        }
        links.set(p.signer, p.keylink.old_key);
      }
      const out = stakeClaim(r, stakes[`${p.stake.txid}:${p.stake.vout}`], anchor);
      const outpoint = `${p.stake.txid}:${p.stake.vout}`;
      const first = owner.get(outpoint);
      if (first) throw new VerifyError('STAKE_DUPLICATE', `the stake ${outpoint} already backs ${first.payload.signer}, registered first`, { ...evidenceOf(r, anchor), owner: first.payload.signer, ownerRegister: first.inscription.id });
      owner.set(outpoint, r);
      claims.set(p.signer, { reg: r, out });
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      claims.set(p.signer, e);
    }
  }
  for (const r of latest.values()) {
    const p: RegisterPayload = r.payload;
    const claim = claims.get(p.signer)!;
    try {
      if (claim instanceof VerifyError) throw claim;
      const stake = stakeAmount(r, claim.out, stakes[`${p.stake.txid}:${p.stake.vout}`]!, anchor, minStake);
      eligibility.eligible.push({ key: p.signer, stake, register: r.inscription.id, registeredAt: r.inscription.height, linkedFrom: [] });
      checks.push(passed('eligibility', `${p.signer} eligible with ${stake} sats staked`, { actuary: p.signer, sats: stake.toString(), stake: `${p.stake.txid}:${p.stake.vout}`, register: r.inscription.id }));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      if (isUnavailableCode(e.code)) {
        checks.push(failed('eligibility', e));
        continue;
      }
      eligibility.ineligible.set(p.signer, e);
      checks.push(passed('eligibility', `${p.signer} not eligible: ${e.message}`, { actuary: p.signer, eligible: false, reason: e.code }));
    }
  }
  for (const a of eligibility.eligible) {
    for (let k = links.get(a.key); k !== undefined && k !== a.key && !a.linkedFrom.includes(k); k = links.get(k)) a.linkedFrom.unshift(k);
  }
  eligibility.eligible.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { checks, value: eligibility };
}

/** The error to report when an ineligible or unknown key takes part (lead, counted commit). */
export function notEligible(e: Eligibility, key: string, role: string): VerifyError {
  const why = e.ineligible.get(key);
  if (why) return new VerifyError(why.code, `${role} ${key} is not eligible: ${why.message}`, { ...why.evidence, role });
  return new VerifyError('MESSAGE_NOT_ACTUARY', `${role} ${key} is not a registered actuary`, { actuary: key, role });
}
