/** The nostr kinds and tags Drey uses (NIP-01 kind ranges, NIP-78 app data); docs/nostr.md explains each. */
import { isNetworkName } from '../chain/network';

/** NIP-01 user metadata (replaceable): an actuary's display name and about text. */
export const KIND_PROFILE = 0;
/** NIP-78 application data (addressable): an actuary's latest view of a month's round. */
export const KIND_ROUND_STATUS = 30078;

/**
 * The ROAST audit trail: regular (stored, never replaced) kinds in the self-allocated range 4731–4734.
 * Nothing registers this range; a client recognises these events by kind *and* by the run tag.
 */
export const KIND_ROAST_READY = 4731;
export const KIND_ROAST_SESSION = 4732;
export const KIND_ROAST_SHARE = 4733;
export const KIND_ROAST_RESULT = 4734;
export const ROAST_KINDS = [KIND_ROAST_READY, KIND_ROAST_SESSION, KIND_ROAST_SHARE, KIND_ROAST_RESULT] as const;

/** Tag carrying the ROAST run id (64 hex) on every ROAST event, so one REQ `#x` filter selects a run. */
export const TAG_ROAST_RUN = 'x';

/** The `d` tag of a month's round-status event: `drey/v1/<network>/<genesis>/month/<m>/status`. */
export function roundStatusD(network: string, genesis: string, month: number): string {
  if (!isNetworkName(network)) throw new RangeError(`unknown network: ${network}`);
  if (!/^[0-9a-f]{64}i(0|[1-9][0-9]{0,9})$/.test(genesis)) throw new RangeError(`genesis must be an inscription id: ${genesis}`);
  if (!Number.isSafeInteger(month) || month < 1) throw new RangeError(`month must be a positive integer: ${month}`);
  return `drey/v1/${network}/${genesis}/month/${month}/status`;
}
