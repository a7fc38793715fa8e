/**
 * `npm run scenario -- --data DIR [--seed S] [--months N] [--members N] [--actuaries N] [--fixture-out DIR]`:
 * generate a scenario chain on a fresh devnet in DIR (which must not hold a chain yet), with the actuaries' nostr presence
 * kept in DIR/presence.json.
 * `npm run scenario -- --adversarial [--case NAME…] [--out vectors/adversarial]`: one small chain per bad-month case (or
 * only the named ones), each kept as a vector with the code it must fail with.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevnet } from '../devnet';
import { startRelay } from '../nostr';
import { DEVNET_BATCH_SIZE, ensureCircuit } from '../prover/setup';
import { ADVERSARIAL_CASES, ADVERSARIAL_CASE_NAMES } from './adversarial-cases';
import { FIXTURE_DIR, INFO_FILE, writeFixture } from './fixture';
import { writePresence } from './presence';
import { runScenario, type ScenarioOptions, type ScenarioResult } from './scenario';

export const DEFAULT_SCENARIO_SEED = 'drey-scenario-v1';
export const DEFAULT_RELAYS = ['ws://127.0.0.1:3003'];

/**
 * Start a devnet on `dataDir` (no fixture, no demo) and an ephemeral nostr relay for the actuaries, play the scenario,
 * record its info and presence, stop both.
 */
export async function generateChain(dataDir: string, o: Omit<ScenarioOptions, 'url' | 'relayUrl'>): Promise<ScenarioResult> {
  if (existsSync(join(dataDir, 'blocks.dat'))) throw new Error(`${dataDir} already holds a chain; use an empty directory`);
  const relay = await startRelay({ port: 0 });
  try {
    const devnet = await startDevnet({ port: 0, dataDir, noDemo: true, fixture: false, relayPort: false });
    try {
      const result = await runScenario({ ...o, url: devnet.url, relayUrl: relay.url });
      const info = { genesis: result.genesis, relays: result.relays };
      devnet.setInfo(info);
      writeFileSync(join(dataDir, INFO_FILE), `${JSON.stringify(info, null, 1)}\n`);
      writePresence(dataDir, result.presence);
      writeFileSync(join(dataDir, 'scenario.json'), `${JSON.stringify({ ...result, presence: undefined }, null, 1)}\n`);
      return result;
    } finally {
      await devnet.close();
    }
  } finally {
    await relay.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SCENARIO_SEED },
      months: { type: 'string', default: '6' },
      members: { type: 'string', default: '1000' },
      'new-per-month': { type: 'string', default: '10' },
      actuaries: { type: 'string', default: '6' },
      batch: { type: 'string', default: String(DEVNET_BATCH_SIZE) },
      'fixture-out': { type: 'string' },
      adversarial: { type: 'boolean', default: false },
      out: { type: 'string', default: 'vectors/adversarial' },
      case: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const num = (v: string, name: string, min: number, max: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const circuit = await ensureCircuit(num(values.batch, 'batch', 1, 1024));
  const log = (s: string): void => { process.stdout.write(`${s}\n`); };
  const t0 = performance.now();
  if (values.adversarial) {
    const unknown = (values.case ?? []).filter((c) => !(ADVERSARIAL_CASE_NAMES as string[]).includes(c));
    if (unknown.length) throw new Error(`unknown --case ${unknown.join(', ')}; cases: ${ADVERSARIAL_CASE_NAMES.join(', ')}`);
    for (const kind of ADVERSARIAL_CASE_NAMES.filter((c) => !values.case || values.case.includes(c))) {
      const dir = mkdtempSync(join(tmpdir(), `drey-adv-${kind}-`));
      try {
        const r = await generateChain(dir, {
          seed: `${values.seed}/adversarial`, months: 1, members: 16, newPerMonth: 2, actuaries: 5, circuit, relays: DEFAULT_RELAYS,
          adversarial: { month: 2, kind }, log,
        });
        const spec = ADVERSARIAL_CASES[kind];
        const extra = spec as { penalty?: string; month?: number; failed?: { month: number; code: string } };
        const month = extra.month ?? 2;
        writeFixture(dir, join(values.out, kind), {
          genesis: r.genesis, relays: r.relays, month, code: spec.code, step: spec.step, what: spec.what,
          events: r.months.at(-1)?.events ?? [], final: r.months.at(-1)?.final ?? null,
        }, { presence: false });
        const outcome = spec.code === null ? { verdict: 'verified', ...(extra.penalty ? { penalty: extra.penalty } : {}), ...(extra.failed ? { failed: extra.failed } : {}) } : { verdict: 'rejected', code: spec.code };
        writeFileSync(join(values.out, kind, 'expected.json'), `${JSON.stringify({ genesis: r.genesis, month, ...outcome, step: spec.step, what: spec.what }, null, 1)}\n`);
        log(`${kind}: ${spec.code ?? 'verified'}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } else {
    if (!values.data) throw new Error('--data DIR is required');
    const months = num(values.months, 'months', 1, 1000);
    const members = num(values.members, 'members', 1, 1_000_000);
    const actuaries = num(values.actuaries, 'actuaries', 5, 9);
    const r = await generateChain(values.data, {
      seed: values.seed, months, members, newPerMonth: num(values['new-per-month'], 'new-per-month', 0, 100_000), actuaries,
      circuit, relays: DEFAULT_RELAYS, log,
    });
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`genesis ${r.genesis}; ${r.months.length} months; proofs: ${r.proofs.proved} proved, ${r.proofs.cached} cached; ${seconds} s`);
    if (values['fixture-out'] !== undefined) {
      const out = values['fixture-out'] === '' ? FIXTURE_DIR : values['fixture-out'];
      const sizes = writeFixture(values.data, out, {
        genesis: r.genesis, relays: r.relays, seed: values.seed, months, members, actuaries, batchSize: circuit.batchSize,
        generatedInSeconds: seconds, command: `npm run scenario -- --data DIR --seed ${values.seed} --months ${months} --members ${members} --actuaries ${actuaries}`,
      });
      log(`fixture written to ${out}: blocks ${sizes.blocks} bytes, mempool ${sizes.mempool} bytes (gzip)`);
    }
  }
}

if (process.argv[1] && /scenario[\\/]main\.ts$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    process.stderr.write(`scenario: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  });
}
