/** The verifier's one error type: a step-prefixed code of the typed list (codes.ts), a human message and the evidence that shows it. */
import { isVerifyCode, type VerifyCode } from './codes';
import { boundEvidence } from './evidence';

export type { VerifyCode } from './codes';

/** Code prefixes, one per verification step (see docs/architecture.md). */
export const CODE_PREFIXES = [
  'FETCH_', 'CHAIN_', 'INSCRIPTION_', 'MESSAGE_', 'LOTTERY_', 'RACE_', 'REVEAL_',
  'PROOF_', 'PROGRAM_', 'MERKLE_', 'TABLE_', 'STAKE_', 'AGREEMENT_', 'REWARD_', 'ANCHOR_', 'GENESIS_', 'USAGE_', 'PIPELINE_',
] as const;

export type Evidence = Record<string, unknown>;

/**
 * Thrown by a verification step when untrusted input fails a check.
 * Caller bugs stay TypeError/RangeError; anything an attacker or a server controls ends here.
 */
export class VerifyError extends Error {
  override readonly name = 'VerifyError';
  readonly code: VerifyCode;
  readonly evidence: Evidence;

  constructor(code: VerifyCode, message: string, evidence: Evidence = {}) {
    super(message);
    if (!isVerifyCode(code)) throw new TypeError(`unknown error code: ${String(code)}`);
    this.code = code;
    this.evidence = evidence;
  }

  /**
   * A plain value that survives structured clone (comlink keeps only name/message/stack of errors); the evidence is
   * cut to a bounded size, since it may echo what a host sent.
   */
  toJSON(): { code: VerifyCode; message: string; evidence: Evidence } {
    return { code: this.code, message: this.message, evidence: boundEvidence(this.evidence) };
  }
}

export function isVerifyError(e: unknown): e is VerifyError {
  return e instanceof VerifyError;
}

/** Wrap any thrown value from parsing untrusted bytes as a coded error, keeping VerifyErrors as they are. */
export function asVerifyError(e: unknown, code: VerifyCode, what: string, evidence: Evidence = {}): VerifyError {
  if (e instanceof VerifyError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new VerifyError(code, `${what}: ${detail}`, evidence);
}

/** Errors that end a whole verification rather than one request: the caller cancelled, or the deadline passed. */
export function isRunEnding(e: unknown): boolean {
  return e instanceof VerifyError && (e.code === 'FETCH_ABORTED' || e.code === 'FETCH_DEADLINE');
}

/**
 * For the fetch layer's catch blocks: a VerifyError is a failure to obtain one object, which the caller records and
 * goes on; a cancelled run (FETCH_ABORTED), a passed deadline (FETCH_DEADLINE) and anything else (a bug) propagate.
 */
export function rethrowUnlessFetchFailure(e: unknown): asserts e is VerifyError {
  if (!(e instanceof VerifyError) || isRunEnding(e)) throw e;
}
