/**
 * `npm run mutation [-- FOLDER…] [--fresh] [--ignore-static] [--own-tests]`: StrykerJS over the verifier's rules, one
 * folder of `src/core` at a time (default: month, chain, protocol, proof), against the fast unit tests of
 * `vitest.mutation.config.ts`. Each folder keeps an incremental file in `reports/stryker/`, so a second run re-tests
 * only mutants whose code or tests changed (`--fresh` starts over; the folder, reports and incremental file are set in
 * `stryker.config.mjs`). `--ignore-static` leaves out the mutants that only run while a module loads (constant tables):
 * each of them runs every related test, which is most of a folder's time, and they are not counted. `--own-tests`
 * runs each folder's mutants against that folder's tests only (a lower bound on the score; reports `<folder>-own`).
 * Prints the score per folder and writes the surviving mutants to `reports/mutation/<name>-survivors.txt`; the
 * HTML-free JSON report is `reports/mutation/<name>.json` (`<name>`: the folder, with `-own` under `--own-tests`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const FOLDERS = ['month', 'chain', 'protocol', 'proof'] as const;
const REPORTS = 'reports/mutation';

interface Mutant { id: string; mutatorName: string; replacement?: string; status: string; location: { start: { line: number; column: number } } }
interface JsonReport { files: Record<string, { mutants: Mutant[] }> }

export interface FolderScore {
  folder: string;
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  /** (killed + timeout) / (killed + timeout + survived + no coverage), in percent. */
  score: number;
  /** The same over covered mutants only (no coverage left out). */
  covered: number;
  seconds: number;
}

/** Scores from a mutation-testing-report-schema JSON report (the statuses Stryker writes). */
export function scoreOf(folder: string, report: JsonReport, seconds: number): { score: FolderScore; survivors: string[] } {
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, errors: 0, all: 0 };
  const survivors: string[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      count.all++;
      if (m.status === 'Killed' || m.status === 'Timeout' || m.status === 'Survived' || m.status === 'NoCoverage') count[m.status]++;
      else if (m.status === 'CompileError' || m.status === 'RuntimeError') count.errors++;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        survivors.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 120)}` : ''}`);
      }
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  const pct = (a: number, b: number): number => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);
  return {
    score: {
      folder, mutants: count.all, killed: count.Killed, timeout: count.Timeout, survived: count.Survived, noCoverage: count.NoCoverage,
      errors: count.errors, score: pct(detected, valid), covered: pct(detected, detected + count.Survived), seconds,
    },
    survivors,
  };
}

interface RunOptions { fresh: boolean; 'ignore-static': boolean; 'own-tests': boolean }

function runFolder(folder: string, opts: RunOptions): FolderScore {
  const ownTests = opts['own-tests'];
  /** The report name stryker.config.mjs gives the run. */
  const name = `${folder}${ownTests ? '-own' : ''}`;
  const json = join(REPORTS, `${name}.json`);
  const t0 = performance.now();
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...(opts.fresh ? ['--force'] : []), ...(opts['ignore-static'] ? ['--ignoreStatic'] : [])], {
    stdio: 'inherit', env: { ...process.env, STRYKER_FOLDER: folder, ...(ownTests ? { STRYKER_OWN_TESTS: '1' } : {}) },
  });
  const seconds = Math.round((performance.now() - t0) / 1000);
  if (r.status !== 0 || !existsSync(json)) throw new Error(`stryker failed on ${folder} (exit ${r.status})`);
  const { score, survivors } = scoreOf(name, JSON.parse(readFileSync(json, 'utf8')) as JsonReport, seconds);
  writeFileSync(join(REPORTS, `${name}-survivors.txt`), survivors.length ? `${survivors.join('\n')}\n` : '');
  return score;
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, 'ignore-static': { type: 'boolean', default: false }, 'own-tests': { type: 'boolean', default: false } }, allowPositionals: true });
  const unknown = positionals.filter((f) => !(FOLDERS as readonly string[]).includes(f));
  if (unknown.length) throw new Error(`unknown folder ${unknown.join(', ')}; folders: ${FOLDERS.join(', ')}`);
  const folders = positionals.length ? positionals : [...FOLDERS];
  const scores = folders.map((f) => runFolder(f, values));
  const rows = scores.map((s) => `| src/core/${s.folder} | ${s.mutants} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.score.toFixed(1)} % | ${s.covered.toFixed(1)} % | ${s.seconds} s |`);
  process.stdout.write(['', '| folder | mutants | killed | timeout | survived | no coverage | score | covered | time |', '|---|---|---|---|---|---|---|---|---|', ...rows, '',
    `survivors: ${REPORTS}/<folder>-survivors.txt`, ''].join('\n'));
}

if (process.argv[1] && /mutation\.ts$/.test(process.argv[1])) main();
