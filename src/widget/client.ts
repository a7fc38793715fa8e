/**
 * The page's side of the verifier Worker: one Worker for every `<drey-verify>` on the page (verifier-pool.ts), started
 * on first use from the file emitted next to widget.js.
 */
import { wrap } from 'comlink';
import type { WidgetSettings } from './settings';
import { createVerifierPool, type VerificationRun, type VerifierHandle } from './verifier-pool';
import type { WidgetWorkerApi } from './worker';

export type { VerificationRun } from './verifier-pool';

const NativeWorker = globalThis.Worker;

/**
 * A module Worker that also starts when widget.js is served from another origin than the page (a CDN): browsers
 * refuse a cross-origin worker script, so the worker is a same-origin blob that imports the real one (this needs
 * CORS on the widget's host and `worker-src blob:` in the page's CSP). Named `Worker` so the bundler still sees
 * `new Worker(new URL(…, import.meta.url))`, emits the worker file next to widget.js and resolves it from there.
 */
class Worker extends NativeWorker {
  constructor(url: URL, options: WorkerOptions) {
    const sameOrigin = url.origin === globalThis.location.origin || url.protocol === 'blob:' || url.protocol === 'data:';
    super(sameOrigin ? url : URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' })), options);
  }
}

function spawnVerifier(): VerifierHandle {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'drey-verify' });
  const remote = wrap<WidgetWorkerApi>(worker);
  return {
    api: { verify: (id, settings) => remote.verify(id, settings), cancel: (id) => remote.cancel(id) },
    terminate: () => worker.terminate(),
    onFailure: (listener) => {
      worker.addEventListener('error', (e) => listener(e.message || 'it could not be loaded'));
      worker.addEventListener('messageerror', () => listener('it sent an unreadable message'));
    },
  };
}

const pool = createVerifierPool({ spawn: spawnVerifier });

/** Starts one verification in the page's verifier Worker; cancelling aborts it there (other badges' runs go on). */
export function startVerification(settings: WidgetSettings): VerificationRun {
  return pool.start(settings);
}
