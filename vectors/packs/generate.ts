/**
 * npx tsx vectors/packs/generate.ts: month 6's quick pack of the ready-made chain (fixtures/devnet), built by
 * `drey-verify pack` against the devnet serving that chain. See README.md.
 */
import { writeFileSync } from 'node:fs';
import { READY_MADE, serveChain } from '../../scripts/golden/collect';
import { runCli } from '../../src/cli/memory-io.test-util';

const OUT = 'vectors/packs/ready-made-month-6.quick.json';


const server = await serveChain(READY_MADE);
try {
  const r = await runCli(['pack', '6', '--depth', 'quick', '--esplora', server.url, '--genesis', server.genesis, '--network', 'regtest', '--rps', '1000'], { fetch: globalThis.fetch.bind(globalThis) });
  if (r.code !== 0) throw new Error(`drey-verify pack failed (${r.code}): ${r.stderr}`);
  writeFileSync(OUT, r.stdout);
  console.log(`wrote ${OUT} (${r.stdout.length} bytes)`);
} finally {
  await server.close();
}
