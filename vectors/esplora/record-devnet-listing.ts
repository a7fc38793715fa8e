/**
 * Records `devnet-marker-listing.json`: the first `/address/:marker/txs/chain` page of month 1's marker address as the
 * devnet (electrs-exact JSON) serves the committed scenario, with every listed transaction's `/tx/:txid/raw` bytes.
 * Listed transactions larger than MAX_JSON characters are left out to keep the file small.
 * Run: `npx tsx vectors/esplora/record-devnet-listing.ts`
 */
import { writeFileSync } from 'node:fs';
import { bytesToHex } from '../../src/core/bytes';
import { parseInscriptionId } from '../../src/core/protocol/ids';
import { markerAddress } from '../../src/core/protocol/marker';
import { spawnScenarioDevnet } from '../../scripts/devnet-process';

const MAX_JSON = 20_000;
const MONTH = 1;

const { devnet, genesis, close } = await spawnScenarioDevnet();
try {
  const address = markerAddress('regtest', parseInscriptionId(genesis), MONTH);
  const path = `/address/${address}/txs/chain`;
  const page = (await (await fetch(`${devnet.url}${path}`)).json()) as { txid: string }[];
  const kept = page.filter((t) => JSON.stringify(t).length <= MAX_JSON);
  const raw: Record<string, string> = {};
  for (const t of kept) raw[t.txid] = bytesToHex(new Uint8Array(await (await fetch(`${devnet.url}/tx/${t.txid}/raw`)).arrayBuffer()));
  const out = {
    source: `devnet (src/devnet, committed scenario fixtures/devnet, genesis ${genesis}): GET ${path} and GET /tx/:txid/raw; items over ${MAX_JSON} JSON characters left out (${page.length - kept.length} of ${page.length})`,
    recordedWith: 'npx tsx vectors/esplora/record-devnet-listing.ts',
    network: 'regtest',
    address,
    listing: kept,
    raw,
  };
  writeFileSync(new URL('./devnet-marker-listing.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`${kept.length} of ${page.length} listed transactions recorded`);
} finally {
  await close();
}
