/** The widget's promises as tests: no React or app code in it, only src/core, comlink and the program and proof worker clients. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

function imports(file: string): string[] {
  const text = readFileSync(join(DIR, file), 'utf8');
  return [...text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('the widget sources', () => {
  it.each(files)('%s imports only src/core, comlink, the program and proof worker clients and its own modules', (file) => {
    for (const spec of imports(file)) {
      const allowed = spec === 'comlink' || spec.startsWith('./') || spec.startsWith('../core/') || spec === '../../workers/program-client' || spec === '../../workers/proof-pool';
      expect(allowed, `${file} imports ${spec}`).toBe(true);
    }
  });
});
