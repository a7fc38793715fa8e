/**
 * The project's structural promises as tests: an isomorphic core (no DOM or Node globals). The import directions
 * (core ← workers ← app / widget / cli, nothing → devnet, no cycles) are checked by dependency-cruiser
 * (.dependency-cruiser.cjs, `npm run deps`), unused code by knip (`npm run knip`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f) && !/\.test(-util)?\.tsx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

describe('src/core', () => {
  const files = sourceFiles('src/core');

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files)('%s uses no DOM-only or Node-only globals', (file) => {
    const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    // A global, not a property of the same name (`race.window.to` is not `window.`).
    for (const g of ['document.', 'window.', 'localStorage', 'sessionStorage', 'indexedDB', 'process.', 'Buffer.', 'require(', '__dirname']) {
      const global = new RegExp(`(?<![\\w.$])${g.replace(/[.(]/g, '\\$&')}`);
      expect(global.test(code), `${file} uses ${g}`).toBe(false);
    }
  });
});
