/**
 * Actuary ranking data: per month (lead, secondaries in race order, stake, lottery odds, agreement, proof validity,
 * reward, penalties) and all time (identities joined by key links, seniority as distinct months any of its keys was
 * eligible — overlapping intervals counted once —, rewards, penalties, agreement rate) (docs/protocol.md §5).
 */
export type MonthRole = 'lead' | 'secondary' | 'eligible' | 'missed-lead';

export interface MonthActuary {
  key: string;
  role: MonthRole;
  /** 1-based race rank of counted secondaries. */
  rank?: number;
  stake: string;
  /** Share of the month's eligible stake, in parts per million: the odds of being drawn at attempt 0. */
  lotteryPpm: number;
  /** true agreed, false disagreed, null not revealed / not a secondary. */
  agreed: boolean | null;
  /** Package status after proofs (valid, invalid, copied, unopenable), null when not revealed. */
  packageStatus: string | null;
  reward: number;
  penalties: { reason: string; sats: number }[];
}

export interface MonthRanking {
  month: number;
  lead: string | null;
  attempt: number | null;
  actuaries: MonthActuary[];
  /** Key links known at this month (old → new). */
  links: [string, string][];
}

export interface AllTimeActuary {
  /** The identity's newest key. */
  key: string;
  keys: string[];
  seniority: number;
  leads: number;
  rewards: number;
  penalties: number;
  /** Agreeing reveals over revealed packages as a secondary (null when never revealed). */
  agreementRate: number | null;
}

/** Union-find over key links: every key maps to its identity's newest key. */
function identities(links: readonly [string, string][]): (k: string) => string {
  const next = new Map(links);
  return (k) => {
    const seen = new Set<string>();
    let cur = k;
    while (next.has(cur) && !seen.has(cur)) {
      seen.add(cur);
      cur = next.get(cur)!;
    }
    return cur;
  };
}

export function allTimeRanking(months: readonly MonthRanking[]): AllTimeActuary[] {
  const links = months.flatMap((m) => m.links);
  const idOf = identities(links);
  const acc = new Map<string, AllTimeActuary & { months: Set<number>; agreed: number; revealed: number }>();
  for (const m of months) {
    for (const a of m.actuaries) {
      const id = idOf(a.key);
      let x = acc.get(id);
      if (!x) acc.set(id, x = { key: id, keys: [], seniority: 0, leads: 0, rewards: 0, penalties: 0, agreementRate: null, months: new Set(), agreed: 0, revealed: 0 });
      if (!x.keys.includes(a.key)) x.keys.push(a.key);
      x.months.add(m.month); // A month in which two linked keys were both eligible counts once.
      if (a.role === 'lead') x.leads++;
      x.rewards += a.reward;
      x.penalties += a.penalties.reduce((s, p) => s + p.sats, 0);
      if (a.agreed !== null) {
        x.revealed++;
        if (a.agreed) x.agreed++;
      }
    }
  }
  return [...acc.values()].map(({ months: ms, agreed, revealed, ...rest }) => ({
    ...rest, seniority: ms.size, agreementRate: revealed ? agreed / revealed : null,
  })).sort((a, b) => b.seniority - a.seniority || b.rewards - a.rewards || a.penalties - b.penalties || (a.key < b.key ? -1 : 1));
}
