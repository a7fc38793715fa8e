/** A verdict that something failed, with what its code means in plain words (built in the widget's Worker). */
import { explainCode } from '../core/code-help';
import { isUnavailable, type WidgetVerdict } from './widget-verdict';

export function failedVerdict(code: string, message: string, subject: string, month: number | null, ms: number, status: 'rejected' | 'unavailable' = isUnavailable(code) ? 'unavailable' : 'rejected'): WidgetVerdict {
  return { status, subject, month, code, explanation: explainCode(code).what, message, ms };
}
