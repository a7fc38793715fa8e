import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8 } from '../bytes';
import { VerifyError } from '../errors';
import { drawValue, selectLead, type Candidate } from './selection';

const vector = JSON.parse(readFileSync(new URL('../../../vectors/protocol/lottery/selection.json', import.meta.url), 'utf8')) as {
  randomness_preimage: string; randomness: string; candidates: { key: string; stake: string }[];
  attempts: { attempt: number; excluded: string[]; lead: string; r?: string; total: string }[];
};
const candidates: Candidate[] = vector.candidates.map((c) => ({ key: c.key, stake: BigInt(c.stake) }));

describe('when drawing the research vector\'s leads attempt by attempt', () => {
  it('has R = sha256 of the beacon text', () => {
    expect(bytesToHex(sha256(utf8.encode(vector.randomness_preimage)))).toBe(vector.randomness);
  });
  it.each(vector.attempts)('attempt $attempt picks $lead', (a) => {
    const d = selectLead(hexToBytes(vector.randomness), a.attempt, candidates, new Set(a.excluded));
    expect(d.lead).toBe(a.lead);
    expect(d.total).toBe(BigInt(a.total));
    if (a.r !== undefined) expect(d.r).toBe(BigInt(a.r));
  });
  it('does not depend on the order the candidates are listed in', () => {
    const R = hexToBytes(vector.randomness);
    expect(selectLead(R, 0, [...candidates].reverse()).lead).toBe(selectLead(R, 0, candidates).lead);
  });
});

describe('when every candidate has been excluded', () => {
  it('fails with LOTTERY_NO_CANDIDATES', () => {
    try {
      selectLead(hexToBytes(vector.randomness), 3, candidates, new Set(candidates.map((c) => c.key)));
      expect.unreachable();
    } catch (e) {
      expect((e as VerifyError).code).toBe('LOTTERY_NO_CANDIDATES');
    }
  });
});

describe('when the draw value lands in the rejected tail', () => {
  it('moves to the next counter (a total just above 2^255 rejects almost half the values)', () => {
    const R = hexToBytes(vector.randomness);
    const total = (1n << 255n) + 1n;
    const limit = (1n << 256n) - ((1n << 256n) % total);
    let expectCounter = 0;
    while (drawValue(R, 0, expectCounter) >= limit) expectCounter++;
    const d = selectLead(R, 0, [{ key: '11'.repeat(32), stake: total - 1n }, { key: '22'.repeat(32), stake: 1n }]);
    expect(d.counter).toBe(expectCounter);
    expect(d.r).toBe(drawValue(R, 0, expectCounter) % total);
  });
});

describe('when the draw is repeated many times', () => {
  it('picks each actuary in proportion to its stake', () => {
    const stakes = [5n, 1n, 3n, 1n];
    const cs = stakes.map((s, i) => ({ key: String(i + 1).padStart(2, '0').repeat(32), stake: s }));
    const counts = [0, 0, 0, 0];
    const N = 4000;
    for (let i = 0; i < N; i++) {
      const lead = selectLead(sha256(utf8.encode(`beacon ${i}`)), 0, cs).lead;
      counts[cs.findIndex((c) => c.key === lead)]!++;
    }
    const chi2 = counts.reduce((s, c, i) => s + (c - (N * Number(stakes[i])) / 10) ** 2 / ((N * Number(stakes[i])) / 10), 0);
    expect(chi2).toBeLessThan(16.27); // 3 dof, p = 0.001
  });
});
