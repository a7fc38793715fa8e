/**
 * `npm run devnet -- --port P --data DIR [--seed S] [--relay-port R | --no-relay]`: run the devnet (Esplora API and a
 * nostr relay) alone on 127.0.0.1 and print their URLs.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, startDevnet } from './devnet';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '3002' },
      data: { type: 'string', default: '.devnet' },
      seed: { type: 'string', default: DEFAULT_SEED },
      'no-demo': { type: 'boolean', default: false },
      'relay-port': { type: 'string' },
      'no-relay': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const relayPort = values['no-relay'] ? false : values['relay-port'] === undefined ? undefined : Number(values['relay-port']);
  if (typeof relayPort === 'number' && (!Number.isInteger(relayPort) || relayPort < 0 || relayPort > 65535)) throw new Error(`--relay-port must be 0..65535, got ${values['relay-port']}`);
  const devnet = await startDevnet({ port, dataDir: values.data, seed: values.seed, noDemo: values['no-demo'], relayPort });
  process.stdout.write(`devnet esplora: ${devnet.url}\n`);
  if (devnet.relayUrl) process.stdout.write(`devnet nostr relay: ${devnet.relayUrl}\n`);
  process.stdout.write(`devnet tip: ${devnet.chain.height} ${devnet.chain.tip.hash}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    devnet.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`devnet: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
