/** What the badge says for each verdict: short title, subject and time, the failure code, a sentence for screen readers. */
import type { BadgeState } from './badge';
import { WIDGET_HELP } from './codes';
import type { SettingsProblem, WidgetSettings } from './settings';
import type { WidgetVerdict } from './verdict';

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** A decimal string with thousands separators (exact for any length). */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function joinMeta(...parts: string[]): string {
  return parts.filter(Boolean).join(' · ');
}

export function runningState(settings: WidgetSettings): BadgeState {
  const subject = settings.genesis ? (settings.month !== null ? `Month ${settings.month}` : 'Latest month') : 'Chain tip';
  return { status: 'running', title: 'Verifying in your browser…', meta: joinMeta(subject, settings.genesis ? `${settings.depth} check` : ''), code: '', reason: '', detail: '' };
}

export function configState(): BadgeState {
  return { status: 'running', title: 'Reading the settings…', meta: '', code: '', reason: '', detail: '' };
}

export function problemState(problem: SettingsProblem): BadgeState {
  return { status: 'misconfigured', title: 'Cannot verify', meta: '', code: problem.code, reason: WIDGET_HELP[problem.code], detail: problem.message };
}

export function stateFromVerdict(v: WidgetVerdict): BadgeState {
  const took = v.ms > 0 ? `in ${formatMs(v.ms)}` : '';
  switch (v.status) {
    case 'verified':
      return { status: 'verified', title: 'Verified by your browser', meta: joinMeta(v.subject, v.allocation ? `${grouped(v.allocation)} Dreybits` : '', took), code: '', reason: '', detail: v.message };
    case 'rejected':
      return { status: 'rejected', title: 'Rejected', meta: v.subject, code: v.code, reason: v.explanation, detail: v.message };
    case 'pending':
      return { status: 'pending', title: 'Pending', meta: joinMeta(v.subject, took), code: '', reason: v.explanation, detail: v.message };
    case 'unavailable':
      return { status: 'unavailable', title: 'Could not verify', meta: v.subject, code: v.code, reason: v.explanation, detail: v.message };
    case 'not-in-table':
      return { status: 'not-in-table', title: 'Not in this month’s table', meta: joinMeta(v.subject, took), code: '', reason: v.explanation, detail: v.message };
  }
}
