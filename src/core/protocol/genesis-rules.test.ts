import { describe, expect, it } from 'vitest';
import { codeOf, refusalOf } from '../errors.test-util';
import { attemptSpan, verifyGenesisRules } from './genesis-rules';
import type { GenesisParams, GenesisPayload } from './payloads';

const key = '1b84c5567b126440995d3ed5aaba0565d71e1834604819ff9c17f5e9d5dd078f';
const ref = (b: string) => ({ inscription: b.repeat(32) + 'i0', sha256: b.repeat(32) });
const params: GenesisParams = {
  blocks_per_month: 80, start_height: 207, start_month: 202601, min_stake: 500_000, lead_window: 3, max_attempts: 3, race_delay: 7,
  race_window: 4, reveal_confirmations: 6, reveal_window: 6, super_majority: { num: 2, den: 3 },
  reward_shares: [3000, 2000, 1500, 1200, 1000, 700, 600], monthly_fee_ppm: 1000, penalty_sats: 5000, batch_size: 4,
};
const genesis: GenesisPayload = {
  network: 'regtest', signer: key, program: ref('a1'), proof_system: 'groth16-bn254-snarkjs-v1', verification_keys: [ref('a2')], mortality_table: ref('a3'),
  paillier: { n: 'ff'.repeat(64), parties: 3, threshold: 2, v: '05', verification_keys: ['06', '07', '08'] },
  frost: { group_key: key, threshold: 2, commitments: [['02' + key, '02' + key], ['02' + key, '02' + key], ['02' + key, '02' + key]] },
  bls: { group_key: 'a0'.repeat(96), threshold: 2, parties: 3 },
  pol_key: key, params, relays: [],
};
const GENESIS_HEIGHT = 204;
const withParams = (p: Partial<GenesisParams>): GenesisPayload => ({ ...genesis, params: { ...params, ...p } });
const code = (g: GenesisPayload, height = GENESIS_HEIGHT): string => { const c = codeOf(() => verifyGenesisRules(g, height)); return c === 'ok' ? 'OK' : c; };

describe('when the genesis follows every rule (the devnet\'s parameters)', () => {
  it('passes', () => {
    expect(code(genesis)).toBe('OK');
    expect(attemptSpan(params)).toBe(25);
  });
});

describe('when a parameter is outside its bounds (rule 1)', () => {
  it.each([
    ['blocks_per_month', 0, 100_001], ['start_height', 0, 100_000_001], ['start_month', 189_912, 300_001], ['min_stake', 329, 2_100_000_000_000_001],
    ['lead_window', 0, 10_001], ['max_attempts', 0, 257], ['race_window', 0, 10_001], ['reveal_confirmations', 5, 1_001],
    ['reveal_window', 0, 10_001], ['monthly_fee_ppm', -1, 1_000_001], ['penalty_sats', -1, 2_100_000_000_000_001],
  ] as const)('%s at %d or %d is GENESIS_PARAM_RANGE', (name, below, above) => {
    // Other rules cannot fire first: the month still fits, the start stays above the genesis.
    const fit = { blocks_per_month: 100_000, start_height: 1_000 };
    for (const v of [below, above]) expect(code(withParams({ ...fit, [name]: v }), name === 'start_height' ? 0 : GENESIS_HEIGHT), `${name}=${v}`).toBe('GENESIS_PARAM_RANGE');
  });

  it('at the bounds themselves passes', () => {
    expect(code(withParams({ min_stake: 330, reveal_confirmations: 1_000, blocks_per_month: 100_000, max_attempts: 1 }))).toBe('OK');
    expect(code(withParams({ start_month: 190001 }))).toBe('OK');
    expect(code(withParams({ start_month: 299912, monthly_fee_ppm: 0, penalty_sats: 0 }))).toBe('OK');
  });

  it.each([202600, 202613, 199999])('start_month %d is not a yyyymm month: GENESIS_PARAM_RANGE', (v) => {
    expect(code(withParams({ start_month: v }))).toBe('GENESIS_PARAM_RANGE');
  });
});

describe('when race_delay is below its floor (rule 2)', () => {
  it.each([[0, 'GENESIS_RACE_DELAY'], [6, 'GENESIS_RACE_DELAY'], [7, 'OK'], [8, 'OK'], [10_000, 'GENESIS_MONTH_TOO_SHORT'], [10_001, 'GENESIS_RACE_DELAY']])('race_delay %d: %s', (v, want) => {
    expect(code(withParams({ race_delay: v }))).toBe(want);
  });
});

describe('when batch_size has no v1 circuit (rule 3)', () => {
  it.each([[1, 'OK'], [4, 'OK'], [16, 'OK'], [64, 'OK'], [0, 'GENESIS_BATCH_SIZE'], [2, 'GENESIS_BATCH_SIZE'], [8, 'GENESIS_BATCH_SIZE'], [32, 'GENESIS_BATCH_SIZE'], [256, 'GENESIS_BATCH_SIZE'], [3, 'GENESIS_BATCH_SIZE']])('batch_size %d: %s', (v, want) => {
    expect(code(withParams({ batch_size: v }))).toBe(want);
  });
});

describe('when the super-majority is not above one half (rule 4)', () => {
  it.each([
    [2, 3, 'OK'], [1, 1, 'OK'], [51, 100, 'OK'], [1_000_000, 1_000_000, 'OK'],
    [1, 2, 'GENESIS_SUPER_MAJORITY'], [50, 100, 'GENESIS_SUPER_MAJORITY'], [0, 1, 'GENESIS_SUPER_MAJORITY'], [3, 2, 'GENESIS_SUPER_MAJORITY'],
    [1, 0, 'GENESIS_SUPER_MAJORITY'], [1_000_001, 1_000_001, 'GENESIS_SUPER_MAJORITY'],
  ])('%d/%d: %s', (num, den, want) => {
    expect(code(withParams({ super_majority: { num, den } }))).toBe(want);
  });
});

describe('when the reward shares do not split the pool (rule 5)', () => {
  it.each([
    [[10_000], 'OK'], [[5000, 5000], 'OK'], [[10_000, 0, 0], 'OK'],
    [[], 'GENESIS_REWARD_SHARES'], [[6000, 5000], 'GENESIS_REWARD_SHARES'], [[4000, 5000, 1000], 'GENESIS_REWARD_SHARES'],
    [[9999], 'GENESIS_REWARD_SHARES'], [[10_001], 'GENESIS_REWARD_SHARES'], [Array<number>(65).fill(0).map((_, i) => (i === 0 ? 10_000 : 0)), 'GENESIS_REWARD_SHARES'],
    [Array<number>(64).fill(0).map((_, i) => (i === 0 ? 10_000 : 0)), 'OK'], [[20_000, -10_000], 'GENESIS_REWARD_SHARES'],
  ])('%j: %s', (shares, want) => {
    expect(code(withParams({ reward_shares: shares }))).toBe(want);
  });
});

describe('when a month could run into the next (rule 6)', () => {
  it('max_attempts · T must stay below blocks_per_month', () => {
    expect(code(withParams({ blocks_per_month: 76 }))).toBe('OK');
    expect(code(withParams({ blocks_per_month: 75 }))).toBe('GENESIS_MONTH_TOO_SHORT');
    expect(code(withParams({ blocks_per_month: 30 }))).toBe('GENESIS_MONTH_TOO_SHORT');
    expect(code(withParams({ blocks_per_month: 51, max_attempts: 2 }))).toBe('OK');
    expect(code(withParams({ blocks_per_month: 50, max_attempts: 2 }))).toBe('GENESIS_MONTH_TOO_SHORT');
  });

  it('counts every window of an attempt', () => {
    for (const p of ['lead_window', 'race_window', 'reveal_window'] as const) expect(code(withParams({ blocks_per_month: 76, [p]: params[p] + 1 })), p).toBe('GENESIS_MONTH_TOO_SHORT');
    expect(code(withParams({ blocks_per_month: 76, race_delay: 8 }))).toBe('GENESIS_MONTH_TOO_SHORT');
    expect(code(withParams({ blocks_per_month: 76, reveal_confirmations: 7 }))).toBe('GENESIS_MONTH_TOO_SHORT');
  });
});

describe('when month 1\'s anchor is not above the genesis (rule 7)', () => {
  it.each([[GENESIS_HEIGHT + 1, 'OK'], [GENESIS_HEIGHT, 'GENESIS_START_HEIGHT'], [GENESIS_HEIGHT - 100, 'GENESIS_START_HEIGHT']])('start_height %d: %s', (h, want) => {
    expect(code(withParams({ start_height: h }))).toBe(want);
  });
});

describe('when the keys are not one group with majority thresholds (rule 8)', () => {
  const c4 = ['02' + key, '02' + key];
  it.each([
    ['BLS held by another number of parties', { ...genesis, bls: { ...genesis.bls, parties: 4 } }],
    ['Paillier held by another number of parties', { ...genesis, paillier: { ...genesis.paillier, parties: 2, verification_keys: ['06', '07'] } }],
    ['a FROST minority threshold', { ...genesis, frost: { ...genesis.frost, threshold: 1, commitments: [['02' + key], ['02' + key], ['02' + key]] } }],
    ['a BLS minority threshold', { ...genesis, bls: { ...genesis.bls, threshold: 1 } }],
    ['a Paillier minority threshold', { ...genesis, paillier: { ...genesis.paillier, threshold: 1 } }],
    ['a threshold above the parties', { ...genesis, bls: { ...genesis.bls, threshold: 4 } }],
    ['a FROST commitment list of another length than the threshold', { ...genesis, frost: { ...genesis.frost, commitments: [c4, c4, [...c4, '02' + key]] } }],
  ])('%s is GENESIS_GROUP', (_, g) => {
    expect(code(g as GenesisPayload)).toBe('GENESIS_GROUP');
  });

  it('two of four is not a majority, three of four is', () => {
    const four = (t: number): GenesisPayload => ({
      ...genesis, frost: { ...genesis.frost, threshold: t, commitments: Array.from({ length: 4 }, () => Array<string>(t).fill('02' + key)) },
      bls: { ...genesis.bls, parties: 4, threshold: t }, paillier: { ...genesis.paillier, parties: 4, threshold: t, verification_keys: ['06', '07', '08', '09'] },
    });
    expect(code(four(2))).toBe('GENESIS_GROUP');
    expect(code(four(3))).toBe('OK');
    expect(code(four(4))).toBe('OK');
  });
});

describe('when the Paillier key is unusable (rule 9)', () => {
  const n = BigInt(`0x${'ff'.repeat(64)}`);
  const hex = (x: bigint) => { const s = x.toString(16); return s.length % 2 ? `0${s}` : s; };
  it.each([
    ['an even modulus', { n: 'ff'.repeat(63) + 'fe' }],
    ['a 504-bit modulus', { n: 'ff'.repeat(63) }],
    ['a modulus over 8192 bits', { n: 'ff'.repeat(1025) }],
    ['v = 0', { v: '00' }],
    ['v = N²', { v: hex(n * n) }],
    ['a verification key v_i = 0', { verification_keys: ['06', '00', '08'] }],
  ])('%s is GENESIS_PAILLIER', (_, edit) => {
    expect(code({ ...genesis, paillier: { ...genesis.paillier, ...edit } })).toBe('GENESIS_PAILLIER');
  });

  it('v = N² − 1 and a 8192-bit odd modulus pass', () => {
    expect(code({ ...genesis, paillier: { ...genesis.paillier, v: hex(n * n - 1n) } })).toBe('OK');
    expect(code({ ...genesis, paillier: { ...genesis.paillier, n: 'ff'.repeat(1024) } })).toBe('OK');
  });
});

describe('when the proof system is not v1\'s (rule 10)', () => {
  it.each(['groth16-bn254-v1', 'plonk-bn254-v1', 'groth16-bn254-snarkjs-v2'])('%s is GENESIS_PROOF_SYSTEM', (id) => {
    expect(code({ ...genesis, proof_system: id })).toBe('GENESIS_PROOF_SYSTEM');
  });
});

describe('when several rules are broken', () => {
  it('the first in the table\'s order is reported', () => {
    const all = { ...withParams({ reveal_confirmations: 1, race_delay: 1, batch_size: 2, super_majority: { num: 1, den: 2 }, reward_shares: [1], blocks_per_month: 10, start_height: 1 }), proof_system: 'x' };
    expect(code(all)).toBe('GENESIS_PARAM_RANGE');
    expect(code({ ...all, params: { ...all.params, reveal_confirmations: 6 } })).toBe('GENESIS_RACE_DELAY');
    expect(code({ ...all, params: { ...all.params, reveal_confirmations: 6, race_delay: 7 } })).toBe('GENESIS_BATCH_SIZE');
    expect(code({ ...all, params: { ...all.params, reveal_confirmations: 6, race_delay: 7, batch_size: 4 } })).toBe('GENESIS_SUPER_MAJORITY');
    expect(code({ ...all, params: { ...params, reward_shares: [1], blocks_per_month: 10, start_height: 1 } })).toBe('GENESIS_REWARD_SHARES');
    expect(code({ ...all, params: { ...params, blocks_per_month: 10, start_height: 1 } })).toBe('GENESIS_MONTH_TOO_SHORT');
    expect(code({ ...all, params: { ...params, start_height: 1 } })).toBe('GENESIS_START_HEIGHT');
    expect(code({ ...all, params, bls: { ...genesis.bls, threshold: 1 }, paillier: { ...genesis.paillier, v: '00' } })).toBe('GENESIS_GROUP');
    expect(code({ ...all, params, paillier: { ...genesis.paillier, v: '00' } })).toBe('GENESIS_PAILLIER');
    expect(code({ ...all, params })).toBe('GENESIS_PROOF_SYSTEM');
  });
});

/** The error a genesis fails with: its code, evidence and message (what a report shows). */
const failure = (g: GenesisPayload, height = GENESIS_HEIGHT) => refusalOf(() => verifyGenesisRules(g, height));

describe('what each rule reports', () => {
  it('a parameter out of range names it, its value and its bounds', () => {
    expect(failure(withParams({ lead_window: 0 }))).toEqual({ code: 'GENESIS_PARAM_RANGE', evidence: { param: 'lead_window', value: 0, min: 1, max: 10_000 }, message: 'params.lead_window is 0, outside 1..10000' });
    expect(failure(withParams({ start_month: 202613 }))).toEqual({ code: 'GENESIS_PARAM_RANGE', evidence: { param: 'start_month', value: 202613 }, message: 'params.start_month 202613 is not a yyyymm month' });
    expect(code(withParams({ start_month: 202600 }))).toBe('GENESIS_PARAM_RANGE');
    expect(code(withParams({ start_month: 202612 }))).toBe('OK');
  });

  it('months (month outpoints) within 1..1200 when present', () => {
    for (const months of [1, 1200]) expect(code(withParams({ months }))).toBe('OK');
    for (const months of [0, 1201]) {
      expect(failure(withParams({ months }))).toEqual({ code: 'GENESIS_PARAM_RANGE', evidence: { param: 'months', value: months, min: 1, max: 1200 }, message: `params.months is ${months}, outside 1..1200` });
    }
  });

  it('the race delay, the batch size and the super-majority name their values', () => {
    expect(failure(withParams({ race_delay: 6 }))).toEqual({ code: 'GENESIS_RACE_DELAY', evidence: { value: 6 }, message: 'params.race_delay is 6, below the floor of 7 (or above 10000)' });
    expect(failure(withParams({ batch_size: 8 }))).toEqual({ code: 'GENESIS_BATCH_SIZE', evidence: { value: 8 }, message: 'params.batch_size is 8, not one of 1, 4, 16, 64' });
    expect(failure(withParams({ super_majority: { num: 1, den: 2 } }))).toEqual({ code: 'GENESIS_SUPER_MAJORITY', evidence: { num: 1, den: 2 }, message: 'params.super_majority 1/2 is not above one half (and at most one)' });
  });

  it('reward shares: the count, a share above 10,000, an increase and the sum, each with the shares', () => {
    const shares = (reward_shares: number[]) => failure(withParams({ reward_shares }));
    expect(shares([])).toEqual({ code: 'GENESIS_REWARD_SHARES', evidence: { reward_shares: [] }, message: 'reward_shares has 0 entries, not 1..64' });
    expect(shares(new Array<number>(65).fill(0))).toMatchObject({ message: 'reward_shares has 65 entries, not 1..64' });
    expect(code(withParams({ reward_shares: [...new Array<number>(63).fill(0).map(() => 0), 10_000].sort((a, b) => b - a) }))).toBe('OK');
    expect(shares([10_001])).toEqual({ code: 'GENESIS_REWARD_SHARES', evidence: { reward_shares: [10_001] }, message: 'a reward share is above 10,000 basis points' });
    expect(code(withParams({ reward_shares: [10_000] }))).toBe('OK');
    expect(shares([5000, 2000, 3000])).toEqual({ code: 'GENESIS_REWARD_SHARES', evidence: { reward_shares: [5000, 2000, 3000] }, message: 'reward_shares increase at rank 2' });
    expect(shares([5000, 6000])).toMatchObject({ message: 'reward_shares increase at rank 1' });
    expect(code(withParams({ reward_shares: [5000, 5000] }))).toBe('OK');
    expect(shares([5000, 4000])).toEqual({ code: 'GENESIS_REWARD_SHARES', evidence: { reward_shares: [5000, 4000], sum: 9000 }, message: 'reward_shares add up to 9000, not 10,000 basis points' });
  });

  it('a month too short and a start not above the genesis name their numbers', () => {
    expect(failure(withParams({ blocks_per_month: 75 }))).toEqual({
      code: 'GENESIS_MONTH_TOO_SHORT', evidence: { maxAttempts: 3, attemptSpan: 25, blocksPerMonth: 75 },
      message: '3 attempts of up to 25 blocks do not end before the next month\'s anchor, 75 blocks later',
    });
    expect(code(withParams({ blocks_per_month: 76 }))).toBe('OK');
    expect(failure(genesis, 207)).toEqual({ code: 'GENESIS_START_HEIGHT', evidence: { startHeight: 207, genesisHeight: 207 }, message: 'month 1\'s anchor 207 is not above the genesis\' block 207' });
  });

  it('the group: sizes, each scheme\'s threshold, and a FROST participant with the wrong number of coefficients', () => {
    const c = genesis.frost.commitments[0]!;
    expect(failure({ ...genesis, bls: { ...genesis.bls, parties: 4 } })).toEqual({
      code: 'GENESIS_GROUP', evidence: { parties: { frost: 3, bls: 4, paillier: 3 } }, message: 'the FROST, BLS and Paillier keys are not held by one group of 1..64 parties',
    });
    const big = new Array<string[]>(65).fill(c);
    expect(failure({ ...genesis, frost: { ...genesis.frost, commitments: big }, bls: { ...genesis.bls, parties: 65 }, paillier: { ...genesis.paillier, parties: 65 } }).evidence).toEqual({ parties: { frost: 65, bls: 65, paillier: 65 } });
    const one = { ...genesis, frost: { ...genesis.frost, threshold: 1, commitments: [[c[0]!]] }, bls: { ...genesis.bls, parties: 1, threshold: 1 }, paillier: { ...genesis.paillier, parties: 1, threshold: 1, verification_keys: ['06'] } };
    expect(code(one)).toBe('OK');
    expect(failure({ ...genesis, bls: { ...genesis.bls, threshold: 1 } })).toEqual({ code: 'GENESIS_GROUP', evidence: { scheme: 'bls', threshold: 1, parties: 3 }, message: 'the bls threshold 1 of 3 is not a majority of the group' });
    expect(failure({ ...genesis, paillier: { ...genesis.paillier, threshold: 4 } })).toMatchObject({ evidence: { scheme: 'paillier', threshold: 4, parties: 3 } });
    expect(failure({ ...genesis, frost: { ...genesis.frost, threshold: 4 } })).toMatchObject({ evidence: { scheme: 'frost', threshold: 4, parties: 3 } });
    expect(failure({ ...genesis, frost: { ...genesis.frost, commitments: [c, c, [c[0]!]] } })).toEqual({ code: 'GENESIS_GROUP', evidence: { participant: 3 }, message: 'FROST participant 3 committed to 1 coefficients, not 2' });
    expect(failure({ ...genesis, frost: { ...genesis.frost, commitments: [[c[0]!], c, c] } })).toMatchObject({ evidence: { participant: 1 } });
  });

  it('the Paillier key: an even or wrongly sized modulus, and v or a verification key outside 1..N²−1', () => {
    const pa = (p: Partial<GenesisPayload['paillier']>) => failure({ ...genesis, paillier: { ...genesis.paillier, ...p } });
    expect(pa({ n: `${'ff'.repeat(63)}fe` })).toEqual({ code: 'GENESIS_PAILLIER', evidence: { bits: 512 }, message: 'the Paillier modulus is even; v1 needs an odd modulus of 512..8192 bits' });
    expect(pa({ n: 'ff'.repeat(63) })).toEqual({ code: 'GENESIS_PAILLIER', evidence: { bits: 504 }, message: 'the Paillier modulus is 504 bits; v1 needs an odd modulus of 512..8192 bits' });
    expect(code({ ...genesis, paillier: { ...genesis.paillier, n: `80${'00'.repeat(62)}01` } })).toBe('OK');
    expect(pa({ v: '00' })).toEqual({ code: 'GENESIS_PAILLIER', evidence: { value: 'v' }, message: 'the Paillier key\'s v is not in 1..N²−1' });
    expect(code({ ...genesis, paillier: { ...genesis.paillier, v: '01' } })).toBe('OK');
    expect(pa({ verification_keys: ['06', '00', '08'] })).toEqual({ code: 'GENESIS_PAILLIER', evidence: { value: 'v_2' }, message: 'the Paillier key\'s v_2 is not in 1..N²−1' });
  });

  it('another proof system names it', () => {
    expect(failure({ ...genesis, proof_system: 'plonk' })).toEqual({ code: 'GENESIS_PROOF_SYSTEM', evidence: { proofSystem: 'plonk' }, message: 'the genesis names the proof system plonk; v1 defines groth16-bn254-snarkjs-v1' });
  });
});
