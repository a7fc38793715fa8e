import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transaction } from '@scure/btc-signer';
import { parseWitness } from 'micro-ordinals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes, utf8 } from '../core/bytes';
import { startDevnet, type Devnet } from './devnet';
import { PERMISSIVE } from './tx';
import { DevWallet, type Inscribed } from './wallet';

const dirs: string[] = [];
const fresh = async (seed: string): Promise<Devnet> => {
  const dir = mkdtempSync(join(tmpdir(), 'devnet-wallet-'));
  dirs.push(dir);
  return startDevnet({ port: 0, dataDir: dir, seed, noDemo: true, fixture: false });
};

let devnet: Devnet;
let marker: DevWallet;
let inscribed: Inscribed;
const body = utf8.encode('{"month":"2026-01","note":"hello"}');

beforeAll(async () => {
  devnet = await fresh('wallet-test');
  marker = new DevWallet({ baseUrl: devnet.url, seed: 'wallet-test:marker' });
  inscribed = await devnet.wallet.inscribe({
    contentType: 'application/json',
    body,
    metaprotocol: 'drey/1',
    extraOutputs: [{ address: marker.address, value: 777n }],
  });
  await devnet.wallet.mine(1);
});

afterAll(async () => {
  await devnet?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const get = async (path: string) => (await fetch(`${devnet.url}${path}`)).text();

describe('when the wallet inscribes through the Esplora API', () => {
  it('confirms the commit and the reveal in the same block, reveal spending commit:0', async () => {
    const commit = JSON.parse(await get(`/tx/${inscribed.commitTxid}`));
    const reveal = JSON.parse(await get(`/tx/${inscribed.revealTxid}`));
    expect(commit.status.confirmed).toBe(true);
    expect(reveal.status).toEqual(commit.status);
    expect(commit.vout[0].scriptpubkey_address).toBe(inscribed.commitAddress);
    expect(commit.vout[0].scriptpubkey_type).toBe('v1_p2tr');
    expect(reveal.vin).toHaveLength(1);
    expect(reveal.vin[0]).toMatchObject({ txid: inscribed.commitTxid, vout: 0 });
    expect(reveal.vout[1]).toMatchObject({ scriptpubkey_address: marker.address, value: 777 });
    expect(JSON.parse(await get(`/tx/${inscribed.commitTxid}/outspend/0`))).toMatchObject({
      spent: true, txid: inscribed.revealTxid, vin: 0,
    });
  });

  it('carries the inscription (content type, metaprotocol, body) in the reveal witness served by /hex', async () => {
    const tx = Transaction.fromRaw(hexToBytes(await get(`/tx/${inscribed.revealTxid}/hex`)), PERMISSIVE);
    const witness = tx.getInput(0).finalScriptWitness!;
    expect(witness).toHaveLength(3);
    const [insc] = parseWitness(witness)!;
    expect(insc!.tags.contentType).toBe('application/json');
    expect(insc!.tags.metaprotocol).toBe('drey/1');
    expect(insc!.body).toEqual(body);
    expect(inscribed.inscriptionId).toBe(`${inscribed.revealTxid}i0`);
  });

  it('pays the marker address, visible in its utxo list', async () => {
    const utxos = JSON.parse(await get(`/address/${marker.address}/utxo`));
    expect(utxos).toEqual([
      expect.objectContaining({ txid: inscribed.revealTxid, vout: 1, value: 777, status: expect.objectContaining({ confirmed: true }) }),
    ]);
  });
});

describe('when two devnets start from the same seed', () => {
  it('produce the same blocks and the same inscription txids', async () => {
    const other = await fresh('wallet-test');
    try {
      const again = await other.wallet.inscribe({
        contentType: 'application/json',
        body,
        metaprotocol: 'drey/1',
        extraOutputs: [{ address: marker.address, value: 777n }],
      });
      await other.wallet.mine(1);
      expect(again).toEqual(inscribed);
      expect(other.chain.tip.hash).toBe(devnet.chain.tip.hash);
    } finally {
      await other.close();
    }
  });
});
