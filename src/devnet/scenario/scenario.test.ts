import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { schnorr } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '../../core/bytes';
import { fetchProfiles, subscribeRoundStatus, ROAST_KINDS, KIND_ROAST_RESULT, type UnconfirmedRoundStatus } from '../../core/nostr';
import { inscriptionsFromTxHex } from '../../core/inscription';
import { parseMessage, METAPROTOCOL, type Message } from '../../core/protocol/message';
import { markerAddress } from '../../core/protocol/marker';
import { parseInscriptionId } from '../../core/protocol/ids';
import { verifyMonthLogStep, type MonthLogHead } from '../../core/protocol/month-log';
import { verifyStakeProof } from '../../core/protocol/stake-proof';
import { createEsploraClient } from '../../core/esplora/client';
import { verifyMonth } from '../../core/pipeline';
import { startDevnet, type Devnet } from '../devnet';
import { blameFromTranscript, nodePool, startRelay } from '../nostr';
import { ensureCircuit, TINY_BATCH_SIZE, type CircuitArtifacts } from '../prover/setup';
import { RestClient } from '../rest-client';
import { FIXTURE_DIR, INFO_FILE } from './fixture';
import { frostDkg } from './keys';
import { replayPresence, writePresence } from './presence';
import { eventSchedule, runScenario, type MonthRecord, type ScenarioResult } from './scenario';

const TINY = { seed: 'scenario-test', months: 3, members: 10, newPerMonth: 1, actuaries: 5, relays: ['ws://127.0.0.1:3003'] };

interface Run { devnet: Devnet; dir: string; result: ScenarioResult }

async function play(circuit: CircuitArtifacts, seed = TINY.seed): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'drey-scenario-'));
  const devnet = await startDevnet({ port: 0, dataDir: dir, noDemo: true, fixture: false });
  const result = await runScenario({ ...TINY, seed, url: devnet.url, relayUrl: devnet.relayUrl!, circuit });
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

  async function genesisMessage(): Promise<Message> {
    const txid = run.result.genesis.split('i')[0]!;
    const { inscriptions } = inscriptionsFromTxHex(await rest.text(`/tx/${txid}/hex`), { expectedTxid: txid });
    return parseMessage(inscriptions[0]!.body!, { network: 'regtest' });
  }

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

  it('registers the actuaries at the setup marker with stake proofs by their stake outputs\' keys, one of them through a key link', async () => {
    const all = await monthMessages(0);
    // Besides the registrations, month 0's marker lists each finished month's final (it spends its month outpoint).
    expect(all.filter((x) => x.type !== 'register').map((x) => x.type)).toEqual(run.result.months.filter((r) => r.final).map(() => 'final'));
    const regs = all.filter((x) => x.type === 'register');
    expect(regs).toHaveLength(TINY.actuaries + 1);
    expect(regs.filter((x) => x.type === 'register' && x.payload.keylink)).toHaveLength(1);
    for (const r of regs) {
      if (r.type !== 'register') continue;
      const funding = await rest.json<{ vout: { scriptpubkey: string }[] }>(`/tx/${r.payload.stake.txid}`);
      const script = funding.vout[r.payload.stake.vout]!.scriptpubkey;
      expect(script).toMatch(/^5120[0-9a-f]{64}$/);
      expect(() => verifyStakeProof(r.payload, hexToBytes(script.slice(4)))).not.toThrow();
    }
  });

  it('plays each scenario event, leaves the last month pending, and chains the month log', async () => {
    const events = run.result.months.flatMap((r) => r.events).join('\n');
    for (const e of ['missed_deadline', 'invalid_lead', 'disagreed', 'void_commit', 'copied_package', 'dispute', 'keylink', 'pending']) expect(events).toContain(e);
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
      if (rec.events.some((e) => e.startsWith('invalid_lead'))) {
        // The group revealed attempt 0, whose lead's package does not open, and the lottery drew again.
        const reveals = (await monthMessages(rec.month)).filter((x) => x.type === 'reveal');
        expect(reveals.map((x) => x.type === 'reveal' && x.payload.attempt)).toEqual([0, 1]);
        expect(final.payload.attempt).toBe(1);
        expect(penalties).toContain('unopenable');
      }
    }
  });

  it('gives every finished month a verified verdict: its events break no rule (§6.7: at most one disagreeing secondary a month)', async () => {
    const client = createEsploraClient({ hosts: [run.devnet.url], network: 'regtest', fetch: globalThis.fetch.bind(globalThis), requestsPerSecond: 1000, burst: 100 });
    for (const rec of run.result.months.filter((r) => r.final)) {
      const { report } = await verifyMonth({ client, network: 'regtest', genesisId: run.result.genesis, month: rec.month, depth: 'full' });
      expect(report.checks.filter((c) => !c.ok).map((c) => c.code), `month ${rec.month}`).toEqual([]);
      expect(report.verdict, `month ${rec.month}`).toBe('verified');
    }
  });

  describe('when the group signs reveal and final with ROAST over the relay', () => {
    const threshold = Math.floor(TINY.actuaries / 2) + 1;
    const faultMonth = eventSchedule(TINY.months).roastFault;
    const pool = nodePool();
    afterAll(() => pool.destroy());

    /** The ROAST events of one run, as the relay stores them. */
    function transcript(runId: string): Promise<unknown[]> {
      return pool.querySync([run.devnet.relayUrl!], { kinds: [...ROAST_KINDS], '#x': [runId] }, { maxWait: 2000 });
    }

    it('each inscribed reveal and final verifies (BIP340) under the genesis FROST group key, and is the ROAST result', async () => {
      const genesis = await genesisMessage();
      if (genesis.type !== 'genesis') throw new Error('not a genesis');
      const groupKey = hexToBytes(genesis.payload.frost.group_key);
      const finished = run.result.months.filter((r) => r.final);
      expect(finished.length).toBe(TINY.months);
      for (const rec of finished) {
        // The accepted attempt's reveal and the final (a month with a new draw also has the failed attempt's reveal).
        const msgs = (await monthMessages(rec.month)).filter((x) => x.type === 'reveal' || x.type === 'final').slice(-2);
        expect(msgs.map((x) => x.type)).toEqual(['reveal', 'final']);
        for (const msg of msgs) {
          expect(msg.signer).toBe(genesis.payload.frost.group_key);
          expect(schnorr.verify(hexToBytes(msg.sig), msg.digest, groupKey)).toBe(true);
          const outcome = rec.roast![msg.type as 'reveal' | 'final'];
          const result = (await transcript(outcome.runId)).find((e) => (e as { kind: number }).kind === KIND_ROAST_RESULT) as { content: string };
          expect(JSON.parse(result.content)).toMatchObject({ signature: msg.sig, groupKey: genesis.payload.frost.group_key });
          expect(outcome.signers).toHaveLength(threshold);
        }
      }
    });

    describe('when one actuary is silent and another returns a corrupt share', () => {
      let rec: MonthRecord;
      beforeAll(() => { rec = run.result.months.find((r) => r.month === faultMonth)!; });

      it('still signs, in a second session without them, and names the corrupt signer in the result log', () => {
        for (const outcome of [rec.roast!.reveal, rec.roast!.final]) {
          const corrupt = outcome.scripted.find((x) => x.behaviour === 'corrupt')!;
          const silent = outcome.scripted.find((x) => x.behaviour === 'silent')!;
          expect(outcome.malicious.map((x) => x.actuary)).toEqual([corrupt.actuary]);
          expect(outcome.malicious[0]!.shareEvent).toMatch(/^[0-9a-f]{64}$/);
          expect(outcome.signers).not.toContain(corrupt.actuary);
          expect(outcome.signers).not.toContain(silent.actuary);
          expect(outcome.sessions).toBe(2);
        }
        const lines = rec.events.filter((e) => e.startsWith('roast_blame:'));
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain(`malicious: ${rec.roast!.final.malicious[0]!.actuary}`);
      });

      it('leaves a transcript on the relay from which anyone can prove who sent the corrupt share', async () => {
        const group = frostDkg(TINY.seed, threshold, TINY.actuaries);
        const final = (await monthMessages(faultMonth)).find((x) => x.type === 'final')!;
        const blame = blameFromTranscript(await transcript(rec.roast!.final.runId), group.members[0]!.public, final.digest);
        expect(blame).toHaveLength(1);
        expect(blame[0]).toMatchObject({ verified: true, author: rec.roast!.final.malicious[0]!.actuary, identifier: group.members[2]!.id });
      });

      it('keeps every other month free of faults', () => {
        for (const r of run.result.months.filter((x) => x.roast && x.month !== faultMonth)) {
          expect(r.roast!.final.malicious).toEqual([]);
          expect(r.roast!.final.scripted).toEqual([]);
        }
      });
    });
  });

  describe('when the actuaries publish their presence during generation', () => {
    async function registeredKeys(): Promise<string[]> {
      return (await monthMessages(0)).filter((x) => x.type === 'register').map((x) => x.signer);
    }

    async function statuses(relay: string, month: number, actuaries: string[]): Promise<UnconfirmedRoundStatus[]> {
      const seen: UnconfirmedRoundStatus[] = [];
      await new Promise<void>((resolve) => {
        const sub = subscribeRoundStatus([relay], run.result.genesis, month, (s) => seen.push(s), {
          network: 'regtest', actuaries, WebSocket, maxWait: 2000, onStored: () => { sub.close(); resolve(); },
        });
      });
      return seen;
    }

    it('serves a kind-0 profile named "Actuary …" for every registered key, the rotated one under its person\'s name', async () => {
      const keys = await registeredKeys();
      const profiles = await fetchProfiles([run.devnet.relayUrl!], keys, { WebSocket, maxWait: 2000 });
      expect([...profiles.keys()].sort()).toEqual([...keys].sort());
      const names = [...profiles.values()].map((p) => p.name);
      expect(names).toContain('Actuary Ada');
      expect(names.filter((n) => n === 'Actuary Ada')).toHaveLength(2);
      expect(new Set(names).size).toBe(TINY.actuaries);
    });

    it('serves each month\'s latest round status: final with its height for a finished month, commit for the pending one', async () => {
      const keys = await registeredKeys();
      const done = run.result.months[0]!;
      const finals = await statuses(run.devnet.relayUrl!, done.month, keys);
      expect(finals.length).toBeGreaterThanOrEqual(TINY.actuaries);
      const finalTx = await rest.json<{ status: { block_height: number } }>(`/tx/${done.final!.split('i')[0]}`);
      for (const s of finals) expect(s).toMatchObject({ phase: 'final', height: finalTx.status.block_height, trust: 'unconfirmed' });
      const pending = run.result.months.at(-1)!;
      const live = await statuses(run.devnet.relayUrl!, pending.month, keys);
      expect(live.length).toBeGreaterThanOrEqual(TINY.actuaries);
      for (const s of live) expect(s).toMatchObject({ phase: 'commit', extra: { lead: pending.lead } });
    });

    it('replays the recorded presence to an empty relay unchanged', async () => {
      const relay = await startRelay({ port: 0 });
      const dir = mkdtempSync(join(tmpdir(), 'drey-presence-'));
      try {
        writeFileSync(join(dir, INFO_FILE), JSON.stringify({ genesis: run.result.genesis, relays: [] }));
        writePresence(dir, run.result.presence);
        const report = await replayPresence({ relayUrl: relay.url, dataDir: dir });
        expect(report).toEqual({ published: run.result.presence.events.length, skipped: [], failed: [] });
        const keys = await registeredKeys();
        const [before, after] = await Promise.all([run.devnet.relayUrl!, relay.url].map((r) => fetchProfiles([r], keys, { WebSocket, maxWait: 2000 })));
        expect([...after!.values()].map((p) => p.eventId).sort()).toEqual([...before!.values()].map((p) => p.eventId).sort());
        const pending = run.result.months.at(-1)!.month;
        expect((await statuses(relay.url, pending, keys)).map((s) => s.eventId).sort())
          .toEqual((await statuses(run.devnet.relayUrl!, pending, keys)).map((s) => s.eventId).sort());
      } finally {
        await relay.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
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
      expect(got.relays).toEqual([devnet.relayUrl]);
      const tx = await new RestClient(devnet.url).json<{ status: { confirmed: boolean } }>(`/tx/${fixture.genesis.split('i')[0]}`);
      expect(tx.status.confirmed).toBe(true);
      if (existsSync(join(FIXTURE_DIR, 'presence.json'))) {
        const presence = JSON.parse(readFileSync(join(FIXTURE_DIR, 'presence.json'), 'utf8')) as ScenarioResult['presence'];
        const keys = [...new Set(presence.events.filter((e) => e.kind === 0).map((e) => e.pubkey))];
        const profiles = await fetchProfiles([devnet.relayUrl!], keys, { WebSocket, maxWait: 2000 });
        expect(profiles.size).toBe(keys.length);
      }
    } finally {
      await devnet.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
