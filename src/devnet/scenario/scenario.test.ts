import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inscriptionsFromTxHex } from '../../core/inscription';
import { parseMessage, METAPROTOCOL, type Message } from '../../core/protocol/message';
import { markerAddress } from '../../core/protocol/marker';
import { parseInscriptionId } from '../../core/protocol/ids';
import { verifyMonthLogStep, type MonthLogHead } from '../../core/protocol/month-log';
import { startDevnet, type Devnet } from '../devnet';
import { ensureCircuit, TINY_BATCH_SIZE, type CircuitArtifacts } from '../prover/setup';
import { RestClient } from '../rest-client';
import { FIXTURE_DIR } from './fixture';
import { runScenario, type ScenarioResult } from './scenario';

const TINY = { seed: 'scenario-test', months: 3, members: 10, newPerMonth: 1, actuaries: 5, relays: ['ws://127.0.0.1:3003'] };

interface Run { devnet: Devnet; dir: string; result: ScenarioResult }

async function play(circuit: CircuitArtifacts, seed = TINY.seed): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'drey-scenario-'));
  const devnet = await startDevnet({ port: 0, dataDir: dir, noDemo: true, fixture: false });
  const result = await runScenario({ ...TINY, seed, url: devnet.url, circuit });
  return { devnet, dir, result };
}

/** Every transaction paying a marker, through Esplora's paged address history (oldest first). */
async function markerTxids(rest: RestClient, address: string): Promise<string[]> {
  const out: string[] = [];
  let page = await rest.json<{ txid: string; status: { confirmed: boolean } }[]>(`/address/${address}/txs`);
  const confirmed = (p: typeof page): typeof page => p.filter((t) => t.status.confirmed);
  out.push(...page.filter((t) => !t.status.confirmed).map((t) => t.txid));
  let chain = confirmed(page);
  while (chain.length > 0) {
    out.push(...chain.map((t) => t.txid));
    page = await rest.json(`/address/${address}/txs/chain/${chain.at(-1)!.txid}`);
    chain = confirmed(page);
  }
  return out.reverse();
}

describe('when five actuaries play three months and one pending month on a fresh devnet', { timeout: 600_000 }, () => {
  let circuit: CircuitArtifacts;
  let run: Run;
  let rest: RestClient;

  beforeAll(async () => {
    circuit = await ensureCircuit(TINY_BATCH_SIZE);
    run = await play(circuit);
    rest = new RestClient(run.devnet.url);
  }, 600_000);

  afterAll(async () => {
    await run?.devnet.close();
    if (run) rmSync(run.dir, { recursive: true, force: true });
  });

  async function monthMessages(m: number): Promise<Message[]> {
    const address = markerAddress('regtest', parseInscriptionId(run.result.genesis), m);
    const out: Message[] = [];
    for (const txid of await markerTxids(rest, address)) {
      const { inscriptions } = inscriptionsFromTxHex(await rest.text(`/tx/${txid}/hex`), { expectedTxid: txid });
      for (const ins of inscriptions) {
        expect(ins.metaprotocol).toBe(METAPROTOCOL);
        if (ins.contentType !== 'application/json') continue;
        out.push(parseMessage(ins.body!, { network: 'regtest', genesis: run.result.genesis, ...(m > 0 ? { month: m } : {}) }));
      }
    }
    return out;
  }

  it('lists every month\'s objects through its marker address, and each message parses and verifies', async () => {
    for (const rec of run.result.months) {
      const msgs = await monthMessages(rec.month);
      const types = msgs.map((x) => x.type);
      expect(types[0]).toBe('inputs');
      expect(types).toContain('lottery');
      expect(types).toContain('commit');
      if (rec.final) expect(types.slice(-2)).toEqual(['reveal', 'final']);
      const address = markerAddress('regtest', parseInscriptionId(run.result.genesis), rec.month);
      expect((await markerTxids(rest, address)).sort()).toEqual([...rec.txids].sort());
    }
  });

  it('registers the actuaries at the setup marker, one of them through a key link', async () => {
    const regs = await monthMessages(0);
    expect(regs.every((x) => x.type === 'register')).toBe(true);
    expect(regs).toHaveLength(TINY.actuaries + 1);
    expect(regs.filter((x) => x.type === 'register' && x.payload.keylink)).toHaveLength(1);
  });

  it('plays each scenario event, leaves the last month pending, and chains the month log', async () => {
    const events = run.result.months.flatMap((r) => r.events).join('\n');
    for (const e of ['missed_deadline', 'disagreed', 'void_commit', 'copied_package', 'keylink', 'pending']) expect(events).toContain(e);
    expect(run.result.months.at(-1)!.final).toBeUndefined();
    let head: MonthLogHead | undefined;
    for (const rec of run.result.months.filter((r) => r.final)) {
      const final = (await monthMessages(rec.month)).find((x) => x.type === 'final');
      if (final?.type !== 'final') throw new Error('no final');
      verifyMonthLogStep(head, final.payload.log, { month: rec.month, root: Uint8Array.from(Buffer.from(final.payload.root, 'hex')) });
      head = { size: final.payload.log.size, root: final.payload.log.root };
      const penalties = final.payload.penalties.map((p) => p.reason);
      if (rec.events.some((e) => e.startsWith('missed_deadline'))) {
        expect(final.payload.attempt).toBe(1);
        expect(penalties).toContain('missed_deadline');
      }
    }
  });

  it('reproduces the same transactions from the same seed', async () => {
    const again = await play(circuit);
    try {
      expect(again.result.genesis).toBe(run.result.genesis);
      expect(again.result.months.map((r) => r.txids)).toEqual(run.result.months.map((r) => r.txids));
    } finally {
      await again.devnet.close();
      rmSync(again.dir, { recursive: true, force: true });
    }
  });
});

describe('when a devnet starts on an empty data directory', () => {
  const info = join(FIXTURE_DIR, 'info.json');
  it.skipIf(!existsSync(info))('serves the committed fixture with its genesis and relays', async () => {
    const fixture = JSON.parse(readFileSync(info, 'utf8')) as { genesis: string; relays: string[] };
    const dir = mkdtempSync(join(tmpdir(), 'drey-fixture-'));
    const devnet = await startDevnet({ port: 0, dataDir: dir });
    try {
      const got = await new RestClient(devnet.url).json<{ genesis: string; relays: string[] }>('/devnet/info');
      expect(got.genesis).toBe(fixture.genesis);
      expect(got.relays).toEqual(fixture.relays);
      const tx = await new RestClient(devnet.url).json<{ status: { confirmed: boolean } }>(`/tx/${fixture.genesis.split('i')[0]}`);
      expect(tx.status.confirmed).toBe(true);
    } finally {
      await devnet.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
