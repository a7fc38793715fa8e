/** The month's inputs message: the Proof-of-Life table must be confirmed at or before the anchor height (protocol §6.0). */
import { VerifyError } from '../errors';
import type { MessageRecord } from './records';

/**
 * The first `inputs` message confirmed at or before `anchor`. A table published only after the anchor block could be
 * fitted to the lottery draw or to the lead's computation: TABLE_INPUTS_LATE. None at all: TABLE_INPUTS_MISSING.
 */
export function selectInputs(all: readonly MessageRecord<'inputs'>[], anchor: number): MessageRecord<'inputs'> {
  const inTime = all.filter((m) => m.inscription.height <= anchor);
  if (inTime.length > 0) return inTime.reduce((a, b) => (b.inscription.height < a.inscription.height ? b : a));
  if (all.length === 0) throw new VerifyError('TABLE_INPUTS_MISSING', 'no inputs message signed by the Proof-of-Life service', { anchor });
  const first = all.reduce((a, b) => (b.inscription.height < a.inscription.height ? b : a));
  throw new VerifyError('TABLE_INPUTS_LATE', `the inputs message confirmed at height ${first.inscription.height}, after the anchor height ${anchor}`, {
    inscription: first.inscription.id, height: first.inscription.height, anchor,
  });
}
