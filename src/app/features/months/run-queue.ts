/**
 * The order in which month verifications run: one at a time (they share one Worker and the hosts' rate limit), what a
 * person asked for before background work (verify every month, the allocation history), first come first served
 * within each. A person's request preempts a background run; it goes back to the head of the background queue.
 */
export type Priority = 'person' | 'background';

export interface QueuedRun {
  key: string;
  month: number;
  priority: Priority;
  /** Part of "verify every month" (stopping that removes it). */
  batch: boolean;
}

/** Inserts a run at its priority's end, or promotes it when it is already queued (a person asked for it now). */
export function enqueue(queue: readonly QueuedRun[], run: QueuedRun): QueuedRun[] {
  const existing = queue.find((q) => q.key === run.key);
  const priority: Priority = existing?.priority === 'person' || run.priority === 'person' ? 'person' : 'background';
  const entry = { ...(existing ?? run), priority, batch: existing ? existing.batch && run.batch : run.batch };
  const rest = queue.filter((q) => q.key !== run.key);
  if (existing && existing.priority === priority) return queue.map((q) => (q.key === run.key ? entry : q));
  const at = priority === 'person' ? rest.findIndex((q) => q.priority === 'background') : -1;
  return at < 0 ? [...rest, entry] : [...rest.slice(0, at), entry, ...rest.slice(at)];
}

/** Puts a preempted background run back at the head of the background runs. */
export function requeueFirst(queue: readonly QueuedRun[], run: QueuedRun): QueuedRun[] {
  const rest = queue.filter((q) => q.key !== run.key);
  const at = rest.findIndex((q) => q.priority === 'background');
  return at < 0 ? [...rest, run] : [...rest.slice(0, at), run, ...rest.slice(at)];
}

/** A person's run waiting while a background run holds the Worker: the background run yields. */
export function shouldPreempt(active: QueuedRun | undefined, queue: readonly QueuedRun[]): boolean {
  return active?.priority === 'background' && queue[0]?.priority === 'person';
}
