/**
 * npm run hostile -- --upstream URL --preset NAME[,NAME…] [--seed S] [--port P]: a hostile Esplora host in front of
 * an honest one (e.g. the devnet of `npm start`), to try the verifier against by hand. Prints its URL; Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { PRESETS } from './faults';
import { startHostileProxy } from './proxy';

const { values } = parseArgs({ options: { upstream: { type: 'string' }, preset: { type: 'string' }, seed: { type: 'string' }, port: { type: 'string' } } });
if (!values.upstream || !values.preset) {
  console.error(`usage: npm run hostile -- --upstream http://127.0.0.1:3002/api --preset NAME[,NAME…] [--seed S] [--port P]\npresets: ${Object.keys(PRESETS).join(', ')}`);
  process.exit(2);
}
if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
  console.error('--port must be an integer 0…65535');
  process.exit(2);
}
const proxy = await startHostileProxy({
  upstream: values.upstream, faults: values.preset.split(','), ...(values.seed ? { seed: values.seed } : {}),
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(`hostile Esplora (${values.preset}) at ${proxy.url}`);
const stop = async () => {
  await proxy.close();
  console.log(JSON.stringify(proxy.stats));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
