/** The project's structural promises as tests: dependency direction and an isomorphic core. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
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

/** Every module specifier a file imports (static, dynamic and `export … from`). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    specs.push((m[1] ?? m[2] ?? m[3])!);
  }
  return specs;
}

/** Path of a relative import, relative to the repository root. */
function target(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(ROOT, resolve(ROOT, dirname(file), spec));
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const UI_PACKAGES = ['react', 'react-dom', 'zustand', 'comlink'];

describe('src/core', () => {
  const files = sourceFiles('src/core');

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files)('%s imports nothing from Node, the DOM, React or other layers', (file) => {
    for (const spec of importsOf(file)) {
      expect(NODE_BUILTINS.has(spec), `${file} imports Node built-in ${spec}`).toBe(false);
      expect(UI_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`)), `${file} imports UI package ${spec}`).toBe(false);
      const t = target(file, spec);
      if (t) expect(t.startsWith('src/core'), `${file} imports ${t} outside src/core`).toBe(true);
    }
  });

  it.each(files)('%s uses no DOM-only or Node-only globals', (file) => {
    const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const g of ['document.', 'window.', 'localStorage', 'sessionStorage', 'indexedDB', 'process.', 'Buffer.', 'require(', '__dirname']) {
      expect(code.includes(g), `${file} uses ${g}`).toBe(false);
    }
  });
});

describe('the devnet', () => {
  // Development scripts (circuit setup, the start script) may drive the devnet; the product's code may not.
  const outside = ['src/core', 'src/app', 'src/widget', 'src/cli', 'workers', 'e2e'].flatMap(sourceFiles);

  it.each(outside)('is not imported by %s (it is reached over HTTP like any Esplora)', (file) => {
    for (const spec of importsOf(file)) {
      const t = target(file, spec);
      expect(t?.startsWith('src/devnet') ?? false, `${file} imports ${t}`).toBe(false);
    }
  });
});

describe('the app and the widget', () => {
  const files = ['src/app', 'src/widget'].flatMap(sourceFiles);

  it.each(files)('%s imports neither the CLI nor Node built-ins', (file) => {
    for (const spec of importsOf(file)) {
      expect(NODE_BUILTINS.has(spec), `${file} imports ${spec}`).toBe(false);
      expect(target(file, spec)?.startsWith('src/cli') ?? false).toBe(false);
    }
  });
});
