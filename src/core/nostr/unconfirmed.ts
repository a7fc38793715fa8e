/**
 * nostr data shown by the app next to verified results. It is signed by an actuary key, but relays can withhold,
 * delay or replay it, so it is never an input of a verdict: every value carries `trust: 'unconfirmed'`.
 */
export interface Unconfirmed {
  readonly trust: 'unconfirmed';
  /** x-only hex key of the author, a member of the actuary set the caller gave. */
  readonly pubkey: string;
  readonly eventId: string;
  /** Author-chosen Unix time (seconds): a claim, not a fact. */
  readonly createdAt: number;
}

export interface UnconfirmedProfile extends Unconfirmed {
  readonly name: string;
  readonly about: string;
}

export interface UnconfirmedRoundStatus extends Unconfirmed {
  readonly network: string;
  readonly genesis: string;
  readonly month: number;
  /** Round phase as the actuary reports it (e.g. `lottery`, `commit`, `race`, `reveal`, `final`). */
  readonly phase: string;
  /** Chain height the actuary had seen. */
  readonly height: number;
  /** Any other JSON fields of the status, as sent. */
  readonly extra: Readonly<Record<string, unknown>>;
}
