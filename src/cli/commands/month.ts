/**
 * drey-verify month M: verify one month of a Drey instance from public chain data (design §3), quick (one depositor)
 * or full (every rule, every proof, WASM re-execution). Exit 0 verified, 1 rejected, 2 usage, 3 unavailable,
 * 4 pending.
 */
import { join } from 'node:path';
import type { parseArgs } from 'node:util';
import { networkFromName, NETWORK_NAMES } from '../../core/chain/network';
import { createEsploraClient, type EsploraClient } from '../../core/esplora/client';
import { countingFetch } from '../../core/month/counting-fetch';
import type { MonthReport, Verdict } from '../../core/month/report';
import { verifyMonth, type MonthVerification, type VerifyMonthOptions } from '../../core/pipeline';
import type { EsploraCache } from '../../core/esplora/client';
import { packedCache } from '../../core/esplora/pack';
import { checkWithPack } from '../../core/esplora/pack-fetch';
import { takeMonthPack } from '../month-packs';
import { isUnavailableCode } from '../../core/codes';
import { isVerifyError } from '../../core/errors';
import { DEFAULT_DEADLINE_MS } from '../../core/esplora/deadline';
import { nodeProofWorker, nodeThreads } from '../../../workers/node-proof-pool';
import { explainCode } from '../../core/code-help';
import { runProgramInNodeWorker } from '../../../workers/node-worker';
import { cacheNamespace, openDiskCache } from '../disk-cache';
import { commandArgs, hostsOption, integerOption, networkOption, usage } from '../args';
import { EXIT, UsageError, printJson, type CliIO } from '../io';

export const MONTH_HELP = `usage:
  drey-verify month M --esplora URL[,URL…] --genesis ID [--network NET] [--depth quick|full] [--user ID] [--json]
  drey-verify all     --esplora URL[,URL…] --genesis ID [--network NET] [--depth quick|full] [--user ID] [--json]
  (either also takes [--checkpoint H:HASH] [--rps N] [--deadline S] [--cache DIR | --no-cache] [--packs DIR|URL])

Verifies month M (1, 2, 3… from the genesis), or every month up to the tip, from public chain data only: headers and
proof of work (block hashes cross-checked across hosts), inclusion and witness binding of every inscription, message
signatures, eligibility, lottery, race, reveal, agreement, proofs, WASM re-execution, roots, rewards and penalties.
  --depth full   every check (default)
  --depth quick  one depositor (--user): headers, final, the depositor's batch proof and Merkle path, totals
  --user ID      the depositor's user id; used on this machine only, never sent to any host
  --checkpoint H:HASH  a block hash you trust at height H
  --rps N        requests per second per host, 1–1000 (default 4; raise it for a local devnet). A host answering
                 429 or 503 is slowed down further, and the other hosts asked meanwhile
  --deadline S   seconds a month may take, 1–86400 (default ${DEFAULT_DEADLINE_MS / 1000}): past it the month is unavailable
  --cache DIR    keep immutable chain data (headers, transactions, block txid lists, Merkle proofs 6 deep) in DIR,
                 re-verified whenever read (default $XDG_CACHE_HOME/drey-verify or ~/.cache/drey-verify)
  --no-cache     keep nothing on disk
  --packs DIR|URL  where month packs are published (month-M.quick.json, month-M.full.json; drey-verify pack makes
                 them): a pack fills the cache for the month, every entry re-verified when read, so it saves requests
                 and decides nothing; a missing or refused pack is reported and the hosts are asked instead
NET: ${NETWORK_NAMES.join(', ')} (default mainnet). Output: one line per check (failures with code and message);
--json prints the report(s).
Verdicts: verified; rejected (chain data the hosts agree on proves a rule broken); pending (not finished yet);
unavailable (the hosts could not give or agree on the data, or the deadline passed — no accusation; hosts caught
lying are named).
Exit codes: 0 every requested month verified; 1 a month rejected; 2 usage; 3 a month unavailable; 4 (for \`month\`)
still pending. \`all\` treats the pending month at the tip as not failing the run (it is not finished), and says so.
`;

export const MONTH_OPTIONS = {
  esplora: { type: 'string' },
  genesis: { type: 'string' },
  network: { type: 'string' },
  depth: { type: 'string' },
  user: { type: 'string' },
  checkpoint: { type: 'string' },
  rps: { type: 'string' },
  deadline: { type: 'string' },
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
  packs: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof MONTH_OPTIONS; strict: true; allowPositionals: true }>>['values'];

/** Each verdict's exit code. */
export const VERDICT_EXIT: Record<Verdict, number> = { verified: EXIT.VERIFIED, rejected: EXIT.REJECTED, unavailable: EXIT.UNAVAILABLE, pending: EXIT.PENDING };

export interface MonthSetup {
  base: Omit<VerifyMonthOptions, 'month' | 'client' | 'deadlineMs'> & { client: EsploraClient; deadlineMs: number };
  json: boolean;
  requests: () => number;
  /** Another client over the same hosts, fetch and rates, with `cache` as its cache. */
  clientWith: (cache: EsploraCache) => EsploraClient;
  /** Month M verified, with its pack taken first when --packs names where they are. */
  verify: (opts: Partial<VerifyMonthOptions> & { month: number }) => Promise<MonthVerification>;
}

/** Options → a client and the pipeline's base options (UsageError on a bad option). `needsUser`: false for `pack`. */
export function monthSetup(values: Values, io: CliIO, needsUser = true): MonthSetup {
  if (!values.esplora) throw usage('--esplora is required', MONTH_HELP);
  if (!values.genesis || !/^[0-9a-f]{64}i(0|[1-9][0-9]{0,9})$/.test(values.genesis)) throw new UsageError('--genesis must be an inscription id <64 hex>i<n>');
  const networkName = networkOption(values.network, MONTH_HELP);
  const depth = values.depth ?? 'full';
  if (depth !== 'quick' && depth !== 'full') throw new UsageError('--depth must be quick or full');
  if (depth === 'quick' && values.user === undefined && needsUser) throw new UsageError('--depth quick needs --user ID');
  const rps = integerOption('rps', values.rps, 1, 1000) ?? 4;
  const deadlineMs = (integerOption('deadline', values.deadline, 1, 86_400) ?? DEFAULT_DEADLINE_MS / 1000) * 1000;
  let checkpoint: VerifyMonthOptions['checkpoint'];
  if (values.checkpoint !== undefined) {
    const m = /^(\d{1,9}):([0-9a-fA-F]{64})$/.exec(values.checkpoint);
    if (!m) throw new UsageError('--checkpoint must be HEIGHT:HASH');
    checkpoint = { height: Number(m[1]), hash: m[2]!.toLowerCase() };
  }
  if (values['no-cache'] && values.cache !== undefined) throw new UsageError('--cache and --no-cache exclude each other');
  if (values.cache === '') throw new UsageError('--cache needs a directory');
  const hosts = hostsOption(values.esplora);
  const counter = countingFetch(io.fetch);
  const cacheRoot = values['no-cache'] ? null : values.cache ?? io.cacheDir;
  const cache = cacheRoot === null ? undefined : openDiskCache({
    dir: join(cacheRoot, cacheNamespace(networkName, hosts)),
    warn: (message) => io.stderr(`drey-verify: warning: ${message}\n`),
  });
  if (values.packs === '') throw new UsageError('--packs needs a directory or URL');
  const packed = packedCache(cache ?? new Map<string, unknown>());
  const clientWith = (c: EsploraCache): EsploraClient => {
    try {
      return createEsploraClient({
        hosts, fetch: counter.fetch, network: networkFromName(networkName), requestsPerSecond: rps, burst: Math.max(2, Math.ceil(rps / 2)), cache: c,
      });
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(e.message);
      throw e;
    }
  };
  const client = clientWith(packed);
  const setup: MonthSetup = {
    json: values.json ?? false,
    requests: counter.count,
    clientWith,
    verify: async (opts) => {
      const outcome = values.packs === undefined ? undefined : await takeMonthPack(io, values.packs, { network: networkName, genesis: values.genesis!, month: opts.month, depth: opts.depth ?? depth });
      const { result, pack } = await checkWithPack(packed, outcome, () => verifyMonth({ ...setup.base, ...opts }));
      if (pack) result.report.pack = pack;
      return result;
    },
    base: {
      client, network: networkName, genesisId: values.genesis, depth, ...(values.user !== undefined ? { user: values.user } : {}),
      ...(checkpoint ? { checkpoint } : {}), requestCount: counter.count, deadlineMs,
      runProgram: (wasm, input) => runProgramInNodeWorker(wasm, input, { timeoutMs: 60_000 }),
      proofWorkers: { spawn: nodeProofWorker, threads: nodeThreads() },
    },
  };
  return setup;
}

/** One line per check (failures with their code, message and what it means; steps not run marked so), then hosts and requests. */
export function humanReport(r: MonthReport): string {
  const reason = r.pendingReason ?? r.unavailableReason;
  const lines = [`month ${r.month} (${r.depth}): ${r.verdict.toUpperCase()}${reason ? ` — ${reason}` : ''}`];
  for (const c of r.checks) {
    if (c.ok) lines.push(`  ok   ${c.step.padEnd(12)} ${c.message}`);
    else if (c.code === 'PIPELINE_NOT_CHECKED') lines.push(`  —    ${c.step.padEnd(12)} not checked: data unavailable`);
    else lines.push(`  ${isUnavailableCode(c.code) ? 'N/A ' : 'FAIL'} ${c.step.padEnd(12)} ${c.code}: ${c.message}`, `${' '.repeat(20)}${explainCode(c.code).what}`);
  }
  if (r.allocation) lines.push(`  your allocation: ${r.allocation.allocation} Dreybits (row ${r.allocation.row}, batch ${r.allocation.batchIndex})`);
  if (r.notInTable) lines.push(`  user id ${r.notInTable.user} is not in this month's table (${r.notInTable.rows} rows): check the id`);
  for (const l of r.hosts?.liars ?? []) lines.push(`  host caught lying and dropped: ${l.host} (${l.code}: ${l.message})`);
  const retries = r.hosts && r.hosts.retries > 0 ? `, ${r.hosts.retries} retried (${r.hosts.rateLimited} refused with 429/503)` : '';
  if (r.pack) lines.push(`  month pack ${r.pack.url}: ${r.pack.outcome === 'used' ? `used (${r.pack.read} of ${r.pack.entries} entries read, each re-verified)` : `${r.pack.outcome} (${r.pack.reason})`}`);
  lines.push(`  ${r.requests} Esplora request(s)${retries}; ${Object.entries(r.timings).map(([k, v]) => `${k} ${Math.round(v!)} ms`).join(', ')}`);
  return lines.join('\n') + '\n';
}

/** A run-level failure (no report): data the hosts could not give is exit 3 (unavailable), anything else exit 1. */
export function errorExit(e: unknown, io: CliIO, json: boolean): number {
  if (!isVerifyError(e)) throw e;
  if (json) printJson(io, { ok: false, ...e.toJSON() });
  else io.stderr(`drey-verify: ${e.code}: ${e.message}\n  ${explainCode(e.code).what}\n  ${explainCode(e.code).todo}\n`);
  return isUnavailableCode(e.code) ? EXIT.UNAVAILABLE : EXIT.REJECTED;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(io, args, MONTH_OPTIONS, MONTH_HELP);
  if (typeof parsed === 'number') return parsed;
  const [month, ...more] = parsed.positionals;
  if (month === undefined || more.length > 0 || !/^[1-9]\d{0,5}$/.test(month)) throw usage('month M: M is a month number 1, 2, 3…', MONTH_HELP);
  const setup = monthSetup(parsed.values, io);
  let report: MonthReport;
  try {
    ({ report } = await setup.verify({ month: Number(month) }));
  } catch (e) {
    return errorExit(e, io, setup.json);
  }
  if (setup.json) printJson(io, report);
  else io.stdout(humanReport(report));
  return VERDICT_EXIT[report.verdict];
}
