/** The unit of a verification report: one check of one item, passed or failed, with its evidence. */
import { VerifyError, type Evidence, type VerifyCode } from './errors';

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

export function failed(step: Step, error: VerifyError): Check {
  return { step, ok: false, code: error.code, message: error.message, evidence: error.evidence };
}

/**
 * Run one check: a VerifyError becomes a failed Check; anything else is a bug and propagates.
 * Lets the pipeline collect every item's result so one bad item never hides the others.
 */
export async function runCheck(step: Step, fn: () => Promise<{ message: string; evidence?: Evidence }> | { message: string; evidence?: Evidence }): Promise<Check> {
  try {
    const r = await fn();
    return passed(step, r.message, r.evidence ?? {});
  } catch (e) {
    if (e instanceof VerifyError) return failed(step, e);
    throw e;
  }
}
