/**
 * `npm run scenario -- --data DIR [--seed S] [--months N] [--members N] [--actuaries N] [--fixture-out DIR]`:
 * generate a scenario chain on a fresh devnet in DIR (which must not hold a chain yet), with the actuaries' nostr presence
 * kept in DIR/presence.json.
 * `npm run scenario -- --adversarial [--case NAME…] [--out vectors/adversarial]` (`npm run vectors:adversarial`): one
 * small chain per adversarial case (or only the named ones), each kept as a vector with how it must end
 * (adversarial-vectors.ts).
 * `--jobs N` generates the adversarial chains in N processes at once.
 * `--outsider`: an outsider also writes to every marker (outsider.ts); the ready-made chain is generated with it.
 */
import { parseArgs } from 'node:util';
import { DEVNET_BATCH_SIZE, ensureCircuit } from '../prover/setup';
import { ADVERSARIAL_CASE_NAMES, type AdversarialCase } from './adversarial-cases';
import { writeAdversarialVectors } from './adversarial-vectors';
import { FIXTURE_DIR, writeFixture } from './fixture';
import { DEFAULT_RELAYS, DEFAULT_SCENARIO_SEED, generateChain } from './generate';

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
      outsider: { type: 'boolean', default: false },
      jobs: { type: 'string', default: '1' },
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
    await writeAdversarialVectors({
      out: values.out, seed: `${values.seed}/adversarial`, circuit, log, jobs: num(values.jobs, 'jobs', 1, 16),
      ...(values.case ? { only: values.case as AdversarialCase[] } : {}),
    });
    log(`adversarial vectors written to ${values.out} in ${Math.round((performance.now() - t0) / 1000)} s`);
  } else {
    if (!values.data) throw new Error('--data DIR is required');
    const months = num(values.months, 'months', 1, 1000);
    const members = num(values.members, 'members', 1, 1_000_000);
    const actuaries = num(values.actuaries, 'actuaries', 5, 9);
    const r = await generateChain(values.data, {
      seed: values.seed, months, members, newPerMonth: num(values['new-per-month'], 'new-per-month', 0, 100_000), actuaries,
      circuit, relays: DEFAULT_RELAYS, log, outsider: values.outsider,
    });
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`genesis ${r.genesis}; ${r.months.length} months; proofs: ${r.proofs.proved} proved, ${r.proofs.cached} cached; ${seconds} s`);
    if (values['fixture-out'] !== undefined) {
      const out = values['fixture-out'] === '' ? FIXTURE_DIR : values['fixture-out'];
      const sizes = writeFixture(values.data, out, {
        genesis: r.genesis, relays: r.relays, seed: values.seed, months, members, actuaries, batchSize: circuit.batchSize,
        generatedInSeconds: seconds, outsider: r.outsider.length,
        command: `npm run scenario -- --data DIR --seed ${values.seed} --months ${months} --members ${members} --actuaries ${actuaries}${values.outsider ? ' --outsider' : ''} --fixture-out`,
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
