/** Waiting for the Esplora client: an abortable sleep, the error an abort becomes, and a concurrency bound. */
import { VerifyError } from '../errors';

/**
 * The error a request stops with when `signal` aborts: the reason itself when it is a VerifyError (a deadline passing,
 * FETCH_DEADLINE), else FETCH_ABORTED (the caller cancelled).
 */
export function abortedError(signal: AbortSignal): VerifyError {
  if (signal.reason instanceof VerifyError) return signal.reason;
  const reason = signal.reason instanceof Error ? signal.reason.message : String(signal.reason ?? 'aborted');
  return new VerifyError('FETCH_ABORTED', `request aborted by the caller: ${reason}`);
}

/** Resolve after `ms`, or reject with FETCH_ABORTED when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** At most `limit` holders at a time; `acquire` resolves to a release function. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('Semaphore: limit must be ≥ 1');
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const i = this.waiting.indexOf(wake);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(abortedError(signal!));
        };
        if (signal?.aborted) return reject(abortedError(signal));
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(wake);
      });
    } else {
      this.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }

  get inUse(): number {
    return this.active;
  }

  /** Acquirers queued behind the holders. */
  get queued(): number {
    return this.waiting.length;
  }

  get capacity(): number {
    return this.limit;
  }
}
