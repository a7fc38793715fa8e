/**
 * Step "agreement", the final's place in time (docs/protocol.md §8): the group's final confirms after its reveal in
 * chain order and no later than the month end, so a finished month's verdict can never change afterwards.
 */
import { failed, passed, type Check } from '../check';
import { VerifyError } from '../errors';
import { chainOrder, type MessageRecord } from './records';

export function verifyFinalTiming(final: MessageRecord<'final'>, reveal: MessageRecord<'reveal'>, monthEndHeight: number): Check {
  const f = final.inscription;
  const r = reveal.inscription;
  const ev = { final: f.id, height: f.height, position: f.position, reveal: r.id, revealHeight: r.height, revealPosition: r.position, monthEnd: monthEndHeight };
  if (chainOrder(f, r) < 0) {
    return failed('agreement', new VerifyError('AGREEMENT_FINAL_EARLY', `the final (height ${f.height}, position ${f.position}) precedes the reveal it rests on (height ${r.height}, position ${r.position})`, ev));
  }
  if (f.height > monthEndHeight) {
    return failed('agreement', new VerifyError('AGREEMENT_FINAL_LATE', `the final confirmed at ${f.height}, after the month ended at ${monthEndHeight}`, ev));
  }
  return passed('agreement', `the final confirmed at ${f.height}, after the reveal (${r.height}) and by the month end ${monthEndHeight}`, ev);
}

/** Last month's final as this month's starting point: the group's first, and only if it confirmed by that month's end. */
export function timelyFinal(finals: readonly MessageRecord<'final'>[], monthEndHeight: number): MessageRecord<'final'> | undefined {
  const first = finals[0];
  return first && first.inscription.height <= monthEndHeight ? first : undefined;
}
