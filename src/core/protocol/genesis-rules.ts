/**
 * The genesis rules (docs/protocol.md §4.2.1): every parameter within its bounds, the race delay's floor, the batch
 * sizes the circuits exist for, a super-majority above one half, reward shares that split the pool, a month that ends
 * before the next anchor, a first anchor above the genesis, one actuary group with majority thresholds, a usable
 * Paillier key and the one proof system v1 defines. The first broken rule is thrown as its GENESIS_* code.
 */
import { VerifyError } from '../errors';
import { GROTH16_BN254_SNARKJS_V1 } from '../proof/groth16-system';
import type { GenesisParams, GenesisPayload } from './payloads';

const SATS_MAX = 2_100_000_000_000_000;

/** Rule 1: each integer parameter's bounds (inclusive). `race_delay` and `batch_size` have rules of their own. */
export const PARAM_BOUNDS: Readonly<Record<Exclude<keyof GenesisParams, 'race_delay' | 'batch_size' | 'super_majority' | 'reward_shares' | 'months'>, readonly [number, number]>> = {
  blocks_per_month: [1, 100_000],
  start_height: [1, 100_000_000],
  start_month: [190001, 299912],
  min_stake: [330, SATS_MAX],
  lead_window: [1, 10_000],
  max_attempts: [1, 256],
  race_window: [1, 10_000],
  reveal_confirmations: [6, 1_000],
  reveal_window: [1, 10_000],
  monthly_fee_ppm: [0, 1_000_000],
  penalty_sats: [0, SATS_MAX],
};

/** Rule 1, optional `months`: month outpoints for up to 100 years of months (§2.4). */
export const MONTHS_BOUNDS = [1, 1200] as const;

export const RACE_DELAY_FLOOR = 7;
export const RACE_DELAY_MAX = 10_000;
/** Batch sizes with a v1 batch circuit: powers of four (the batch tree is quaternary) up to 64. */
export const BATCH_SIZES: readonly number[] = [1, 4, 16, 64];

/** The longest an attempt can last (§6.0): its lead commits last in its window, the group reveals last in its window. */
export function attemptSpan(p: GenesisParams): number {
  return p.lead_window + p.race_delay + p.race_window - 1 + p.reveal_confirmations + p.reveal_window;
}

function paramRange(p: GenesisParams): void {
  for (const [name, [min, max]] of Object.entries(PARAM_BOUNDS) as [keyof typeof PARAM_BOUNDS, readonly [number, number]][]) {
    const v = p[name];
    if (!(v >= min && v <= max)) throw new VerifyError('GENESIS_PARAM_RANGE', `params.${name} is ${v}, outside ${min}..${max}`, { param: name, value: v, min, max });
  }
  if (p.months !== undefined && !(p.months >= MONTHS_BOUNDS[0] && p.months <= MONTHS_BOUNDS[1])) {
    throw new VerifyError('GENESIS_PARAM_RANGE', `params.months is ${p.months}, outside ${MONTHS_BOUNDS[0]}..${MONTHS_BOUNDS[1]}`, { param: 'months', value: p.months, min: MONTHS_BOUNDS[0], max: MONTHS_BOUNDS[1] });
  }
  const mm = p.start_month % 100;
  if (mm < 1 || mm > 12) throw new VerifyError('GENESIS_PARAM_RANGE', `params.start_month ${p.start_month} is not a yyyymm month`, { param: 'start_month', value: p.start_month });
}

function rewardShares(shares: readonly number[]): void {
  const ev = { reward_shares: shares };
  if (shares.length < 1 || shares.length > 64) throw new VerifyError('GENESIS_REWARD_SHARES', `reward_shares has ${shares.length} entries, not 1..64`, ev);
  if (shares.some((s) => s > 10_000)) throw new VerifyError('GENESIS_REWARD_SHARES', 'a reward share is above 10,000 basis points', ev);
  for (let i = 1; i < shares.length; i++) {
    if (shares[i]! > shares[i - 1]!) throw new VerifyError('GENESIS_REWARD_SHARES', `reward_shares increase at rank ${i}`, ev);
  }
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum !== 10_000) throw new VerifyError('GENESIS_REWARD_SHARES', `reward_shares add up to ${sum}, not 10,000 basis points`, { ...ev, sum });
}

function group(g: GenesisPayload): void {
  const n = g.frost.commitments.length;
  const parties = { frost: n, bls: g.bls.parties, paillier: g.paillier.parties };
  if (n < 1 || n > 64 || g.bls.parties !== n || g.paillier.parties !== n) {
    throw new VerifyError('GENESIS_GROUP', 'the FROST, BLS and Paillier keys are not held by one group of 1..64 parties', { parties });
  }
  const thresholds = { frost: g.frost.threshold, bls: g.bls.threshold, paillier: g.paillier.threshold };
  for (const [scheme, t] of Object.entries(thresholds)) {
    if (!(2 * t > n && t <= n)) throw new VerifyError('GENESIS_GROUP', `the ${scheme} threshold ${t} of ${n} is not a majority of the group`, { scheme, threshold: t, parties: n });
  }
  const short = g.frost.commitments.findIndex((c) => c.length !== g.frost.threshold);
  if (short >= 0) throw new VerifyError('GENESIS_GROUP', `FROST participant ${short + 1} committed to ${g.frost.commitments[short]!.length} coefficients, not ${g.frost.threshold}`, { participant: short + 1 });
}

function paillier(p: GenesisPayload['paillier']): void {
  const n = BigInt(`0x${p.n}`);
  const bits = n.toString(2).length;
  if (bits < 512 || bits > 8192 || n % 2n === 0n) throw new VerifyError('GENESIS_PAILLIER', `the Paillier modulus is ${n % 2n === 0n ? 'even' : `${bits} bits`}; v1 needs an odd modulus of 512..8192 bits`, { bits });
  const n2 = n * n;
  for (const [name, hex] of [['v', p.v], ...p.verification_keys.map((v, i) => [`v_${i + 1}`, v] as const)] as const) {
    const x = BigInt(`0x${hex}`);
    if (x < 1n || x >= n2) throw new VerifyError('GENESIS_PAILLIER', `the Paillier key's ${name} is not in 1..N²−1`, { value: name });
  }
}

/**
 * Throws the code of the first genesis rule `g` breaks (§4.2.1, in the table's order); `genesisHeight` is the height
 * of the genesis inscription's block.
 */
export function verifyGenesisRules(g: GenesisPayload, genesisHeight: number): void {
  const p = g.params;
  paramRange(p);
  if (!(p.race_delay >= RACE_DELAY_FLOOR && p.race_delay <= RACE_DELAY_MAX)) {
    throw new VerifyError('GENESIS_RACE_DELAY', `params.race_delay is ${p.race_delay}, below the floor of ${RACE_DELAY_FLOOR} (or above ${RACE_DELAY_MAX})`, { value: p.race_delay });
  }
  if (!BATCH_SIZES.includes(p.batch_size)) {
    throw new VerifyError('GENESIS_BATCH_SIZE', `params.batch_size is ${p.batch_size}, not one of ${BATCH_SIZES.join(', ')}`, { value: p.batch_size });
  }
  const { num, den } = p.super_majority;
  if (!(den >= 1 && den <= 1_000_000 && 2 * num > den && num <= den)) {
    throw new VerifyError('GENESIS_SUPER_MAJORITY', `params.super_majority ${num}/${den} is not above one half (and at most one)`, { num, den });
  }
  rewardShares(p.reward_shares);
  const span = attemptSpan(p);
  if (p.max_attempts * span >= p.blocks_per_month) {
    throw new VerifyError('GENESIS_MONTH_TOO_SHORT', `${p.max_attempts} attempts of up to ${span} blocks do not end before the next month's anchor, ${p.blocks_per_month} blocks later`, { maxAttempts: p.max_attempts, attemptSpan: span, blocksPerMonth: p.blocks_per_month });
  }
  if (p.start_height <= genesisHeight) {
    throw new VerifyError('GENESIS_START_HEIGHT', `month 1's anchor ${p.start_height} is not above the genesis' block ${genesisHeight}`, { startHeight: p.start_height, genesisHeight });
  }
  group(g);
  paillier(g.paillier);
  if (g.proof_system !== GROTH16_BN254_SNARKJS_V1) {
    throw new VerifyError('GENESIS_PROOF_SYSTEM', `the genesis names the proof system ${g.proof_system}; v1 defines ${GROTH16_BN254_SNARKJS_V1}`, { proofSystem: g.proof_system });
  }
}
