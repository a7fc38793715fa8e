/**
 * Starts one verification in a fresh Worker and owns its lifetime: cancelling terminates the worker, which stops
 * every fetch and computation it had under way.
 */
import { wrap } from 'comlink';
import { WIDGET_HELP, type WidgetCode } from './codes';
import type { WidgetSettings } from './settings';
import type { WidgetVerdict } from './verdict';
import type { WidgetWorkerApi } from './worker';

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

export interface VerificationRun {
  result: Promise<WidgetVerdict>;
  cancel(): void;
}

function unavailable(code: WidgetCode, message: string): WidgetVerdict {
  return { status: 'unavailable', subject: '', month: null, code, explanation: WIDGET_HELP[code], message, ms: 0 };
}

export function startVerification(settings: WidgetSettings): VerificationRun {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'drey-verify' });
  } catch (e) {
    return { result: Promise.resolve(unavailable('WIDGET_WORKER', `could not start the verifier worker: ${e instanceof Error ? e.message : String(e)}`)), cancel: () => {} };
  }
  let stop: (v: WidgetVerdict) => void = () => {};
  const stopped = new Promise<WidgetVerdict>((resolve) => { stop = resolve; });
  worker.addEventListener('error', (e) => stop(unavailable('WIDGET_WORKER', `the verifier worker failed: ${e.message || 'it could not be loaded'}`)));
  const remote = wrap<WidgetWorkerApi>(worker);
  const result = Promise.race([remote.verify(settings), stopped])
    .catch((e: unknown) => unavailable('WIDGET_WORKER', `the verifier worker failed: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => worker.terminate());
  return {
    result,
    cancel: () => {
      stop(unavailable('WIDGET_CANCELLED', 'the verification was cancelled'));
      worker.terminate();
    },
  };
}
