/**
 * What the client learned about its hosts during a run: per-host counters (requests, retries, refusals) and the hosts
 * caught lying. A host caught lying — an answer that fails a chain check no truthful host could fail — is named with
 * the evidence and asked nothing more for the run; the other hosts answer in its place.
 */
import type { Evidence, VerifyCode } from '../errors';
import { boundEvidence } from '../evidence';

export interface HostCounters {
  /** HTTP requests sent. */
  requests: number;
  /** Requests that were a retry of an earlier failed attempt (on this host or another). */
  retries: number;
  /** 429 and 503 answers ("slow down"). */
  rateLimited: number;
  /** Other failed attempts: network errors, timeouts, 5xx, bodies cut short, garbage, oversized answers. */
  failures: number;
}

export interface HostLie {
  host: string;
  code: VerifyCode;
  message: string;
  /** The request whose answer gave the lie away, when one did. */
  path?: string;
  evidence: Evidence;
}

export interface HostsReport {
  /** Totals over every host. */
  totals: HostCounters;
  byHost: Record<string, HostCounters & { rate: number; dropped: boolean }>;
  /** Hosts caught lying, first lie each, in the order they were caught. */
  liars: HostLie[];
}

const zero = (): HostCounters => ({ requests: 0, retries: 0, rateLimited: 0, failures: 0 });

export class HostBook {
  private readonly counters = new Map<string, HostCounters>();
  private readonly lies = new Map<string, HostLie>();

  constructor(readonly hosts: readonly string[], private readonly rateOf: (host: string) => number = () => 0) {
    for (const h of hosts) this.counters.set(h, zero());
  }

  count(host: string, what: keyof HostCounters): void {
    const c = this.counters.get(host);
    if (c) c[what]++;
  }

  /** Hosts not caught lying, in configured order. */
  live(): string[] {
    return this.hosts.filter((h) => !this.lies.has(h));
  }

  isDropped(host: string): boolean {
    return this.lies.has(host);
  }

  /** Name `host` a liar and drop it for the run; true when this is its first lie. */
  blame(host: string, lie: Omit<HostLie, 'host'>): boolean {
    if (!this.counters.has(host) || this.lies.has(host)) return false;
    this.lies.set(host, { host, code: lie.code, message: lie.message, ...(lie.path ? { path: lie.path } : {}), evidence: boundEvidence(lie.evidence) });
    return true;
  }

  liars(): HostLie[] {
    return [...this.lies.values()];
  }

  report(): HostsReport {
    const totals = zero();
    const byHost: HostsReport['byHost'] = {};
    for (const [h, c] of this.counters) {
      for (const k of Object.keys(totals) as (keyof HostCounters)[]) totals[k] += c[k];
      byHost[h] = { ...c, rate: Math.round(this.rateOf(h) * 100) / 100, dropped: this.lies.has(h) };
    }
    return { totals, byHost, liars: this.liars() };
  }
}
