/** Test helper: run drey-verify in-process with files served from memory and output captured. */
import { main } from './main';
import type { CliIO } from './io';

export interface CliRun { code: number; stdout: string; stderr: string }

/**
 * Files by path ('-' is standard input); a missing path fails like Node's ENOENT. No default cache directory (tests
 * never write to the home directory): pass `cacheDir`, or `--cache DIR`, to use one.
 */
export async function runCli(argv: string[], opts: { files?: Record<string, string>; fetch?: typeof fetch; cacheDir?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readInput: async (p) => {
      const text = opts.files?.[p];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT', syscall: 'open' });
      return new TextEncoder().encode(text);
    },
    fetch: opts.fetch ?? (() => Promise.reject(new Error('no network in this test'))),
    cacheDir: opts.cacheDir ?? null,
  };
  return { code: await main(argv, io), stdout, stderr };
}
