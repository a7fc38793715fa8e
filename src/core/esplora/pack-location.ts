/**
 * Where month packs are published (docs/protocol.md §2.4.2): an http(s) location and the file name of each month's
 * pack. Kept apart from the rest of the pack code so a page's first script can check a setting without loading it.
 */
import type { PackDepth } from './pack';

/** A pack's file name where packs are published. */
export function packFileName(month: number, depth: PackDepth): string {
  return `month-${month}.${depth}.json`;
}

/** Where packs are published, as set (absolute, or relative to `base`): an absolute http(s) URL, or undefined. */
export function packsLocation(value: string, base?: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
