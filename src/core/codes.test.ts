import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERNAL_CODES, MONTH_CODES, MONTH_INFO_CODES, MONTH_UNAVAILABLE_CODES, VERIFY_CODES, isVerifyCode } from './codes';
import { CODE_PREFIXES, VerifyError, type VerifyCode } from './errors';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const CODE = new RegExp(`^(?:${CODE_PREFIXES.join('|')})[A-Z0-9_]*[A-Z0-9]$`);

/** The codes named in backticks in a piece of Markdown (wildcards such as `PROOF_*` are not codes). */
const backticked = (md: string): string[] => [...md.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!).filter((c) => CODE.test(c));

const protocol = read('docs/protocol.md');
const section14 = protocol.slice(protocol.indexOf('## 14. Error codes'));
/** The codes in the first column of a subsection's table. */
const tableOf = (heading: string): string[] => {
  const from = section14.indexOf(heading);
  const to = section14.indexOf('\n### ', from + 1);
  return section14.slice(from, to < 0 ? undefined : to).split('\n').filter((l) => l.startsWith('| `')).flatMap((row) => backticked(row.split('|')[1]!));
};

describe('the code list', () => {
  it('holds each code once, each with a step prefix', () => {
    expect(new Set(VERIFY_CODES).size).toBe(VERIFY_CODES.length);
    for (const c of VERIFY_CODES) expect(c, c).toMatch(CODE);
  });

  it('is what VerifyError accepts: an unknown code is a caller bug (TypeError)', () => {
    expect(new VerifyError('STAKE_SPENT', 'x').code).toBe('STAKE_SPENT');
    expect(() => new VerifyError('STAKE_SPENT_TWICE' as VerifyCode, 'x')).toThrow(TypeError);
    expect(isVerifyCode('FETCH_TIMEOUT')).toBe(true);
    for (const c of [...INTERNAL_CODES, 'OK', '', 42]) expect(isVerifyCode(c)).toBe(false);
  });
});

describe('docs/protocol.md §14', () => {
  it.each([
    ['### 14.2', 'the rejections (MONTH_CODES)', MONTH_CODES],
    ['### 14.3', 'the information codes (MONTH_INFO_CODES)', MONTH_INFO_CODES],
  ] as const)('%s lists exactly %s', (heading, _what, codes) => {
    const documented = tableOf(heading);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...codes].sort());
  });

  it('§14.4 names every code the month reports as unavailable (MONTH_UNAVAILABLE_CODES)', () => {
    const from = section14.indexOf('### 14.4');
    expect(backticked(section14.slice(from)).filter((c) => !c.startsWith('FETCH_') && !c.startsWith('CHAIN_')).sort()).toEqual([...MONTH_UNAVAILABLE_CODES].sort());
  });

  it('names only codes of the list', () => {
    for (const c of backticked(section14)) expect(VERIFY_CODES, c).toContain(c);
  });
});

describe('the docs', () => {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  it.each(docs)('%s names only codes the verifier can report', (doc) => {
    for (const c of backticked(read(doc))) expect(VERIFY_CODES, `${doc}: ${c}`).toContain(c);
  });
});

describe('the month steps', () => {
  const files = ['src/core/pipeline.ts', ...readdirSync(join(ROOT, 'src/core/month'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !/\.test(-util)?\.ts$/.test(f)).map((f) => `src/core/month/${f}`)];

  it('raise only month codes (§14.2–14.4), besides what could not be fetched or bound (FETCH_, CHAIN_)', () => {
    const raised = files.flatMap((f) => [...read(f).matchAll(/new VerifyError\(\s*'([A-Z0-9_]+)'/g)].map((m) => [f, m[1]!] as const));
    expect(raised.length).toBeGreaterThan(20);
    for (const [file, code] of raised) {
      if (code.startsWith('FETCH_') || code.startsWith('CHAIN_')) continue;
      expect([...MONTH_CODES, ...MONTH_INFO_CODES, ...MONTH_UNAVAILABLE_CODES] as readonly string[], `${file} raises ${code}`).toContain(code);
    }
  });
});
