/** In-memory NIP-01 event repository for the local relay: regular events kept, replaceable/addressable ones upserted. */
import { EventRepository, type Event, type EventRepositoryUpsertResult, type Filter } from '@nostr-relay/common';
import { matchFilter, type Filter as ToolsFilter } from 'nostr-tools/filter';
import { sortEvents, type Event as ToolsEvent } from 'nostr-tools/pure';

/** NIP-01 kind classes (the relay core drops ephemeral kinds 20000–29999 before they reach a repository). */
export function replaceKey(event: Event): string | null {
  const k = event.kind;
  if (k === 0 || k === 3 || (k >= 10000 && k < 20000)) return `${k}:${event.pubkey}`;
  if (k >= 30000 && k < 40000) return `${k}:${event.pubkey}:${event.tags.find((t) => t[0] === 'd')?.[1] ?? ''}`;
  return null;
}

/** NIP-01: the newer `created_at` replaces; on a tie the lowest id stays. */
function replaces(a: Event, b: Event): boolean {
  return a.created_at > b.created_at || (a.created_at === b.created_at && a.id < b.id);
}

export class MemoryEventRepository extends EventRepository {
  private readonly byId = new Map<string, Event>();
  private readonly byKey = new Map<string, Event>();

  constructor(private readonly maxEvents = 100_000) {
    super();
  }

  isSearchSupported(): boolean {
    return false;
  }

  upsert(event: Event): EventRepositoryUpsertResult {
    if (this.byId.has(event.id)) return { isDuplicate: true };
    if (this.byId.size >= this.maxEvents) throw new Error('relay is full');
    const key = replaceKey(event);
    if (key !== null) {
      const old = this.byKey.get(key);
      if (old && !replaces(event, old)) return { isDuplicate: true };
      if (old) this.byId.delete(old.id);
      this.byKey.set(key, event);
    }
    this.byId.set(event.id, event);
    return { isDuplicate: false };
  }

  /** Matching events, newest first (ties by id), at most `filter.limit`. */
  find(filter: Filter): Event[] {
    const hits: ToolsEvent[] = [];
    for (const ev of this.byId.values()) if (matchFilter(filter as ToolsFilter, ev as ToolsEvent)) hits.push(ev as ToolsEvent);
    sortEvents(hits);
    return (filter.limit !== undefined ? hits.slice(0, filter.limit) : hits) as Event[];
  }

  /** NIP-09: drop the author's own events named in `e` tags. */
  override async deleteByDeletionRequest(request: Event): Promise<void> {
    for (const [name, id] of request.tags) {
      const ev = name === 'e' && id !== undefined ? this.byId.get(id) : undefined;
      if (!ev || ev.pubkey !== request.pubkey) continue;
      this.byId.delete(ev.id);
      const key = replaceKey(ev);
      if (key !== null && this.byKey.get(key)?.id === ev.id) this.byKey.delete(key);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  async destroy(): Promise<void> {
    this.byId.clear();
    this.byKey.clear();
  }
}
