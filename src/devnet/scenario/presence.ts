/**
 * Presence replay (docs/nostr.md): `presence.json`, written beside a scenario chain, keeps the actuaries' last signed
 * kind-0 profiles and NIP-78 round statuses, so a devnet whose relay starts empty can publish them again unchanged.
 * The events are re-sent exactly as signed (no key is needed), checked first like anything read from a file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Event } from 'nostr-tools/pure';
import { supersedes, tagValue, verifiedEventFromUnknown } from '../../core/nostr/event';
import { KIND_PROFILE, KIND_ROUND_STATUS } from '../../core/nostr/kinds';
import { nodePool } from '../nostr';
import { readInfo } from './fixture';

export const PRESENCE_FILE = 'presence.json';
/** A scenario writes one profile per actuary key and one status per (actuary, month): far below this. */
const MAX_EVENTS = 10_000;

export interface PresenceFile {
  v: 1;
  network: string;
  genesis: string;
  /** Signed nostr events: profiles (kind 0), then round statuses (kind 30078). */
  events: Event[];
}

/** Keeps the newest event per (kind, author, d tag), as a relay does for replaceable and addressable events. */
export class PresenceRecorder {
  private readonly newest = new Map<string, Event>();

  add(ev: Event): void {
    const slot = `${ev.kind}:${ev.pubkey}:${tagValue(ev, 'd') ?? ''}`;
    const prev = this.newest.get(slot);
    if (!prev || supersedes(ev, prev)) this.newest.set(slot, ev);
  }

  toFile(network: string, genesis: string): PresenceFile {
    const events = [...this.newest.values()].sort((a, b) => a.kind - b.kind || a.created_at - b.created_at || (a.id < b.id ? -1 : 1));
    return { v: 1, network, genesis, events };
  }
}

export function writePresence(dataDir: string, file: PresenceFile): void {
  writeFileSync(join(dataDir, PRESENCE_FILE), `${JSON.stringify(file, null, 1)}\n`);
}

/**
 * The file's header and its replayable events. A malformed file throws; an event that does not verify, has another
 * kind, or a status `d` tag for another chain is skipped with its reason.
 */
export function parsePresence(text: string): { file: PresenceFile; skipped: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${PRESENCE_FILE} is not JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${PRESENCE_FILE} is not an object`);
  const { v, network, genesis, events } = json as Record<string, unknown>;
  if (v !== 1) throw new Error(`${PRESENCE_FILE}: unsupported version ${String(v)}`);
  if (typeof network !== 'string' || !/^[a-z]{1,16}$/.test(network)) throw new Error(`${PRESENCE_FILE}: network is not a network name`);
  if (typeof genesis !== 'string' || !/^[0-9a-f]{64}i(0|[1-9][0-9]{0,9})$/.test(genesis)) throw new Error(`${PRESENCE_FILE}: genesis is not an inscription id`);
  if (!Array.isArray(events) || events.length > MAX_EVENTS) throw new Error(`${PRESENCE_FILE}: events is not an array of at most ${MAX_EVENTS}`);
  const statusPrefix = `drey/v1/${network}/${genesis}/month/`;
  const kept: Event[] = [];
  const skipped: string[] = [];
  events.forEach((raw: unknown, i) => {
    const checked = verifiedEventFromUnknown(raw);
    if ('reason' in checked) return void skipped.push(`event ${i}: ${checked.reason}`);
    const ev = checked.event;
    if (ev.kind !== KIND_PROFILE && ev.kind !== KIND_ROUND_STATUS) return void skipped.push(`event ${i}: kind ${ev.kind} is neither a profile nor a round status`);
    if (ev.kind === KIND_ROUND_STATUS && !tagValue(ev, 'd')?.startsWith(statusPrefix)) return void skipped.push(`event ${i}: status of another chain`);
    kept.push(ev);
  });
  return { file: { v: 1, network, genesis, events: kept }, skipped };
}

export interface ReplayReport {
  published: number;
  /** Events not sent: malformed, wrong kind, other chain. */
  skipped: string[];
  /** Events the relay did not accept, with its reasons. */
  failed: string[];
}

/**
 * Publish `dataDir/presence.json` to the relay. Refuses a file made for another genesis than the data directory's
 * `info.json` names. Never retries; the caller decides whether failures matter (the devnet only logs them).
 */
export async function replayPresence({ relayUrl, dataDir, maxWait = 3000 }: { relayUrl: string; dataDir: string; maxWait?: number }): Promise<ReplayReport> {
  const path = join(dataDir, PRESENCE_FILE);
  if (!existsSync(path)) throw new Error(`no ${PRESENCE_FILE} in ${dataDir}`);
  const { file, skipped } = parsePresence(readFileSync(path, 'utf8'));
  const info = readInfo(dataDir);
  if (info && info.genesis !== file.genesis) {
    throw new Error(`${PRESENCE_FILE} belongs to genesis ${file.genesis}, the chain's is ${info.genesis}`);
  }
  const pool = nodePool();
  try {
    const results = await Promise.all(file.events.map(async (ev) => {
      const [sent] = await Promise.allSettled(pool.publish([relayUrl], ev, { maxWait }));
      return sent?.status === 'fulfilled' ? null : `${ev.id}: ${sent ? String(sent.reason) : 'not sent'}`;
    }));
    const failed = results.filter((r): r is string => r !== null);
    return { published: results.length - failed.length, skipped, failed };
  } finally {
    pool.destroy();
  }
}
