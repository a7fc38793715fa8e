/** Which message types belong on which marker, and which key is entitled to sign each (docs/protocol.md §2.5). */
import type { MessageType } from './payloads';

const ON_SETUP: readonly MessageType[] = ['register'];
const ON_MONTH: readonly MessageType[] = ['inputs', 'lottery', 'commit', 'reveal', 'final'];

/** The message types that belong on marker month m (0: the setup marker, registrations). */
export function typesOnMarker(m: number): readonly MessageType[] {
  return m === 0 ? ON_SETUP : ON_MONTH;
}

/**
 * The key entitled to sign a message of `type`: `pol_key` for `inputs`, the FROST group key for `reveal` and `final`;
 * undefined for the types any key may sign (`register`, `lottery`, `commit`: the month rules judge them).
 */
export function entitledSigner(type: MessageType, keys: { polKey: string; groupKey: string }): string | undefined {
  if (type === 'inputs') return keys.polKey;
  if (type === 'reveal' || type === 'final') return keys.groupKey;
  return undefined;
}
