/** What a CLI command may touch: its streams, files and the network, passed in so tests can run commands in-process. */
import { readFile } from 'node:fs/promises';
import { defaultCacheDir } from './disk-cache';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Read a whole file, or standard input for '-'. */
  readInput: (pathOrDash: string) => Promise<Uint8Array>;
  fetch: typeof fetch;
  /** Where `month` and `all` keep immutable chain data unless told otherwise (`--cache`); null: no default cache. */
  cacheDir: string | null;
}

/**
 * Exit codes: 0 verified, 1 rejected (with the coded reason), 2 usage error (or a local I/O error), 3 unavailable (the
 * hosts could not give or agree on the data, or the deadline passed: no accusation), 4 pending (not finished yet).
 */
export const EXIT = { VERIFIED: 0, REJECTED: 1, USAGE: 2, UNAVAILABLE: 3, PENDING: 4 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function nodeIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readInput: async (p) => {
      if (p === '-') {
        const chunks: Buffer[] = [];
        for await (const c of process.stdin) chunks.push(c as Buffer);
        return new Uint8Array(Buffer.concat(chunks));
      }
      return new Uint8Array(await readFile(p));
    },
    fetch: globalThis.fetch.bind(globalThis),
    cacheDir: defaultCacheDir(),
  };
}

/** An option that takes either its value itself or a path to a file holding it (trimmed text). */
export async function valueOrFile(io: CliIO, value: string): Promise<string> {
  if (value === '-' ) return new TextDecoder().decode(await io.readInput('-')).trim();
  try {
    return new TextDecoder().decode(await io.readInput(value)).trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return value.trim();
    throw e;
  }
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
}
