/**
 * What a hostile Esplora host does, as data: flaky behaviour (refusals, resets, endless or slow bodies, garbage with
 * 200) and lies. A proxy applies its faults in order; the first flaky fault whose seeded draw fires decides the
 * answer, and every lie rewrites what passes through. Presets name the cases the tests and benchmarks use.
 */
import { LIE_NAMES, type LieName } from './lies';

export type Fault =
  /** Answer `status` (a bare 429 or 503 unless `retryAfter`) instead of forwarding. */
  | { kind: 'status'; status: number; rate: number; retryAfter?: string; paths?: RegExp }
  /** Reset the connection: before any answer, or after sending half the body (`where`). */
  | { kind: 'reset'; rate: number; where: 'before' | 'mid-body' | 'either'; paths?: RegExp }
  /** 200 and a body that never ends. */
  | { kind: 'endless'; rate: number; paths?: RegExp }
  /** Slowloris: wait `ms` before the headers, or send the body one byte every `ms` (`drip`). */
  | { kind: 'slow'; mode: 'headers' | 'drip'; ms: number; rate: number; paths?: RegExp }
  /** 200 with an HTML page or broken JSON instead of the answer. */
  | { kind: 'garbage'; body: 'html' | 'json'; rate: number; paths?: RegExp }
  /** Rewrite honest answers (`rate`: share of listing entries for listing lies). */
  | { kind: 'lie'; lie: LieName; rate: number };

export const FLAKY_PRESETS = {
  '429-30': [{ kind: 'status', status: 429, rate: 0.3 }],
  '503-30': [{ kind: 'status', status: 503, rate: 0.3 }],
  'reset-10': [{ kind: 'reset', rate: 0.1, where: 'either' }],
  'reset-50': [{ kind: 'reset', rate: 0.5, where: 'either' }],
} as const satisfies Record<string, Fault[]>;

export const HOSTILE_PRESETS = {
  endless: [{ kind: 'endless', rate: 1 }],
  'slowloris-header': [{ kind: 'slow', mode: 'drip', ms: 1_000, rate: 1, paths: /^\/block\/[0-9a-f]{64}\/header$/ }],
  'slowloris-tx': [{ kind: 'slow', mode: 'headers', ms: 600_000, rate: 1, paths: /^\/tx\/[0-9a-f]{64}\/raw$/ }],
  'html-200': [{ kind: 'garbage', body: 'html', rate: 1 }],
  'json-200': [{ kind: 'garbage', body: 'json', rate: 1 }],
} as const satisfies Record<string, Fault[]>;

export const LIAR_PRESETS = Object.fromEntries(LIE_NAMES.map((lie) => [lie, [{ kind: 'lie', lie, rate: 0.5 }]])) as Record<LieName, Fault[]>;

export const PRESETS: Record<string, readonly Fault[]> = { ...FLAKY_PRESETS, ...HOSTILE_PRESETS, ...LIAR_PRESETS };

export function presetFaults(name: string): readonly Fault[] {
  const f = PRESETS[name];
  if (!f) throw new RangeError(`unknown hostile preset "${name}" (known: ${Object.keys(PRESETS).join(', ')})`);
  return f;
}

/** A label for counting: the status, the slowloris mode, the garbage, the lie, … (resets count where they cut). */
export function faultLabel(f: Fault): string {
  switch (f.kind) {
    case 'status': return String(f.status);
    case 'slow': return `slow-${f.mode}`;
    case 'garbage': return `garbage-${f.body}`;
    case 'lie': return f.lie;
    default: return f.kind;
  }
}
