/** Request pacing for the Esplora client: abortable sleep, a per-host token bucket and a concurrency bound. */
import { VerifyError } from '../errors';

export function abortedError(signal: AbortSignal): VerifyError {
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

/**
 * Token bucket: `burst` requests at once, refilled at `perSecond`. Takers are served in arrival order, so a queue
 * of requests leaves at the configured rate instead of all waking at once.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly perSecond: number, private readonly burst: number, private readonly now: () => number = Date.now) {
    if (!(perSecond > 0) || !(burst >= 1)) throw new RangeError('TokenBucket: perSecond must be > 0 and burst ≥ 1');
    this.tokens = burst;
    this.last = now();
  }

  take(signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.takeNow(signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) * this.perSecond) / 1000);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(((1 - this.tokens) * 1000) / this.perSecond, signal);
    }
  }
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
}
