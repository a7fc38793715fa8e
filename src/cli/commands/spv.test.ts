import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from '../memory-io.test-util';
import { REAL_PROOFS } from '../../../vectors/spv/real-proofs';
import type { SpvCase } from '../../../vectors/spv/cases';
import { answerFromVectors } from '../../../vectors/spv/esplora-fixture';

const caseFiles = import.meta.glob<SpvCase>('../../../vectors/spv/cases/*.json', { eager: true, import: 'default' });

interface Run { code: number; out: { ok: boolean; code?: string; evidence: Record<string, unknown> } | undefined; stderr: string }

async function cli(argv: string[], files: Record<string, string> = {}): Promise<Run> {
  const r = await runCli(['spv', ...argv], { files, fetch: globalThis.fetch.bind(globalThis) });
  return { code: r.code, out: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
}

const offlineArgs = (c: { header: string; tx: string; proof: unknown; network: string; txid?: string }) =>
  ['--header', c.header, '--tx', c.tx, '--proof', JSON.stringify(c.proof), '--network', c.network, ...(c.txid ? ['--txid', c.txid] : [])];

describe('drey-verify spv offline', () => {
  for (const p of REAL_PROOFS) {
    it(`${p.name}: verified from values, exit 0 with the evidence`, async () => {
      const r = await cli(offlineArgs({ header: p.headerHex, tx: p.txHex, proof: p.proof, network: p.network, txid: p.txid }));
      expect(r.code).toBe(0);
      expect(r.out).toMatchObject({ ok: true, evidence: { txid: p.txid, blockHash: p.blockHash, position: p.proof.pos, height: p.proof.block_height, mode: 'offline' } });
    });
  }

  it('reads each option from a file when given a path', async () => {
    const p = REAL_PROOFS[0]!;
    const r = await cli(['--header', 'h.hex', '--tx', 't.hex', '--proof', 'proof.json', '--network', 'mainnet'],
      { 'h.hex': p.headerHex + '\n', 't.hex': p.txHex, 'proof.json': JSON.stringify(p.proof, null, 2) });
    expect(r.code).toBe(0);
  });

  it('every committed mutation case gives the marked verdict (exit 1 with its code, or exit 0)', async () => {
    const cases = Object.values(caseFiles);
    expect(cases.length).toBeGreaterThan(300);
    for (const c of cases) {
      const r = await cli(offlineArgs(c));
      if (c.mustFail) {
        expect({ name: c.name, code: r.code }).toEqual({ name: c.name, code: 1 });
        expect(c.expectCodes).toContain(r.out!.code);
      } else {
        expect({ name: c.name, code: r.code }).toEqual({ name: c.name, code: 0 });
      }
    }
  });

  it('a proof that is not JSON is rejected (exit 1), a missing option is a usage error (exit 2)', async () => {
    const p = REAL_PROOFS[0]!;
    expect((await cli(['--header', p.headerHex, '--tx', p.txHex, '--proof', '{"pos":'])).out).toMatchObject({ ok: false, code: 'CHAIN_MERKLE_PROOF_MALFORMED' });
    expect((await cli(['--header', p.headerHex, '--tx', p.txHex])).code).toBe(2);
    expect((await cli(['--header', p.headerHex, '--esplora', 'http://127.0.0.1:1'])).code).toBe(2);
    expect((await cli(['--esplora', 'http://127.0.0.1:1', '--txid', 'xyz'])).code).toBe(2);
    expect((await cli(['--network', 'dogecoin'])).code).toBe(2);
    expect((await cli(['--bogus'])).code).toBe(2);
    expect((await cli(['--esplora', 'http://127.0.0.1:1', '--txid', 'ab'.repeat(32), '--rps', '0'])).code).toBe(2);
  });
});

/** A tiny Esplora on 127.0.0.1 answering from the vectors; `namesAtHeights` is the hash it answers for /block-height. */
function startServer(network: 'mainnet' | 'testnet', namesAtHeights?: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/api/, '');
    const a = namesAtHeights && path.startsWith('/block-height/') ? { status: 200, body: namesAtHeights, contentType: 'text/plain' } : answerFromVectors(network, path);
    res.writeHead(a.status, { 'content-type': a.contentType, 'access-control-allow-origin': '*' });
    res.end(a.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
const base = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/api`;

describe('drey-verify spv live, over real HTTP on 127.0.0.1', () => {
  let honest1: Server, honest2: Server, liar: Server, fork: Server, testnet: Server, closedUrl: string;
  const otherBlock = REAL_PROOFS.find((p) => p.network === 'mainnet' && p.blockHash !== REAL_PROOFS[1]!.blockHash)!.blockHash;
  beforeAll(async () => {
    [honest1, honest2, liar, fork, testnet] = await Promise.all([startServer('mainnet'), startServer('mainnet'), startServer('mainnet', 'f'.repeat(64)), startServer('mainnet', otherBlock), startServer('testnet')]);
    const closed = await startServer('mainnet');
    closedUrl = base(closed);
    await new Promise((r) => closed.close(r));
  });
  afterAll(() => Promise.all([honest1, honest2, liar, fork, testnet].map((s) => new Promise((r) => s.close(r)))));

  it('verifies every real mainnet proof with two agreeing hosts', async () => {
    for (const p of REAL_PROOFS.filter((q) => q.network === 'mainnet')) {
      const r = await cli(['--esplora', `${base(honest1)},${base(honest2)}`, '--txid', p.txid, '--network', 'mainnet', '--json', '--rps', '1000']);
      expect(r.code).toBe(0);
      expect(r.out!.evidence).toMatchObject({ txid: p.txid, blockHash: p.blockHash, position: p.proof.pos, mode: 'live', confirmations: 800000 - p.proof.block_height + 1 });
    }
  });

  it('verifies the testnet3 inscription reveal', async () => {
    const p = REAL_PROOFS.find((q) => q.name === 'testnet3-2582756-pos10')!;
    const r = await cli(['--esplora', base(testnet), '--txid', p.txid, '--network', 'testnet']);
    expect(r.out).toMatchObject({ ok: true, evidence: { position: 10, heightSource: 'one host (no cross-check possible)' } });
  });

  it('a host naming a block it cannot show is caught lying; the honest host\'s block stands (exit 0, liar named)', async () => {
    const r = await cli(['--esplora', `${base(liar)},${base(honest1)}`, '--txid', REAL_PROOFS[1]!.txid, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toMatchObject({ ok: true, evidence: { blockHash: REAL_PROOFS[1]!.blockHash, liars: [{ host: base(liar), code: 'CHAIN_UNPROVEN_BLOCK' }] } });
  });

  it('two hosts each showing a block with valid proof of work at the height: unavailable (exit 3, FETCH_HOSTS_DISAGREE)', async () => {
    const r = await cli(['--esplora', `${base(honest1)},${base(fork)}`, '--txid', REAL_PROOFS[1]!.txid]);
    expect(r.code).toBe(3);
    expect(r.out).toMatchObject({ ok: false, code: 'FETCH_HOSTS_DISAGREE' });
  });

  it('a host that cannot be reached: not a disagreement, but unavailable (exit 3, FETCH_CROSS_CHECK_UNAVAILABLE)', async () => {
    const r = await cli(['--esplora', `${base(honest1)},${closedUrl}`, '--txid', REAL_PROOFS[1]!.txid, '--retries', '0']);
    expect(r.code).toBe(3);
    expect(r.out).toMatchObject({ ok: false, code: 'FETCH_CROSS_CHECK_UNAVAILABLE' });
  });

  it('a txid the host does not know: FETCH_NOT_FOUND (exit 3, unavailable)', async () => {
    const r = await cli(['--esplora', base(honest1), '--txid', 'ab'.repeat(32)]);
    expect(r.code).toBe(3);
    expect(r.out).toMatchObject({ ok: false, code: 'FETCH_NOT_FOUND' });
  });
});
