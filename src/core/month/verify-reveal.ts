/**
 * Step "reveal" (docs/protocol.md §6.6, §7): the group's reveal confirms in its window and names exactly the counted
 * commits; each revealed key re-encrypts to the committed KEM ciphertext (else the group lied), opens the AEAD (else the
 * package is unopenable, or copied when its KEM equals an earlier commit's), and the package's inner signature and
 * context hold (else it is invalid).
 */
import { passed, failed, type Check } from '../check';
import { VerifyError } from '../errors';
import { parseInscriptionId, type Network } from '../protocol/ids';
import { openPackage } from '../protocol/kem';
import type { GenesisParams } from '../protocol/payloads';
import { chainOrder, type MessageRecord } from './records';
import { parsePackage, type Package } from './package';
import { revealWindow } from './timeline';
import { notEligible, type Eligibility } from './verify-eligibility';
import type { RaceEntry, RaceResult } from './verify-race';

export type PackageStatus = 'valid' | 'copied' | 'unopenable' | 'invalid';

export interface OpenedPackage {
  entry: RaceEntry;
  status: PackageStatus;
  pkg?: Package;
  reason?: string;
}

export interface RevealResult {
  reveal?: MessageRecord<'reveal'>;
  packages: OpenedPackage[];
  pending: boolean;
}

export interface RevealContext {
  network: Network;
  genesisId: string;
  month: number;
  params: GenesisParams;
  paillierN: bigint;
  tipHeight: number;
}

const COUNTED_ERROR: Partial<Record<RaceEntry['status'], string>> = {
  void: 'RACE_VOID_COUNTED', late: 'RACE_LATE_COUNTED', repeat: 'RACE_REPEAT_COUNTED', 'other-attempt': 'RACE_OTHER_ATTEMPT_COUNTED',
};

/** Open one counted commit under its revealed key; a KEM mismatch throws (the group's fault), the rest is a status. */
export function openCommit(ctx: RevealContext, entry: RaceEntry, key: string, earlier: readonly MessageRecord<'commit'>[]): OpenedPackage {
  const c = entry.commit.payload;
  const copiedFrom = earlier.find((e) => e.payload.kem === c.kem && e !== entry.commit);
  let plaintext: Uint8Array;
  try {
    plaintext = openPackage(ctx.paillierN, c.kem, c.ciphertext, key, { network: ctx.network, genesis: parseInscriptionId(ctx.genesisId), month: ctx.month, actuary: entry.actuary });
  } catch (e) {
    if (!(e instanceof VerifyError) || e.code !== 'REVEAL_AEAD_FAILED') throw e;
    return copiedFrom
      ? { entry, status: 'copied', reason: `its KEM ciphertext equals ${copiedFrom.inscription.id}'s` }
      : { entry, status: 'unopenable', reason: e.message };
  }
  if (copiedFrom) return { entry, status: 'copied', reason: `its KEM ciphertext equals ${copiedFrom.inscription.id}'s` };
  try {
    const pkg = parsePackage(plaintext);
    if (pkg.actuary !== entry.actuary || pkg.network !== ctx.network || pkg.genesis !== ctx.genesisId || pkg.month !== ctx.month) {
      throw new VerifyError('REVEAL_PACKAGE_CONTEXT', 'the package names another actuary, network, genesis or month', { actuary: pkg.actuary, committer: entry.actuary, month: pkg.month });
    }
    return { entry, status: 'valid', pkg };
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return { entry, status: 'invalid', reason: `${e.code}: ${e.message}` };
  }
}

export function verifyReveal(
  ctx: RevealContext, reveals: readonly MessageRecord<'reveal'>[], race: RaceResult, eligibility: Eligibility,
): { checks: Check[]; result: RevealResult } {
  const checks: Check[] = [];
  const lastCounted = Math.max(...race.counted.map((e) => e.commit.inscription.height));
  const span = revealWindow(ctx.params, race.counted[0]!.commit.inscription.height, lastCounted);
  const reveal = reveals[0];
  if (!reveal) {
    if (ctx.tipHeight <= span.to) return { checks, result: { packages: [], pending: true } };
    checks.push(failed('reveal', new VerifyError('REVEAL_MISSING', `no reveal by the group; its window ended at ${span.to}`, { window: span })));
    return { checks, result: { packages: [], pending: false } };
  }
  const hR = reveal.inscription.height;
  const ev = { reveal: reveal.inscription.id, height: hR, window: span };
  if (hR < span.from) checks.push(failed('reveal', new VerifyError('REVEAL_TOO_EARLY', `reveal at ${hR}: a counted commit has fewer than ${ctx.params.reveal_confirmations} confirmations (from ${span.from})`, ev)));
  else if (hR > span.to) checks.push(failed('reveal', new VerifyError('REVEAL_TOO_LATE', `reveal at ${hR} is after its window's end ${span.to}`, ev)));
  else checks.push(passed('reveal', `reveal at ${hR} within its window ${span.from}–${span.to}`, ev));

  const byId = new Map(race.entries.map((e) => [e.commit.inscription.id, e]));
  const keys = new Map(reveal.payload.keys.map((k) => [k.commit, k.key]));
  const allCommits = race.entries.map((e) => e.commit).sort((a, b) => chainOrder(a.inscription, b.inscription));
  const packages: OpenedPackage[] = [];
  for (const [commitId, key] of keys) {
    const entry = byId.get(commitId);
    try {
      if (!entry) throw new VerifyError('REVEAL_UNKNOWN_COMMIT', `the reveal names ${commitId}, which is not a commit of this month`, { commit: commitId });
      if (entry.status === 'not-eligible') throw notEligible(eligibility, entry.actuary, 'a revealed commit\'s signer');
      const code = COUNTED_ERROR[entry.status];
      if (code) throw new VerifyError(code, `the reveal counts ${commitId}, which is ${entry.status}`, { commit: commitId, actuary: entry.actuary, height: entry.commit.inscription.height, status: entry.status });
      const earlier = allCommits.slice(0, allCommits.indexOf(entry.commit));
      const opened = openCommit(ctx, entry, key, earlier);
      packages.push(opened);
      checks.push(passed('reveal', `${entry.actuary}'s package: ${opened.status}${opened.reason ? ` (${opened.reason})` : ''}`, { commit: commitId, actuary: entry.actuary, status: opened.status }));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      checks.push(failed('reveal', e));
    }
  }
  for (const e of race.counted) {
    if (!keys.has(e.commit.inscription.id)) {
      checks.push(failed('reveal', new VerifyError('REVEAL_KEY_MISSING', `the reveal has no key for the counted commit ${e.commit.inscription.id}`, { commit: e.commit.inscription.id, actuary: e.actuary })));
    }
  }
  if (reveal.payload.disputes?.length) {
    checks.push(passed('reveal', `${reveal.payload.disputes.length} dispute(s) listed; decryption shares are not re-checked in this version`, { disputes: reveal.payload.disputes.length, partial: true }));
  }
  return { checks, result: { reveal, packages, pending: false } };
}
