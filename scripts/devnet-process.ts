/** Runs the devnet as its own process (as a real Esplora would be) and waits for the base URL it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface DevnetInfo {
  network: string;
  tip: { height: number; hash: string };
  genesis?: string | null;
  relays?: string[];
  [key: string]: unknown;
}

export interface DevnetProcess {
  url: string;
  info: () => Promise<DevnetInfo>;
  close: () => Promise<void>;
}

const URL_RE = /(http:\/\/127\.0\.0\.1:\d+\/api)\b/;

export async function spawnDevnet(opts: { port?: number; dataDir: string; extraArgs?: string[]; quiet?: boolean; timeoutMs?: number }): Promise<DevnetProcess> {
  const tsx = resolve('node_modules/.bin/tsx');
  const child: ChildProcess = spawn(tsx, ['src/devnet/main.ts', '--port', String(opts.port ?? 0), '--data', opts.dataDir, ...(opts.extraArgs ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`devnet did not start within ${opts.timeoutMs ?? 600_000} ms:\n${output}`)), opts.timeoutMs ?? 600_000);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      if (!opts.quiet) process.stdout.write(text.replace(/^/gm, '[devnet] '));
      const m = URL_RE.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
      process.stderr.write(c.toString().replace(/^/gm, '[devnet] '));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`devnet exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    info: async () => (await (await fetch(`${url}/devnet/info`)).json()) as DevnetInfo,
    close: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * For tests: the devnet on a fresh directory, which therefore serves the committed scenario; fails when no genesis is
 * served (a missing fixture must not turn the scenario tests into silent skips).
 */
export async function spawnScenarioDevnet(): Promise<{ devnet: DevnetProcess; genesis: string; close: () => Promise<void> }> {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'drey-scenario-'));
  const devnet = await spawnDevnet({ port: 0, dataDir: dir, quiet: true });
  const genesis = (await devnet.info()).genesis;
  const close = async (): Promise<void> => {
    await devnet.close();
    await rm(dir, { recursive: true, force: true });
  };
  if (!genesis) {
    await close();
    throw new Error('the devnet serves no scenario: no genesis in /api/devnet/info (is fixtures/devnet/ missing?)');
  }
  return { devnet, genesis, close };
}
