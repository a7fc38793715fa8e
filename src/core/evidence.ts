/**
 * Bounding evidence for reports: an error's evidence can echo what a host sent (a Merkle branch, a listing, a body),
 * so before it goes into a report it is cut to a fixed size — long strings shortened, long arrays and objects
 * sampled, deep nesting stopped, and the whole kept under a byte budget — saying what was left out.
 */
import type { Evidence } from './errors';

export interface EvidenceLimits {
  /** Characters kept of one string. */
  string: number;
  /** Items kept of one array (and keys of one object). */
  items: number;
  /** Nesting levels kept. */
  depth: number;
  /** Most bytes of the whole as JSON. */
  bytes: number;
}

export const EVIDENCE_LIMITS: EvidenceLimits = { string: 300, items: 24, depth: 6, bytes: 8 * 1024 };

function bound(v: unknown, l: EvidenceLimits, depth: number): unknown {
  if (typeof v === 'string') return v.length <= l.string ? v : `${v.slice(0, l.string)}… (${v.length - l.string} more characters)`;
  if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (depth >= l.depth) return '… (nested too deep)';
  if (v instanceof Uint8Array) return `${v.length} bytes`;
  if (Array.isArray(v)) {
    const kept = v.slice(0, l.items).map((x) => bound(x, l, depth + 1));
    return v.length > l.items ? [...kept, `… (${v.length - l.items} more items)`] : kept;
  }
  if (v instanceof Error) return bound({ name: v.name, message: v.message }, l, depth);
  const entries = Object.entries(v as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries.slice(0, l.items)) {
    const b = bound(x, l, depth + 1);
    if (b !== undefined) out[bound(k, l, depth) as string] = b;
  }
  if (entries.length > l.items) out['…'] = `${entries.length - l.items} more fields`;
  return out;
}

const encoder = new TextEncoder();
const sizeOf = (v: unknown): number => encoder.encode(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))).length;

/** `evidence` cut to `limits`; evidence already within them comes back equal. */
export function boundEvidence(evidence: Evidence, limits: EvidenceLimits = EVIDENCE_LIMITS): Evidence {
  let l = limits;
  for (;;) {
    const out = bound(evidence, l, 0) as Evidence;
    if (sizeOf(out) <= l.bytes) return out;
    if (l.string <= 16 && l.items <= 2) return { truncated: `evidence larger than ${l.bytes} bytes`, fields: Object.keys(evidence).slice(0, 16) };
    l = { ...l, string: Math.max(16, l.string >> 1), items: Math.max(2, l.items >> 1) };
  }
}
