/** The unit of a verification report: one check of one item, passed or failed, with its evidence. */
import { VerifyError, type Evidence, type VerifyCode } from './errors';
import { boundEvidence } from './evidence';

export type Step =
  | 'anchors' | 'headers' | 'inscriptions' | 'signatures' | 'eligibility' | 'lottery' | 'race' | 'reveal'
  | 'agreement' | 'proofs' | 'program' | 'roots' | 'rewards' | 'ranking' | 'fetch' | 'spv';

export interface Check {
  step: Step;
  ok: boolean;
  /** 'OK' when the check passed; otherwise the VerifyError code. */
  code: VerifyCode | 'OK';
  message: string;
  evidence: Evidence;
}

export function passed(step: Step, message: string, evidence: Evidence = {}): Check {
  return { step, ok: true, code: 'OK', message, evidence };
}

/** A failed check; its evidence (which may echo what a host sent) is cut to a bounded size. */
export function failed(step: Step, error: VerifyError): Check {
  return { step, ok: false, code: error.code, message: error.message, evidence: boundEvidence(error.evidence) };
}

/** A caught error as a failed check of `step`: a VerifyError is a finding; anything else is a bug and propagates. */
export function failedOn(step: Step, e: unknown): Check {
  if (!(e instanceof VerifyError)) throw e;
  return failed(step, e);
}
