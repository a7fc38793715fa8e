/**
 * The order in which month verifications run: one at a time (they share one Worker and the hosts' rate limit); what a
 * person asked for first, then the background work of the page they look at (the allocation history), then other
 * background work (verify every month); first come first served within each. A run of higher priority preempts a
 * lower one, which goes back to the head of its own priority.
 */
export type Priority = 'person' | 'page' | 'background';

const RANK: Record<Priority, number> = { person: 0, page: 1, background: 2 };

export interface QueuedRun {
  key: string;
  month: number;
  priority: Priority;
  /** Part of "verify every month" (stopping that removes it). */
  batch: boolean;
}

/** The queue with `run` placed after every run of its priority or a higher one. */
function placeAfterPeers(queue: readonly QueuedRun[], run: QueuedRun, atHeadOfPeers = false): QueuedRun[] {
  const rest = queue.filter((q) => q.key !== run.key);
  const at = rest.findIndex((q) => (atHeadOfPeers ? RANK[q.priority] >= RANK[run.priority] : RANK[q.priority] > RANK[run.priority]));
  return at < 0 ? [...rest, run] : [...rest.slice(0, at), run, ...rest.slice(at)];
}

/** Inserts a run at its priority's end, or promotes it when it is already queued with a lower priority. */
export function enqueue(queue: readonly QueuedRun[], run: QueuedRun): QueuedRun[] {
  const existing = queue.find((q) => q.key === run.key);
  if (!existing) return placeAfterPeers(queue, run);
  const priority = RANK[run.priority] < RANK[existing.priority] ? run.priority : existing.priority;
  const entry = { ...existing, priority, batch: existing.batch && run.batch };
  if (priority === existing.priority) return queue.map((q) => (q.key === run.key ? entry : q));
  return placeAfterPeers(queue, entry);
}

/** Puts a preempted run back at the head of the runs of its priority. */
export function requeueFirst(queue: readonly QueuedRun[], run: QueuedRun): QueuedRun[] {
  return placeAfterPeers(queue, run, true);
}

/** A run of higher priority waits while a lower one holds the Worker: the lower one yields. */
export function shouldPreempt(active: QueuedRun | undefined, queue: readonly QueuedRun[]): boolean {
  return active !== undefined && queue[0] !== undefined && RANK[queue[0].priority] < RANK[active.priority];
}

/** Whether `a` outranks `b`. */
export function outranks(a: Priority, b: Priority): boolean {
  return RANK[a] < RANK[b];
}
