/**
 * An outsider's writes never matter (docs/protocol.md §2.5): the `outsider-spam` vector is the `honest` chain (same
 * seed, same actuaries, same months) plus an outsider writing to every marker — plain and dust payments, a P2WSH
 * witness envelope, junk and oversized `drey/1` inscriptions, a loose `final`, a message naming 2,000 ids, messages
 * under an unregistered key, copies of real messages. Both chains' reports are the golden copies that
 * src/cli/golden.test-util.ts holds byte-identical to what `drey-verify` says today; here they must give every month the
 * same verdict, the same table root and the same month log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR } from '../../scripts/golden/collect';

interface Check { step: string; ok: boolean; code: string; evidence: Record<string, unknown> }
interface Report { month: number; verdict: string; checks: Check[] }
interface All { summary: { months: number; verified: number[]; rejected: number[] } }

const read = <T>(chain: string, file: string): T => JSON.parse(readFileSync(join(GOLDEN_DIR, chain, file), 'utf8')) as T;

/**
 * What a month's verification established: its verdict and the roots it checked (the table root the final signs, the
 * month root, the month log). Not the ranking: the lottery's beacon is the anchor block's hash, which the outsider's
 * transactions change, so another actuary may lead the same month.
 */
function established(chain: string, month: number) {
  const r = read<Report>(chain, `month-${month}.full.json`);
  const roots = r.checks.filter((c) => c.step === 'roots' || c.step === 'agreement').flatMap((c) => (typeof c.evidence.root === 'string' ? [c.evidence.root] : []));
  return { verdict: r.verdict, failed: r.checks.filter((c) => !c.ok).map((c) => c.code), roots };
}

describe('an outsider writing to every marker', () => {
  const honest = read<All>('honest', 'all.json');
  const spam = read<All>('outsider-spam', 'all.json');

  it('leaves every month verified, as on the same chain without it', () => {
    expect(honest.summary.verified.length).toBeGreaterThan(0);
    expect(spam.summary.verified).toEqual(honest.summary.verified);
    expect(spam.summary.rejected).toEqual(honest.summary.rejected);
  });

  it.each(honest.summary.verified)('changes no verdict and no root of month %i', (month) => {
    const without = established('honest', month);
    expect(without.roots.length).toBeGreaterThan(0);
    expect(established('outsider-spam', month)).toEqual(without);
  });
});
