/** Builds and serves the VirtualList test page (100,000 rows) on 127.0.0.1, for the e2e spec and the benchmark. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { serveStatic } from './static-server';

export interface VirtualListPage {
  url: string;
  close: () => Promise<void>;
}

export async function serveVirtualListPage(): Promise<VirtualListPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'drey-vlist-'));
  await build({
    configFile: false,
    root: resolve('e2e/pages'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: resolve('e2e/pages/virtual-list.html') } },
  });
  const server = await serveStatic({ mounts: [{ prefix: '/', dir: outDir }] });
  return {
    url: `${server.url}/virtual-list.html`,
    close: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
