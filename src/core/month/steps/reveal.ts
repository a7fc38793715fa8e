/**
 * Step "reveal" (docs/protocol.md §6.6, §7): the group's reveal confirms in its window and names exactly the counted
 * commits, each once; each revealed key re-encrypts to the committed KEM ciphertext (else the group lied, unless a
 * dispute's decryption shares prove that very key: then the encryptor broke the format), opens the AEAD (else the
 * package is unopenable, or copied when its KEM equals an earlier commit's), and the package's inner signature and
 * context hold (else it is invalid). A KEM field that is no Paillier ciphertext is unopenable on sight.
 */
import { failed, failedOn, passed, type Check } from '../../check';
import { hexToBytes } from '../../bytes';
import type { NetworkName } from '../../chain/network';
import { bytesToBigint, byteLength, gcd } from '../../crypto/bigint-math';
import { VerifyError, type VerifyCode } from '../../errors';
import { parseInscriptionId } from '../../protocol/ids';
import { openPackage } from '../../protocol/kem';
import type { GenesisParams, GenesisPayload } from '../../protocol/payloads';
import { KEY_LIMIT, paillierPublicOf, provenPlaintext, verifyDisputedKey, type Dispute } from '../dispute';
import { parsePackage, type Package } from '../package';
import { chainOrder, type MessageRecord } from '../records';
import type { StepResult } from '../step-result';
import { revealWindow } from '../timeline';
import { notEligible, type Eligibility } from './eligibility';
import type { RaceEntry, RaceResult } from './race';

export type PackageStatus = 'valid' | 'copied' | 'unopenable' | 'invalid';

/** A counted commit opened under its revealed key: a valid package, or the committer's fault with its reason. */
export type OpenedPackage = {
  entry: RaceEntry;
  /** Parties whose decryption shares proved the revealed key (a disputed commit). */
  disputedBy?: number[];
} & ({ status: 'valid'; pkg: Package; reason?: undefined; code?: undefined }
  /** `code`: why an `invalid` package is (REVEAL_PACKAGE_MALFORMED, _SIGNATURE, _CONTEXT: §14.3). */
  | { status: Exclude<PackageStatus, 'valid'>; reason: string; code?: VerifyCode; pkg?: undefined });

export interface RevealResult {
  reveal?: MessageRecord<'reveal'>;
  packages: OpenedPackage[];
  pending: boolean;
}

export interface RevealContext {
  network: NetworkName;
  genesisId: string;
  month: number;
  params: GenesisParams;
  paillierN: bigint;
  /** The genesis' threshold Paillier key (v, v_i, parties, threshold); required when the reveal carries disputes. */
  paillier?: GenesisPayload['paillier'];
  tipHeight: number;
}

const COUNTED_ERROR: Partial<Record<RaceEntry['status'], VerifyCode>> = {
  void: 'RACE_VOID_COUNTED', late: 'RACE_LATE_COUNTED', repeat: 'RACE_REPEAT_COUNTED', 'other-attempt': 'RACE_OTHER_ATTEMPT_COUNTED',
};

/** Why a commit's KEM field is no Paillier ciphertext (not 2·|N| bytes, ≥ N², or not a unit mod N²), if it is not. */
export function kemDefect(n: bigint, kemHex: string): string | undefined {
  if (kemHex.length !== 4 * byteLength(n)) return `its KEM ciphertext has ${kemHex.length / 2} bytes, not 2·|N| = ${2 * byteLength(n)}`;
  const c = bytesToBigint(hexToBytes(kemHex));
  if (c >= n * n) return 'its KEM ciphertext is not below N²';
  if (gcd(c, n) !== 1n) return 'its KEM ciphertext is not a unit mod N²';
  return undefined;
}

/**
 * Open one counted commit under its revealed key. The group's faults throw (REVEAL_KEM_MISMATCH; with a dispute the
 * dispute's codes and REVEAL_KEY_CONTRADICTS_SHARES); the committer's are a status.
 */
export function openCommit(ctx: RevealContext, entry: RaceEntry, key: string, earlier: readonly MessageRecord<'commit'>[], dispute?: Dispute): OpenedPackage {
  const c = entry.commit.payload;
  const copiedFrom = earlier.find((e) => e.payload.kem === c.kem && e !== entry.commit);
  const unopenable = (reason: string, extra: Pick<OpenedPackage, 'disputedBy'> = {}): OpenedPackage => (copiedFrom
    ? { entry, status: 'copied', reason: `its KEM ciphertext equals ${copiedFrom.inscription.id}'s`, ...extra }
    : { entry, status: 'unopenable', reason, ...extra });
  const defect = kemDefect(ctx.paillierN, c.kem);
  if (defect) {
    if (dispute) throw new VerifyError('REVEAL_MALFORMED', `a dispute for ${entry.commit.inscription.id}, whose KEM field is no Paillier ciphertext (${defect})`, { commit: entry.commit.inscription.id });
    return unopenable(defect);
  }
  let proven: Pick<OpenedPackage, 'disputedBy'> = {};
  if (dispute) {
    if (!ctx.paillier) throw new TypeError('openCommit: a dispute needs ctx.paillier (the genesis\' Paillier key)');
    const { plaintext, parties } = provenPlaintext(paillierPublicOf(ctx.paillier), bytesToBigint(hexToBytes(c.kem)), dispute);
    verifyDisputedKey(plaintext, key, entry.commit.inscription.id);
    proven = { disputedBy: parties };
    if (plaintext >= KEY_LIMIT) return unopenable('the decryption shares prove its KEM ciphertext holds no 32-byte key', proven);
  }
  let plaintext: Uint8Array;
  try {
    plaintext = openPackage(ctx.paillierN, c.kem, c.ciphertext, key, { network: ctx.network, genesis: parseInscriptionId(ctx.genesisId), month: ctx.month, actuary: entry.actuary });
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    if (e.code === 'REVEAL_KEM_MISMATCH' && dispute) return unopenable('the decryption shares prove the revealed key, which does not re-encrypt to its KEM ciphertext: the encryptor broke the KEM format', proven);
    if (e.code !== 'REVEAL_AEAD_FAILED') throw e;
    return unopenable(e.message, proven);
  }
  if (copiedFrom) return { entry, status: 'copied', reason: `its KEM ciphertext equals ${copiedFrom.inscription.id}'s`, ...proven };
  try {
    const pkg = parsePackage(plaintext);
    if (pkg.actuary !== entry.actuary || pkg.network !== ctx.network || pkg.genesis !== ctx.genesisId || pkg.month !== ctx.month) {
      throw new VerifyError('REVEAL_PACKAGE_CONTEXT', 'the package names another actuary, network, genesis or month', { actuary: pkg.actuary, committer: entry.actuary, month: pkg.month });
    }
    return { entry, status: 'valid', pkg, ...proven };
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return { entry, status: 'invalid', reason: `${e.code}: ${e.message}`, code: e.code, ...proven };
  }
}

/**
 * The reveal's keys and disputes by commit (an id of a byte-for-byte copy names the message's earliest copy, §2.5); a
 * commit named twice, or a dispute without a key, is a failed check.
 */
function keysAndDisputes(reveal: MessageRecord<'reveal'>, copies: ReadonlyMap<string, string>, checks: Check[]): { keys: Map<string, string>; disputes: Map<string, Dispute> } {
  const keys = new Map<string, string>();
  for (const k of reveal.payload.keys) {
    const commit = copies.get(k.commit) ?? k.commit;
    if (keys.has(commit)) checks.push(failed('reveal', new VerifyError('REVEAL_MALFORMED', `the reveal names ${commit} twice`, { commit })));
    else keys.set(commit, k.key);
  }
  const disputes = new Map<string, Dispute>();
  for (const d of reveal.payload.disputes ?? []) {
    const commit = copies.get(d.commit) ?? d.commit;
    if (disputes.has(commit)) checks.push(failed('reveal', new VerifyError('REVEAL_MALFORMED', `the reveal disputes ${commit} twice`, { commit })));
    else if (!keys.has(commit)) checks.push(failed('reveal', new VerifyError('REVEAL_UNKNOWN_COMMIT', `the reveal disputes ${commit} but gives it no key`, { commit })));
    else disputes.set(commit, { ...d, commit });
  }
  return { keys, disputes };
}

/** The group's reveal of an attempt: the first reveal naming that attempt (§6.6). */
export function revealOf(reveals: readonly MessageRecord<'reveal'>[], attempt: number): MessageRecord<'reveal'> | undefined {
  return reveals.find((r) => r.payload.attempt === attempt);
}

/** The genesis' parameters and Paillier key as the reveal checks need them. */
export function revealContext(network: NetworkName, genesisId: string, month: number, genesis: GenesisPayload, tipHeight: number): RevealContext {
  return { network, genesisId, month, params: genesis.params, paillierN: BigInt('0x' + genesis.paillier.n), paillier: genesis.paillier, tipHeight };
}

export interface RevealInput {
  context: RevealContext;
  /** The group's reveal messages of the month, in chain order. */
  reveals: readonly MessageRecord<'reveal'>[];
  /** The month's final and commits (only the lead's package is opened). */
  final?: MessageRecord<'final'>;
  commits: readonly MessageRecord<'commit'>[];
  copies: ReadonlyMap<string, string>;
}

/** Quick depth: the package of the final's lead, from the reveal of the final's attempt (full depth: lottery.ts opens each attempt's). */
export function verifyReveal(input: RevealInput): StepResult<RevealResult> {
  return input.final ? verifyLeadReveal(input.context, input.reveals, input.commits, input.final, input.copies) : { checks: [] };
}

/**
 * Quick depth: the final's lead has a key in the reveal, and its package opens. A group-signed final without a reveal
 * cannot be checked against any proof, so it is never verified in quick mode either.
 */
export function verifyLeadReveal(
  ctx: RevealContext, reveals: readonly MessageRecord<'reveal'>[], commits: readonly MessageRecord<'commit'>[], final: MessageRecord<'final'>, copies: ReadonlyMap<string, string> = new Map(),
): StepResult<RevealResult> {
  const reveal = revealOf(reveals, final.payload.attempt);
  if (!reveal) return { checks: [failed('reveal', new VerifyError('REVEAL_MISSING', `the month has a final but no reveal of its attempt ${final.payload.attempt}, so the lead's package and proofs cannot be opened`, { final: final.inscription.id }))] };
  const idOf = (k: { commit: string }) => copies.get(k.commit) ?? k.commit;
  const key = reveal.payload.keys.find((k) => commits.some((c) => c.inscription.id === idOf(k) && c.signer === final.payload.lead));
  const commit = key && commits.find((c) => c.inscription.id === idOf(key));
  if (!key || !commit) return { checks: [failed('reveal', new VerifyError('REVEAL_KEY_MISSING', 'the reveal has no key for a commit by the final\'s lead', { lead: final.payload.lead }))] };
  try {
    const opened = openCommit(ctx, { commit, actuary: commit.signer, status: 'lead' }, key.key, [], reveal.payload.disputes?.find((d) => idOf(d) === commit.inscription.id));
    return {
      checks: [passed('reveal', `the lead's package: ${opened.status}`, { commit: commit.inscription.id, actuary: commit.signer, status: opened.status })],
      value: { reveal, packages: [opened], pending: false },
    };
  } catch (e) {
    return { checks: [failedOn('reveal', e)] };
  }
}

/** Full depth: an attempt's reveal in its window, a key for exactly its counted commits, each package opened. */
export function openCountedCommits(
  ctx: RevealContext, reveal: MessageRecord<'reveal'> | undefined, race: RaceResult, eligibility: Eligibility, copies: ReadonlyMap<string, string> = new Map(),
): { checks: Check[]; result: RevealResult } {
  const checks: Check[] = [];
  const [leadEntry] = race.counted;
  if (!leadEntry) throw new RangeError('openCountedCommits: a race without its lead');
  const lastCounted = Math.max(...race.counted.map((e) => e.commit.inscription.height));
  const span = revealWindow(ctx.params, leadEntry.commit.inscription.height, lastCounted);
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
  const { keys, disputes } = keysAndDisputes(reveal, copies, checks);
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
      const opened = openCommit(ctx, entry, key, earlier, disputes.get(commitId));
      packages.push(opened);
      const disputed = opened.disputedBy ? `; key proven by the decryption shares of parties ${opened.disputedBy.join(', ')}` : '';
      checks.push(passed('reveal', `${entry.actuary}'s package: ${opened.status}${opened.reason ? ` (${opened.reason})` : ''}${disputed}`, {
        commit: commitId, actuary: entry.actuary, status: opened.status, ...(opened.code ? { invalid: opened.code } : {}), ...(opened.disputedBy ? { disputedBy: opened.disputedBy } : {}),
      }));
    } catch (e) {
      checks.push(failedOn('reveal', e));
    }
  }
  for (const e of race.counted) {
    if (!keys.has(e.commit.inscription.id)) {
      checks.push(failed('reveal', new VerifyError('REVEAL_KEY_MISSING', `the reveal has no key for the counted commit ${e.commit.inscription.id}`, { commit: e.commit.inscription.id, actuary: e.actuary })));
    }
  }
  return { checks, result: { reveal, packages, pending: false } };
}
