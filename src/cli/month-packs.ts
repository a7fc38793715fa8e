/**
 * --packs DIR|URL: a month's pack (docs/protocol.md §2.4.2) taken from a directory or from where a deployment
 * publishes them, to go under the client's cache before the month is checked. A pack decides nothing: one that is
 * missing is reported as such, one that is refused (another chain or month, malformed) is reported with its code on
 * standard error, and the month is checked against the hosts alone.
 */
import { join } from 'node:path';
import type { NetworkName } from '../core/chain/network';
import { fetchMonthPack, packOutcome, type PackOutcome } from '../core/esplora/pack-fetch';
import { packFileName } from '../core/esplora/pack-location';
import type { PackDepth } from '../core/esplora/pack';
import type { CliIO } from './io';

export interface PackWanted {
  network: NetworkName;
  genesis: string;
  month: number;
  depth: PackDepth;
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** The month's pack from `packs` (a directory or a URL): what became of it, a refusal also said on standard error. */
export async function takeMonthPack(io: CliIO, packs: string, want: PackWanted): Promise<PackOutcome> {
  const outcome = isUrl(packs) ? await fetchMonthPack({ fetch: io.fetch, base: packs, ...want }) : await readPackFile(io, join(packs, packFileName(want.month, want.depth)), want);
  if (outcome.outcome === 'refused') io.stderr(`drey-verify: warning: FETCH_PACK_REFUSED: ${outcome.url}: ${outcome.reason}; month ${want.month} is checked against the hosts alone\n`);
  return outcome;
}

async function readPackFile(io: CliIO, path: string, want: PackWanted): Promise<PackOutcome> {
  let body: Uint8Array;
  try {
    body = await io.readInput(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { outcome: 'none', url: path, reason: code === 'ENOENT' ? 'no such file' : `unreadable (${code ?? (e as Error).message})` };
  }
  return packOutcome(path, body, want);
}
