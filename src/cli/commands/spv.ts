/**
 * drey-verify spv: a transaction's inclusion in a block with valid proof of work, either live from Esplora hosts
 * (cross-checking the block hash at the height across them) or offline from a header, a raw tx and a merkle proof.
 */
import type { parseArgs } from 'node:util';
import { isVerifyError, VerifyError } from '../../core/errors';
import { networkFromName, NETWORK_NAMES, type NetworkParams } from '../../core/chain/network';
import { verifySpv } from '../../core/chain/spv';
import { createEsploraClient } from '../../core/esplora/client';
import { crossCheckBlockHash } from '../../core/esplora/cross-check';
import { commandArgs, hostsOption, integerOption, networkOption, usage } from '../args';
import { EXIT, UsageError, printJson, valueOrFile, type CliIO } from '../io';

const HELP = `usage:
  drey-verify spv --esplora URL[,URL…] --txid TXID [--network NET] [--rps N] [--retries N] [--json]
  drey-verify spv --header HEX --tx HEX --proof JSON [--txid TXID] [--block-hash HASH] [--network NET] [--json]

Live: fetches the raw transaction (re-hashed to TXID), its merkle proof, the block hash at the proof's height from
every host (they must agree), and that block's header (re-hashed); then checks proof of work and inclusion.
Offline: each of --header, --tx, --proof takes the value itself or a path to a file holding it.
--rps: requests per second per host (default 4); --retries: retries per host on 429/5xx/network errors (default 3).
NET: ${NETWORK_NAMES.join(', ')} (default mainnet). Output is JSON: {ok, evidence} or {ok:false, code, message, evidence}.
Exit 0 verified, 1 rejected, 2 usage or I/O error (including hosts that cannot be reached).
`;

/** Failures to obtain an answer (as opposed to an answer that fails a check): exit 2, not 1. */
const IO_CODES = new Set([
  'FETCH_NETWORK', 'FETCH_TIMEOUT', 'FETCH_RATE_LIMITED', 'FETCH_HTTP_STATUS', 'FETCH_NOT_FOUND', 'FETCH_BAD_BODY',
  'FETCH_ALL_HOSTS_FAILED', 'FETCH_CROSS_CHECK_UNAVAILABLE', 'FETCH_ABORTED',
]);

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
    return IO_CODES.has(e.code) ? EXIT.USAGE : EXIT.REJECTED;
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
  const rps = integerOption('rps', values.rps, 1);
  const retries = integerOption('retries', values.retries, 0);
  let client;
  try {
    client = createEsploraClient({ hosts, fetch: io.fetch, network, ...(rps ? { requestsPerSecond: rps } : {}), ...(retries !== undefined ? { retries } : {}) });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`--esplora: ${e.message}`);
    throw e;
  }
  const txid = values.txid.toLowerCase();
  const tx = await client.fetchTx(txid);
  const proof = await client.fetchMerkleProof(txid);
  const cross = await crossCheckBlockHash(client, proof.block_height);
  const header = await client.fetchHeader(cross.hash);
  const tip = await client.fetchTipHeight();
  const r = verifySpv({ headerHex: header.bytes, txHex: tx.bytes, proof, network, txid, blockHash: cross.hash });
  return {
    ...r.evidence,
    mode: 'live',
    confirmations: tip - proof.block_height + 1,
    heightSource: hosts.length > 1 ? `block hash at the height agreed by ${cross.agreeing.length} of ${hosts.length} hosts` : 'one host (no cross-check possible)',
    crossCheck: cross,
  };
}
