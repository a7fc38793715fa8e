/** Generating a scenario chain on a fresh devnet with an ephemeral relay for the actuaries (npm run scenario). */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevnet } from '../devnet';
import { startRelay } from '../nostr';
import { INFO_FILE } from './fixture';
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

