/**
 * A module Worker that also starts when its script comes from another origin than the realm starting it (widget.js and
 * its chunks on a CDN, the widget's Worker running as a same-origin blob): browsers refuse a cross-origin worker script,
 * so the worker becomes a same-origin blob that imports the real one (CORS on the script's host, `worker-src blob:`).
 * Named `Worker` so the bundler still sees `new Worker(new URL(…, import.meta.url))` and emits the entry as a chunk.
 */
const NativeWorker = globalThis.Worker;

export class Worker extends NativeWorker {
  constructor(url: URL, options: WorkerOptions) {
    const here = globalThis.location.origin;
    const sameOrigin = url.origin === here || url.protocol === 'blob:' || url.protocol === 'data:';
    super(sameOrigin ? url : URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' })), options);
  }
}
