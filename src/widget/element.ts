/**
 * `<drey-verify>`: a custom element that verifies in a Worker and shows the verdict as a compact badge in shadow
 * DOM. Its settings come from its attributes, over a `config` file when one is named. Any attribute change restarts
 * the verification; removing the element cancels it.
 */
import { createBadge, type BadgeView } from './badge';
import { startVerification, type VerificationRun } from './client';
import { readConfig } from './config';
import { OBSERVED_ATTRIBUTES, isProblem, reportHref, settingsFromAttributes, type SettingsProblem } from './settings';
import { configState, formatMs, problemState, runningState, stateFromVerdict } from './state';
import type { WidgetVerdict } from './verdict';

/**
 * The app sits next to widget.js in the build output, so the default report link is the app beside it. (The script's
 * URL goes through a variable: the bundler would otherwise take `new URL('./', import.meta.url)` for an asset to inline.)
 */
const SCRIPT_URL = import.meta.url;
const DEFAULT_APP_URL = new URL('./', SCRIPT_URL).href;

export class DreyVerifyElement extends HTMLElement {
  static readonly observedAttributes = OBSERVED_ATTRIBUTES;

  #badge: BadgeView;
  #run: VerificationRun | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #scheduled = false;
  /** Bumped on every start and cancel: a config file read for an older start is ignored. */
  #generation = 0;
  #configLoad: AbortController | undefined;
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
    this.#generation++;
    this.#configLoad?.abort();
    this.#configLoad = undefined;
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#run?.cancel();
    this.#run = undefined;
  }

  #start(): void {
    this.#cancel();
    this.#verdict = null;
    const appUrl = new URL(this.getAttribute('app') ?? DEFAULT_APP_URL, document.baseURI).href;
    const configHref = this.getAttribute('config')?.trim();
    if (!configHref) {
      this.#verify((n) => this.getAttribute(n), appUrl);
      return;
    }
    // Settings from a config file: the element's own attributes win over it.
    const generation = this.#generation;
    const load = new AbortController();
    this.#configLoad = load;
    this.setAttribute('status', 'running');
    this.#badge.update(configState(), appUrl);
    void readConfig(configHref, document.baseURI, globalThis.fetch.bind(globalThis), load.signal).then((config) => {
      if (generation !== this.#generation) return;
      this.#configLoad = undefined;
      if (!config.ok) return this.#misconfigured(config.problem, appUrl);
      const values: Record<string, string | undefined> = config.attributes;
      this.#verify((n) => this.getAttribute(n) ?? values[n] ?? null, appUrl);
    });
  }

  #misconfigured(problem: SettingsProblem, appUrl: string): void {
    this.setAttribute('status', 'misconfigured');
    this.#badge.update(problemState(problem), appUrl);
  }

  #verify(attr: (name: string) => string | null, appUrl: string): void {
    const settings = settingsFromAttributes(attr, document.baseURI);
    if (isProblem(settings)) return this.#misconfigured(settings, appUrl);
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
