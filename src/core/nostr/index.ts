/** Verifier-side nostr: actuary profiles and round status, verified per event and always UNCONFIRMED (never a verdict input). */
export * from './kinds';
export { verifiedEventFromUnknown, isVerifiedEvent, tagValue, supersedes, type NostrEvent } from './event';
export { fetchProfiles, profileFromEvent, type FetchProfilesOptions } from './profiles';
export { subscribeRoundStatus, roundStatusFromEvent, type RoundStatusOptions } from './round-status';
export { poolFrom, type PoolOptions } from './pool';
export type { Unconfirmed, UnconfirmedProfile, UnconfirmedRoundStatus } from './unconfirmed';
