/**
 * `<drey-verify>`: a custom element that verifies in a Worker and shows the verdict as a compact badge in shadow
 * DOM. Any attribute change restarts the verification; removing the element cancels it.
 */
import { createBadge, type BadgeView } from './badge';
import { startVerification, type VerificationRun } from './client';
import { OBSERVED_ATTRIBUTES, isProblem, reportHref, settingsFromAttributes } from './settings';
import { formatMs, problemState, runningState, stateFromVerdict } from './state';
import type { WidgetVerdict } from './verdict';

/** The app sits next to widget.js in the build output, so the default report link is the app beside it. */
const DEFAULT_APP_URL = new URL('./', import.meta.url).href;

export class DreyVerifyElement extends HTMLElement {
  static readonly observedAttributes = OBSERVED_ATTRIBUTES;

  #badge: BadgeView;
  #run: VerificationRun | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #scheduled = false;
  #verdict: WidgetVerdict | null = null;

  constructor() {
    super();
    this.#badge = createBadge(this.attachShadow({ mode: 'open' }));
  }

  /** The last verdict, or null while verifying. */
  get verdict(): WidgetVerdict | null {
    return this.#verdict;
  }

  connectedCallback(): void {
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#cancel();
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue !== newValue && this.isConnected) this.#schedule();
  }

  /** Several attributes set in one task start one verification. */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#start();
    });
  }

  #cancel(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#run?.cancel();
    this.#run = undefined;
  }

  #start(): void {
    this.#cancel();
    this.#verdict = null;
    const settings = settingsFromAttributes((n) => this.getAttribute(n));
    const appUrl = new URL(this.getAttribute('app') ?? DEFAULT_APP_URL, document.baseURI).href;
    if (isProblem(settings)) {
      this.setAttribute('status', 'misconfigured');
      this.#badge.update(problemState(settings), appUrl);
      return;
    }
    const href = reportHref(settings, appUrl, this.getAttribute('report-href'));
    this.setAttribute('status', 'running');
    this.#badge.update(runningState(settings), href);
    const t0 = performance.now();
    this.#ticker = setInterval(() => this.#badge.tick(` · ${formatMs(performance.now() - t0)}`), 100);
    const run = startVerification(settings);
    this.#run = run;
    void run.result.then((verdict) => {
      if (this.#run !== run) return;
      clearInterval(this.#ticker);
      this.#run = undefined;
      this.#verdict = verdict;
      this.setAttribute('status', verdict.status);
      this.#badge.update(stateFromVerdict(verdict), reportHref(settings, appUrl, this.getAttribute('report-href'), verdict.month ?? settings.month));
      this.dispatchEvent(new CustomEvent<WidgetVerdict>('drey-verdict', { detail: verdict, bubbles: true, composed: true }));
    });
  }
}
