/**
 * `npm start` as a person runs it (scripts/start.ts), on free ports and a fresh data directory so several runs can
 * share the machine: the addresses are read from what it prints, exactly as a person reads them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface NpmStart {
  /** Everything it printed on stdout up to "press Ctrl+C to stop". */
  output: string;
  appUrl: string;
  exampleUrl: string;
  devnetUrl: string;
  stop: () => Promise<void>;
}

const line = (output: string, label: string): string => {
  const m = new RegExp(`^${label}\\s+(\\S+)`, 'm').exec(output);
  if (!m) throw new Error(`npm start printed no "${label}" line:\n${output}`);
  return m[1]!;
};

export async function npmStart(timeoutMs = 600_000): Promise<NpmStart> {
  const dataDir = await mkdtemp(join(tmpdir(), 'drey-npm-start-'));
  const child: ChildProcess = spawn(resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], {
    env: { ...process.env, PORT: '0', DEVNET_PORT: '0', DEVNET_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr!.on('data', (c: Buffer) => { errors += c.toString(); });
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not finish starting within ${timeoutMs} ms:\n${output}\n${errors}`)), timeoutMs);
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('press Ctrl+C to stop')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited with code ${code}:\n${output}\n${errors}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      await new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.kill('SIGINT');
      });
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  return { output, appUrl: line(output, 'Drey Verifier'), exampleUrl: line(output, 'widget example'), devnetUrl: line(output, 'devnet Esplora'), stop };
}
