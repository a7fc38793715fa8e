import { describe, expect, it } from 'vitest';
import type { Eligibility } from './eligibility';
import type { RoundLead } from './lottery';
import { verifyRace, type RaceResult } from './race';
import { PARAMS, commit, key } from './test-records.test-util';

const eligibility = (n: number): Eligibility => ({ anchor: 1000, eligible: Array.from({ length: n }, (_, i) => ({ key: key(i + 1), stake: 1_000_000n, register: '', registeredAt: 900, linkedFrom: [] })), ineligible: new Map() });
const hL = 1005;
const lead = commit(key(1), hL);
const accepted: RoundLead = { attempt: 0, lead: key(1), commit: lead, from: 'lottery' };

function statusOf(commits: ReturnType<typeof commit>[], tip = 2000) {
  const { value, checks, pending } = verifyRace({ params: PARAMS, lead: accepted, commits: [lead, ...commits], eligibility: eligibility(5), tipHeight: tip });
  const race: RaceResult = value ?? { window: { from: 0, to: 0 }, entries: [], counted: [], quorum: 0, pending: false };
  return { race, checks, pending, status: (c: ReturnType<typeof commit>) => race.entries.find((e) => e.commit === c)?.status };
}

describe('when a secondary commits at h_L + 6', () => {
  it('is void, and at h_L + 7 it is counted', () => {
    const early = commit(key(2), hL + 6);
    const onTime = commit(key(3), hL + 7);
    const { status } = statusOf([early, onTime]);
    expect(status(early)).toBe('void');
    expect(status(onTime)).toBe('counted');
  });
});

describe('when a commit lands on the last block of the race window and one block after', () => {
  it('counts the first and not the second', () => {
    const last = commit(key(2), hL + 7 + 3);
    const after = commit(key(3), hL + 7 + 4);
    const { status } = statusOf([last, after]);
    expect(status(last)).toBe('counted');
    expect(status(after)).toBe('late');
  });
});

describe('when two secondaries commit in the same block', () => {
  it('ranks them by position in the block (from the Merkle proof)', () => {
    const second = commit(key(2), hL + 8, 5);
    const first = commit(key(3), hL + 8, 2);
    const { race } = statusOf([second, first]);
    expect(race.counted.slice(1).map((e) => e.actuary)).toEqual([key(3), key(2)]);
  });
});

describe('when an actuary commits twice', () => {
  it('only the first commit counts, even when it was void', () => {
    const voided = commit(key(2), hL + 2);
    const again = commit(key(2), hL + 8);
    const { status } = statusOf([voided, again]);
    expect(status(voided)).toBe('void');
    expect(status(again)).toBe('repeat');
  });
});

describe('when fewer than a majority of the eligible secondaries committed', () => {
  it('fails with RACE_NO_QUORUM once the window is over, and is pending before', () => {
    const few = [commit(key(2), hL + 8), commit(key(3), hL + 8, 2)]; // 2 of 4, quorum 3
    expect(statusOf(few).checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['RACE_NO_QUORUM']);
    expect(statusOf(few, hL + 9).race.pending).toBe(true);
    expect(statusOf(few, hL + 9).pending).toBe(`the race window runs to ${hL + 7 + 3}`);
  });

  it('passes with exactly ⌊E/2⌋ + 1', () => {
    const enough = [commit(key(2), hL + 8), commit(key(3), hL + 8, 2), commit(key(4), hL + 9)];
    expect(statusOf(enough).checks.every((c) => c.ok)).toBe(true);
  });
});

describe('when a key that is not eligible commits', () => {
  it('is not counted', () => {
    const outsider = commit(key(9), hL + 8);
    expect(statusOf([outsider]).status(outsider)).toBe('not-eligible');
  });
});

describe('when a commit answers another attempt than the round\'s', () => {
  it('is not counted, and does not spend the actuary\'s first commit', () => {
    const other = commit(key(2), hL + 8, 1, 1);
    const mine = commit(key(2), hL + 9);
    const { status } = statusOf([other, mine]);
    expect(status(other)).toBe('other-attempt');
    expect(status(mine)).toBe('counted');
  });
});

describe('when the lead commits again during the race', () => {
  it('its second commit is a repeat, never a secondary', () => {
    const again = commit(key(1), hL + 8);
    expect(statusOf([again]).status(again)).toBe('repeat');
  });
});

describe('when the round\'s lead commit is not among the month\'s commits', () => {
  it('is a caller bug (RangeError), not a finding', () => {
    expect(() => verifyRace({ params: PARAMS, lead: accepted, commits: [], eligibility: eligibility(5), tipHeight: 2000 })).toThrow(RangeError);
  });
});

describe('when the tip reaches the race window\'s last block without a quorum', () => {
  it('is still pending at the last block, and RACE_NO_QUORUM one block later', () => {
    const few = [commit(key(2), hL + 8)];
    const end = hL + 7 + 3;
    expect(statusOf(few, end)).toMatchObject({ pending: `the race window runs to ${end}`, race: { pending: true } });
    expect(statusOf(few, end).checks.filter((c) => !c.ok)).toEqual([]);
    const over = statusOf(few, end + 1);
    expect(over.pending).toBeUndefined();
    expect(over.race.pending).toBe(false);
    expect(over.checks.filter((c) => !c.ok)).toMatchObject([{ step: 'race', code: 'RACE_NO_QUORUM', evidence: { counted: 1, eligible: 4, quorum: 3 } }]);
  });
});

describe('the race\'s result', () => {
  it('gives its window, the lead first among the counted, and ranks in race order', () => {
    const a = commit(key(2), hL + 9);
    const b = commit(key(3), hL + 8);
    const { race } = statusOf([a, b]);
    expect(race.window).toEqual({ from: hL + 7, to: hL + 10 });
    expect(race.counted.map((e) => [e.actuary, e.status, e.rank])).toEqual([[key(1), 'lead', undefined], [key(3), 'counted', 1], [key(2), 'counted', 2]]);
    expect(race.quorum).toBe(3);
  });

  it('each commit but the lead\'s has a passed check with its place, status and (when counted) rank', () => {
    const early = commit(key(2), hL + 1, 4);
    const onTime = commit(key(3), hL + 8, 2);
    const { checks } = statusOf([early, onTime]);
    const of = (c: ReturnType<typeof commit>) => checks.find((x) => x.evidence.commit === c.inscription.id);
    expect(of(early)).toMatchObject({ ok: true, step: 'race', evidence: { actuary: key(2), height: hL + 1, position: 4, status: 'void', window: { from: hL + 7, to: hL + 10 } } });
    expect(of(early)?.evidence).not.toHaveProperty('rank');
    expect(of(onTime)).toMatchObject({ ok: true, evidence: { actuary: key(3), height: hL + 8, position: 2, status: 'counted', rank: 1 } });
    expect(checks.some((x) => x.evidence.commit === lead.inscription.id)).toBe(false);
  });

  it('a quorum passes with a check counting the secondaries against the eligible (the lead not among them)', () => {
    const enough = [commit(key(2), hL + 8), commit(key(3), hL + 8, 2), commit(key(4), hL + 9)];
    const { checks } = statusOf(enough);
    expect(checks.at(-1)).toMatchObject({ ok: true, step: 'race', evidence: { counted: 3, eligible: 4, quorum: 3 } });
  });

  it('when the lead is not itself eligible, every eligible key counts towards the quorum', () => {
    const outsiderLead = commit(key(9), hL);
    const r = verifyRace({ params: PARAMS, lead: { ...accepted, lead: key(9), commit: outsiderLead }, commits: [outsiderLead], eligibility: eligibility(5), tipHeight: 2000 });
    expect(r.value.quorum).toBe(3);
    expect(r.checks.at(-1)).toMatchObject({ code: 'RACE_NO_QUORUM', evidence: { counted: 0, eligible: 5, quorum: 3 } });
  });
});

describe('when commits are listed out of chain order', () => {
  it('an actuary\'s first commit in chain order is the one that counts', () => {
    const first = commit(key(2), hL + 8, 1);
    const again = commit(key(2), hL + 8, 3);
    const { status } = statusOf([again, first]);
    expect(status(first)).toBe('counted');
    expect(status(again)).toBe('repeat');
  });
});

describe('when a key that is not eligible commits twice', () => {
  it('both are not eligible (neither is a repeat)', () => {
    const a = commit(key(9), hL + 8);
    const b = commit(key(9), hL + 9);
    const { status } = statusOf([a, b]);
    expect([status(a), status(b)]).toEqual(['not-eligible', 'not-eligible']);
  });
});

describe('when an actuary answers another attempt after its counted commit', () => {
  it('the later commit is a repeat: its first commit for the round was spent', () => {
    const mine = commit(key(2), hL + 8);
    const other = commit(key(2), hL + 9, 1, 1);
    expect(statusOf([mine, other]).status(other)).toBe('repeat');
  });
});

describe('when the lead has an earlier commit for the same attempt', () => {
  it('the earlier one is a repeat, not a void secondary, and the lead\'s own commit still heads the counted', () => {
    const earlier = commit(key(1), hL - 2);
    const r = verifyRace({ params: PARAMS, lead: accepted, commits: [lead, earlier, commit(key(2), hL + 8)], eligibility: eligibility(5), tipHeight: 2000 });
    expect(r.value.entries.find((e) => e.commit === earlier)?.status).toBe('repeat');
    expect(r.value.counted.map((e) => [e.actuary, e.status])).toEqual([[key(1), 'lead'], [key(2), 'counted']]);
  });
});
