/**
 * Every rejection code of docs/protocol.md §14.2 is proven: some adversarial vector (vectors/adversarial) names it as
 * the code of its month's FIRST failing check — adversarial-vectors-*.test.ts verifies each vector ends that way — or,
 * for a code no chain can reach, a unit test of the month steps asserts it on hand-built inputs. The list is read from
 * the doc, so a code added there without a vector or a test fails here. The information codes (§14.3) are checked the
 * same way against the vectors' `info` lists and the unit tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../prover/setup';
import type { ExpectedVector } from './adversarial-vectors';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const protocol = read('docs/protocol.md');
const section14 = protocol.slice(protocol.indexOf('## 14. Error codes'));

/** The codes in the first column of a §14 subsection's table. */
function documented(heading: string): string[] {
  const from = section14.indexOf(heading);
  const to = section14.indexOf('\n### ', from + 1);
  return section14.slice(from, to < 0 ? undefined : to).split('\n').flatMap((l) => /^\| `([A-Z][A-Z0-9_]+)`/.exec(l)?.[1] ?? []);
}

const VECTORS = join(REPO_ROOT, 'vectors', 'adversarial');
const vectors: [string, ExpectedVector][] = existsSync(VECTORS)
  ? readdirSync(VECTORS).filter((d) => existsSync(join(VECTORS, d, 'expected.json'))).sort()
    .map((d) => [d, JSON.parse(readFileSync(join(VECTORS, d, 'expected.json'), 'utf8')) as ExpectedVector])
  : [];

/** The verifier's unit tests (not the code-list tests, which name every code). */
const LIST_TESTS = new Set(['codes.test.ts', 'code-help.test.ts']);
const unitText = readdirSync(join(REPO_ROOT, 'src/core'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts') && !LIST_TESTS.has(f)).map((f) => [`src/core/${f}`, read(`src/core/${f}`)] as const);
/** The unit test files that name a code in a string (an expected code, evidence or a test's title), with expectations. */
const assertedIn = (code: string): string[] => unitText
  .filter(([, t]) => t.includes('expect(') && new RegExp(`['"\`][^'"\`\\n]*\\b${code}\\b[^'"\`\\n]*['"\`]`).test(t)).map(([f]) => f);

const rejections = documented('### 14.2');
/** The user's settings that do not fit the chain: the month is unavailable (§14.4). */
const settings = documented('### 14.4');
const information = documented('### 14.3');

describe('docs/protocol.md §14.2 (rejections)', () => {
  it('lists the codes read here', () => {
    expect(rejections.length).toBeGreaterThan(60);
    expect(vectors.length).toBeGreaterThan(0);
  });

  it.each(rejections)('%s is the first failing check of some vector, or asserted by a unit test', (code) => {
    const byVector = vectors.filter(([, e]) => e.verdict === 'rejected' && e.code === code).map(([name]) => name);
    expect([...byVector, ...assertedIn(code)], `${code}: no vector ends with it and no unit test asserts it`).not.toEqual([]);
  });

  it('names every code a vector expects rejected', () => {
    for (const [name, e] of vectors) if (e.code && e.verdict === 'rejected') expect(rejections, `${name} expects ${e.code}`).toContain(e.code);
  });
});

describe('docs/protocol.md §14.4 (the user\'s settings)', () => {
  it.each(settings)('%s makes some vector unavailable, or is asserted by a unit test', (code) => {
    const byVector = vectors.filter(([, e]) => e.verdict === 'unavailable' && e.code === code).map(([name]) => name);
    expect([...byVector, ...assertedIn(code)], `${code}: no vector ends with it and no unit test asserts it`).not.toEqual([]);
  });

  it('names every code a vector expects unavailable', () => {
    expect(settings.length).toBeGreaterThan(0);
    for (const [name, e] of vectors) if (e.code && e.verdict === 'unavailable') expect(settings, `${name} expects ${e.code}`).toContain(e.code);
  });
});

describe('docs/protocol.md §14.3 (information)', () => {
  it.each(information)('%s is listed by some vector, or asserted by a unit test', (code) => {
    const byVector = vectors.filter(([, e]) => e.info?.includes(code)).map(([name]) => name);
    expect([...byVector, ...assertedIn(code)], `${code}: no vector lists it and no unit test asserts it`).not.toEqual([]);
  });
});
