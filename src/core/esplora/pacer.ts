/**
 * Per-host request pacing: a reserved-slot rate limiter (GCRA) whose rate adapts to the host, additive increase on
 * success and multiplicative decrease on "slow down" answers (429, 503), as TCP congestion control does (AIMD), and a
 * cool-down the host asks for (Retry-After) or earns by refusing, during which no request is sent to it.
 */
import { sleep } from './limits';

export interface PacerOptions {
  /** The configured rate: the ceiling the adaptive rate climbs back to (requests per second). */
  maxPerSecond: number;
  /** The floor the rate never falls below (default: the smaller of 0.25 and the ceiling). */
  minPerSecond?: number;
  /** Requests that may start at once after a quiet spell. */
  burst?: number;
  now?: () => number;
}

export class HostPacer {
  readonly maxPerSecond: number;
  readonly minPerSecond: number;
  private perSecond: number;
  private readonly burst: number;
  private readonly now: () => number;
  /** Theoretical arrival time of the next request (GCRA). */
  private tat = 0;
  private coolUntil = 0;
  /** When the rate was last halved: refusals of requests sent before then are the same congestion event. */
  private decreasedAt = -Infinity;

  constructor(opts: PacerOptions) {
    if (!(opts.maxPerSecond > 0) || !Number.isFinite(opts.maxPerSecond)) throw new RangeError('HostPacer: maxPerSecond must be a finite number > 0');
    this.maxPerSecond = opts.maxPerSecond;
    this.minPerSecond = Math.min(opts.minPerSecond ?? 0.25, opts.maxPerSecond);
    if (!(this.minPerSecond > 0)) throw new RangeError('HostPacer: minPerSecond must be > 0');
    this.burst = Math.max(1, Math.floor(opts.burst ?? 2));
    this.perSecond = opts.maxPerSecond;
    this.now = opts.now ?? Date.now;
  }

  /** The current adaptive rate (requests per second). */
  get rate(): number {
    return this.perSecond;
  }

  private get interval(): number {
    return 1000 / this.perSecond;
  }

  /** When the next request to this host could start if it were reserved now. */
  readyAt(): number {
    const t = this.now();
    return Math.max(t, this.coolUntil, this.tat - (this.burst - 1) * this.interval);
  }

  /** Reserve the next slot and wait for it (and for any cool-down ordered meanwhile). */
  async take(signal?: AbortSignal): Promise<void> {
    const slot = this.readyAt();
    this.tat = Math.max(this.tat, slot) + this.interval;
    // A cool-down ordered while this request waited moves its start further.
    for (let at = slot; at > this.now(); at = this.coolUntil) await sleep(Math.ceil(at - this.now()), signal);
  }

  /** An answer came back: creep back towards the configured rate. */
  onSuccess(): void {
    this.perSecond = Math.min(this.maxPerSecond, this.perSecond + Math.max(this.maxPerSecond / 16, 0.05));
  }

  /**
   * The host said "slow down" to a request sent at `sentAt`: send nothing for `coolMs`, and halve the rate — once per
   * congestion event, as TCP does: refusals of requests already in flight when the rate was halved do not halve it again.
   */
  onSlowDown(coolMs: number, sentAt: number = this.now()): void {
    if (sentAt >= this.decreasedAt) {
      this.perSecond = Math.max(this.minPerSecond, this.perSecond / 2);
      this.decreasedAt = this.now();
    }
    this.coolUntil = Math.max(this.coolUntil, this.now() + Math.max(0, coolMs));
  }
}
