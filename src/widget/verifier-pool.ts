/**
 * The page's verifier Worker, shared by every `<drey-verify>` and every verification: started on first use, it keeps
 * its loaded code, its compiled WebAssembly and its warm JIT for the next badge. Verifications in it are independent
 * (each has its own Esplora client and abort signal; what the Worker keeps between them is immutable code). Cancelling
 * one resolves it at once as WIDGET_CANCELLED and asks the Worker to abort it; a cancelled run the Worker has not ended
 * within `forceAfterMs` retires the Worker: new runs go to a fresh one, and the old one is terminated as soon as no
 * live run is left in it, so an abort never ends another badge's verification. A Worker with nothing to do for
 * `idleMs` is terminated; a Worker that dies settles each of its runs as WIDGET_WORKER.
 */
import { WIDGET_HELP, type WidgetCode } from './codes';
import type { WidgetSettings } from './settings';
import type { WidgetVerdict } from './verdict';

/** What the verifier Worker serves (src/widget/worker.ts), as the page sees it. */
export interface VerifierApi {
  verify(id: number, settings: WidgetSettings): Promise<WidgetVerdict>;
  cancel(id: number): Promise<void> | void;
}

/** A started verifier Worker. */
export interface VerifierHandle {
  api: VerifierApi;
  terminate(): void;
  /** Calls back if the Worker dies or cannot load (its calls would otherwise never answer). */
  onFailure(listener: (message: string) => void): void;
}

export interface VerificationRun {
  result: Promise<WidgetVerdict>;
  cancel(): void;
}

export interface VerifierPoolOptions {
  spawn: () => VerifierHandle;
  /** An idle Worker is terminated after this long (default IDLE_MS). */
  idleMs?: number;
  /** A cancelled run still going after this long retires its Worker (default FORCE_AFTER_MS). */
  forceAfterMs?: number;
}

/** A page with badges usually verifies them together or on attribute changes: keep the Worker for a minute. */
export const IDLE_MS = 60_000;
/** Aborting stops every fetch at once and the proofs between chunks: a run still going after this is stuck. */
export const FORCE_AFTER_MS = 5_000;

export function unavailableVerdict(code: WidgetCode, message: string): WidgetVerdict {
  return { status: 'unavailable', subject: '', month: null, code, explanation: WIDGET_HELP[code], message, ms: 0 };
}

/** One Worker and the runs it holds. */
interface Slot {
  handle: VerifierHandle;
  /** Runs the page still waits for, with what settles each. */
  live: Map<number, (v: WidgetVerdict) => void>;
  /** Cancelled runs the Worker has not answered yet. */
  lingering: Set<number>;
  retiring: boolean;
  idle?: ReturnType<typeof setTimeout>;
}

export interface VerifierPool {
  start(settings: WidgetSettings): VerificationRun;
  /** How many Workers are up (running, retiring or idle). */
  workers(): number;
}

export function createVerifierPool(options: VerifierPoolOptions): VerifierPool {
  const idleMs = options.idleMs ?? IDLE_MS;
  const forceAfterMs = options.forceAfterMs ?? FORCE_AFTER_MS;
  const slots = new Set<Slot>();
  let current: Slot | undefined;
  let nextId = 1;

  const end = (slot: Slot): void => {
    clearTimeout(slot.idle);
    slots.delete(slot);
    if (current === slot) current = undefined;
    slot.handle.terminate();
  };

  /** After any run leaves a slot: a retiring slot with no live run ends; an unused one waits `idleMs`. */
  const settleSlot = (slot: Slot): void => {
    if (!slots.has(slot) || slot.live.size > 0) return;
    if (slot.retiring) return end(slot);
    if (slot.lingering.size > 0) return;
    clearTimeout(slot.idle);
    slot.idle = setTimeout(() => { if (slot.live.size === 0) end(slot); }, idleMs);
  };

  const open = (): Slot => {
    if (current && !current.retiring) return current;
    const slot: Slot = { handle: options.spawn(), live: new Map(), lingering: new Set(), retiring: false };
    slot.handle.onFailure((message) => {
      if (!slots.has(slot)) return;
      end(slot);
      const failed = unavailableVerdict('WIDGET_WORKER', `the verifier worker failed: ${message}`);
      for (const finish of [...slot.live.values()]) finish(failed);
    });
    slots.add(slot);
    current = slot;
    return slot;
  };

  return {
    workers: () => slots.size,
    start(settings) {
      let slot: Slot;
      try {
        slot = open();
      } catch (e) {
        return { result: Promise.resolve(unavailableVerdict('WIDGET_WORKER', `could not start the verifier worker: ${e instanceof Error ? e.message : String(e)}`)), cancel: () => {} };
      }
      clearTimeout(slot.idle);
      const id = nextId++;
      let finished = false;
      let resolve: (v: WidgetVerdict) => void = () => {};
      const result = new Promise<WidgetVerdict>((r) => { resolve = r; });
      const finish = (v: WidgetVerdict): void => {
        if (finished) return;
        finished = true;
        slot.live.delete(id);
        resolve(v);
        settleSlot(slot);
      };
      slot.live.set(id, finish);
      void Promise.resolve()
        .then(() => slot.handle.api.verify(id, settings))
        .catch((e: unknown) => unavailableVerdict('WIDGET_WORKER', `the verifier worker failed: ${e instanceof Error ? e.message : String(e)}`))
        .then((v) => {
          slot.lingering.delete(id);
          finish(v);
          settleSlot(slot);
        });
      return {
        result,
        cancel: () => {
          if (finished) return;
          slot.lingering.add(id);
          finish(unavailableVerdict('WIDGET_CANCELLED', 'the verification was cancelled'));
          void Promise.resolve().then(() => slot.handle.api.cancel(id)).catch(() => undefined);
          setTimeout(() => {
            if (!slot.lingering.has(id) || !slots.has(slot)) return;
            slot.retiring = true;
            if (current === slot) current = undefined;
            settleSlot(slot);
          }, forceAfterMs);
        },
      };
    },
  };
}
