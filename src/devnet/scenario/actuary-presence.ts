/**
 * The simulated actuaries' nostr presence (docs/nostr.md): a kind-0 profile per actuary key ("Actuary Ada") and NIP-78
 * round statuses per month (lottery, commit, race, reveal, final with heights), published with nostr-tools and
 * recorded for `presence.json`. Display data only: nothing on chain depends on it.
 */
import type { AbstractSimplePool } from 'nostr-tools/abstract-pool';
import type { NetworkName } from '../../core/chain/network';
import { nodePool, publishProfile, publishRoundStatus, type RoundStatus } from '../nostr';
import type { Actuary } from './actors';
import { PresenceRecorder, type PresenceFile } from './presence';

const NAMES = ['Ada', 'Blaise', 'Carl', 'Dora', 'Emmy', 'Felix', 'Grace', 'Hedy', 'Ivar'];

/** "Actuary Ada" for `actuary-0`, "Actuary Blaise" for `actuary-1`, … (a rotated key keeps its person's name). */
export function actuaryName(person: string): string {
  const i = Number(/^actuary-(\d+)$/.exec(person)?.[1] ?? NaN);
  return `Actuary ${NAMES[i] ?? person}`;
}

export class ActuaryPresence {
  private readonly pool: AbstractSimplePool = nodePool();
  private readonly recorder = new PresenceRecorder();
  private genesis: string | undefined;

  constructor(private readonly relayUrl: string, private readonly network: NetworkName) {}

  /** Publish an actuary key's profile; `createdAt` is the block time of its registration. */
  async profile(a: Actuary, createdAt: number): Promise<void> {
    const about = a.linkedFrom
      ? `Simulated Drey actuary on the devnet; this key replaces ${a.linkedFrom} (key link).`
      : 'Simulated Drey actuary on the devnet.';
    this.recorder.add(await publishProfile({ relays: [this.relayUrl], nostrKey: a.key.secret, pool: this.pool, name: actuaryName(a.person), about, createdAt }));
  }

  /** Every listed actuary reports the month's phase; `createdAt` is the block time of `status.height`. */
  async status(genesis: string, month: number, actuaries: readonly Actuary[], status: RoundStatus, createdAt: number): Promise<void> {
    this.genesis = genesis;
    const events = await Promise.all(actuaries.map((a) => publishRoundStatus({
      relays: [this.relayUrl], nostrKey: a.key.secret, pool: this.pool, network: this.network, genesis, month, status, createdAt,
    })));
    for (const ev of events) this.recorder.add(ev);
  }

  /** The newest profile per key and status per (key, month), for `presence.json`. */
  file(genesis = this.genesis): PresenceFile {
    if (genesis === undefined) throw new RangeError('presence file needs the genesis id');
    return this.recorder.toFile(this.network, genesis);
  }

  close(): void {
    this.pool.destroy();
  }
}
