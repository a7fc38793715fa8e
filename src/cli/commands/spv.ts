/**
 * drey-verify spv: a transaction's inclusion in a block with valid proof of work, either live from Esplora hosts
 * (the block at the height settled across them: a host naming a block it cannot show, or serving a branch that does
 * not lead to it, is caught lying and the others answer) or offline from a header, a raw tx and a merkle proof.
 */
import type { parseArgs } from 'node:util';
import { isVerifyError, VerifyError } from '../../core/errors';
import { networkFromName, NETWORK_NAMES, type NetworkParams } from '../../core/chain/network';
import { verifyMerkleProof } from '../../core/chain/merkle';
import { verifySpv } from '../../core/chain/spv';
import { settleBlockAtHeight, type SettledBlock } from '../../core/esplora/block-at-height';
import { createEsploraClient } from '../../core/esplora/client';
import { commandArgs, hostsOption, integerOption, networkOption, usage } from '../args';
import { EXIT, UsageError, printJson, valueOrFile, type CliIO } from '../io';

const HELP = `usage:
  drey-verify spv --esplora URL[,URL…] --txid TXID [--network NET] [--rps N] [--retries N] [--json]
  drey-verify spv --header HEX --tx HEX --proof JSON [--txid TXID] [--block-hash HASH] [--network NET] [--json]

Live: fetches the raw transaction (re-hashed to TXID), its merkle proof, the block hash at the proof's height from
every host (they must agree), and that block's header (re-hashed); then checks proof of work and inclusion.
Offline: each of --header, --tx, --proof takes the value itself or a path to a file holding it.
--rps: requests per second per host, 1–1000 (default 4); --retries: most retries per host and request (default: as
many as a minute allows, slowing down on 429/503). Live, every configured host must name the block (else
FETCH_CROSS_CHECK_UNAVAILABLE); hosts caught lying are listed in the evidence (liars).
NET: ${NETWORK_NAMES.join(', ')} (default mainnet). Output is JSON: {ok, evidence} or {ok:false, code, message, evidence}.
Exit 0 verified, 1 rejected (offline data that fails a check), 2 usage, 3 unavailable (live: the hosts could not give
or agree on the data, or lied).
`;

const TXID_RE = /^[0-9a-fA-F]{64}$/;

const OPTIONS = {
  esplora: { type: 'string' },
  txid: { type: 'string' },
  network: { type: 'string' },
  header: { type: 'string' },
  tx: { type: 'string' },
  proof: { type: 'string' },
  'block-hash': { type: 'string' },
  rps: { type: 'string' },
  retries: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(io, args, OPTIONS, HELP);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) throw usage(`unexpected argument "${positionals[0]}"`, HELP);
  const network = networkFromName(networkOption(values.network, HELP));
  for (const key of ['txid', 'block-hash'] as const) {
    const v = values[key];
    if (v !== undefined && !TXID_RE.test(v)) throw new UsageError(`--${key} must be 64 hex characters`);
  }
  const offline = values.header !== undefined || values.tx !== undefined || values.proof !== undefined;
  if (offline && values.esplora !== undefined) throw usage('use either --esplora or --header/--tx/--proof', HELP);
  try {
    const evidence = offline ? await verifyOffline(values, network, io) : await verifyLive(values, network, io);
    printJson(io, { ok: true, evidence });
    return EXIT.VERIFIED;
  } catch (e) {
    if (!isVerifyError(e)) throw e;
    printJson(io, { ok: false, ...e.toJSON() });
    // Offline, the data given fails a check; live, what fails is the hosts' data: no accusation.
    return offline ? EXIT.REJECTED : EXIT.UNAVAILABLE;
  }
}

async function verifyOffline(values: Values, network: NetworkParams, io: CliIO) {
  if (values.header === undefined || values.tx === undefined || values.proof === undefined) {
    throw usage('offline mode needs --header, --tx and --proof', HELP);
  }
  const [headerHex, txHex, proofText] = await Promise.all([valueOrFile(io, values.header), valueOrFile(io, values.tx), valueOrFile(io, values.proof)]);
  let proof: unknown;
  try {
    proof = JSON.parse(proofText);
  } catch {
    throw new VerifyError('CHAIN_MERKLE_PROOF_MALFORMED', '--proof is not JSON', { proof: proofText.slice(0, 80) });
  }
  const r = verifySpv({
    headerHex: headerHex.replace(/\s+/g, ''), txHex: txHex.replace(/\s+/g, ''), proof, network,
    ...(values.txid ? { txid: values.txid } : {}), ...(values['block-hash'] ? { blockHash: values['block-hash'] } : {}),
  });
  return { ...r.evidence, mode: 'offline', heightSource: 'merkle proof (not authenticated offline)' };
}

async function verifyLive(values: Values, network: NetworkParams, io: CliIO) {
  if (values.esplora === undefined || values.txid === undefined) throw usage('live mode needs --esplora and --txid', HELP);
  const hosts = hostsOption(values.esplora);
  const rps = integerOption('rps', values.rps, 1, 1000);
  const retries = integerOption('retries', values.retries, 0, 100);
  let client;
  try {
    client = createEsploraClient({ hosts, fetch: io.fetch, network, ...(rps ? { requestsPerSecond: rps } : {}), ...(retries !== undefined ? { retries } : {}) });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--esplora: ${e.message}`);
    throw e;
  }
  const txid = values.txid.toLowerCase();
  const settled = new Map<number, Promise<SettledBlock>>();
  const blockAt = (h: number) => settled.get(h) ?? settled.set(h, settleBlockAtHeight(client, h)).get(h)!;
  const tx = await client.fetchTx(txid);
  const proof = await client.fetchMerkleProof(txid, { check: async (p) => void verifyMerkleProof(txid, p, (await blockAt(p.block_height)).header) });
  const block = await blockAt(proof.block_height);
  const unreachable = Object.entries(block.hosts).filter(([h, v]) => v.startsWith('error:') && client.liveHosts().includes(h));
  if (unreachable.length > 0) {
    throw new VerifyError('FETCH_CROSS_CHECK_UNAVAILABLE', `${unreachable.length} of ${hosts.length} hosts could not name the block at height ${proof.block_height}`, { height: proof.block_height, hosts: block.hosts });
  }
  const tip = await client.fetchTipHeight();
  const r = verifySpv({ headerHex: block.header.bytes, txHex: tx.bytes, proof, network, txid, blockHash: block.hash });
  const agreeing = Object.values(block.hosts).filter((v) => v === block.hash).length;
  const liars = client.hostsReport().liars;
  return {
    ...r.evidence,
    mode: 'live',
    confirmations: tip - proof.block_height + 1,
    heightSource: hosts.length > 1 ? `block hash at the height agreed by ${agreeing} of ${hosts.length} hosts` : 'one host (no cross-check possible)',
    crossCheck: { height: block.height, hash: block.hash, hosts: block.hosts },
    ...(liars.length ? { liars } : {}),
  };
}
