/**
 * The badge's markup and its states (running, verified, rejected, pending, not in the table, unavailable,
 * misconfigured) in shadow DOM:
 * a title, the subject and time (or the code), and what went wrong in plain words.
 */
import { BADGE_CSS } from './styles';
import type { WidgetVerdict } from './verdict';

export type BadgeStatus = WidgetVerdict['status'] | 'running' | 'misconfigured';

export interface BadgeState {
  status: BadgeStatus;
  title: string;
  /** Subject and time, e.g. "Month 3 · 0.42 s". */
  meta: string;
  /** A failure code shown in monospace, or ''. */
  code: string;
  /** What went wrong, in plain words, shown under the title ('' when nothing did). */
  reason: string;
  /** A sentence for the tooltip and screen readers. */
  detail: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Icon paths (24×24, stroked): a shield with a check, a cross, a clock, a question mark, a dash, a spinner arc. */
const ICONS: Record<BadgeStatus, string> = {
  verified: 'M12 2.5 4.5 5.5v6c0 4.7 3.2 8.6 7.5 10 4.3-1.4 7.5-5.3 7.5-10v-6L12 2.5Z M8.5 12l2.5 2.5 4.5-5',
  rejected: 'M12 2.5 4.5 5.5v6c0 4.7 3.2 8.6 7.5 10 4.3-1.4 7.5-5.3 7.5-10v-6L12 2.5Z M9.2 9.2l5.6 5.6 M14.8 9.2l-5.6 5.6',
  pending: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Z M12 7.5V12l3 2',
  'not-in-table': 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Z M9.6 9.4a2.5 2.5 0 1 1 3.4 2.3c-.6.3-1 .8-1 1.5v.6 M12 16.3v.2',
  unavailable: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Z M8 12h8',
  misconfigured: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Z M12 7.5v5.5 M12 16.2v.3',
  running: 'M12 3.5a8.5 8.5 0 1 1-8.5 8.5',
};

export interface BadgeView {
  update(state: BadgeState, href: string): void;
  /** The running timer is outside the live region so it is not read out every tick. */
  tick(text: string): void;
}

export function createBadge(root: ShadowRoot): BadgeView {
  // A constructed stylesheet is not an inline <style>, so a host page's strict `style-src` CSP does not block it.
  let style: HTMLStyleElement | null = null;
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    style = document.createElement('style');
    style.textContent = BADGE_CSS;
  }
  const badge = document.createElement('div');
  badge.className = 'badge';
  badge.setAttribute('part', 'badge');

  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  const path = document.createElementNS(SVG_NS, 'path');
  svg.append(path);
  const icon = document.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.append(svg);

  const status = document.createElement('div');
  status.className = 'text';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('aria-atomic', 'true');
  const title = document.createElement('span');
  title.className = 'title';
  const meta = document.createElement('span');
  meta.className = 'meta';
  const metaText = document.createElement('span');
  const code = document.createElement('span');
  code.className = 'code';
  const timer = document.createElement('span');
  timer.setAttribute('aria-hidden', 'true');
  meta.append(metaText, code, timer);
  const reason = document.createElement('span');
  reason.className = 'reason';
  const detail = document.createElement('span');
  detail.className = 'visually-hidden';
  status.append(title, meta, reason, detail);

  const link = document.createElement('a');
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'Full report';
  const linkHint = document.createElement('span');
  linkHint.className = 'visually-hidden';
  linkHint.textContent = ' (opens in a new tab)';
  link.append(linkHint);

  badge.append(icon, status, link);
  root.replaceChildren(...(style ? [style] : []), badge);

  return {
    update(state, href) {
      badge.dataset.status = state.status;
      path.setAttribute('d', ICONS[state.status]);
      svg.classList.toggle('spin', state.status === 'running');
      title.textContent = state.title;
      metaText.textContent = state.code && state.meta ? `${state.meta} · ` : state.meta;
      code.textContent = state.code;
      timer.textContent = '';
      reason.textContent = state.reason;
      reason.hidden = !state.reason;
      detail.textContent = state.detail ? `. ${state.detail}` : '';
      badge.title = state.detail;
      link.href = href;
    },
    tick(text) {
      timer.textContent = text;
    },
  };
}
