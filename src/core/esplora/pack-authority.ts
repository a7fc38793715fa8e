/**
 * Which of a pack's answers are exactly what an honest host would give (docs/protocol.md §2.4.2), judged from the
 * pack alone. A txid does not cover a witness: a changed or missing witness could hide a message from a check that
 * reads it. So a transaction is served only when a block of the pack proves its whole serialization: the block's
 * header hashes to the block's hash, its txid list to the header's Merkle root, the list's first entry is the
 * coinbase, and the transaction's wtxid is in the block's witness tree that the coinbase commits to (BIP141) — or,
 * in a block whose coinbase commits to no witness tree, the transaction has no witness. A Merkle branch is served only
 * when it leads to a proven block's header and names the height that block's coinbase commits to (BIP34). Headers
 * and txid lists the client checks on every read.
 */
import { concatBytes, equalBytes, hexToBytes, reverse, sha256d } from '../bytes';
import { heightFromCoinbase } from '../chain/bip34';
import { parseHeader, type Header } from '../chain/header';
import { merkleRootFromTxids, parseMerkleProof, rootFromMerkleProof } from '../chain/merkle';
import { parseTx, type ParsedTx } from '../chain/tx';

/** BIP141's witness commitment output: OP_RETURN, a 36-byte push, the header aa21a9ed. */
const COMMITMENT_PREFIX = Uint8Array.of(0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed);
const ZERO_HASH = '00'.repeat(32);

interface ProvenBlock {
  header: Header;
  txids: ReadonlySet<string>;
  coinbase: ParsedTx;
  height: number;
  /** The wtxids the coinbase commits to (its own left out), or undefined when it commits to none (no witness in the block). */
  wtxids?: ReadonlySet<string>;
}

export interface PackAuthority {
  /** Whether the pack's `tx:` entry is the transaction as mined (see above). */
  txServable(txid: string, value: unknown): boolean;
  /** Whether the pack's `merkle:` entry leads to a proven block at the height it names. */
  branchServable(txid: string, proof: unknown): boolean;
  /** Whether the pack's entry under `key` may be served: transactions and branches as above, anything else as it is. */
  serves(key: string, value: unknown): boolean;
}

/** An entry's bytes as kept: hex text in a pack, bytes in a builder's cache. */
function raw(v: unknown): Uint8Array | string {
  if (typeof v === 'string' || v instanceof Uint8Array) return v;
  throw new TypeError('not bytes');
}

/** Nothing a check of a pack's entries throws is a finding: an entry that fails is simply not served. */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export function packAuthority(entries: ReadonlyMap<string, unknown>): PackAuthority {
  const proven = new Map<string, ProvenBlock | null>();
  const index = lazyIndexes(entries);

  function block(hash: string): ProvenBlock | undefined {
    let b = proven.get(hash);
    if (b === undefined) {
      b = attempt(() => proveBlock(hash, entries)) ?? null;
      proven.set(hash, b);
    }
    return b ?? undefined;
  }

  /** Whether proven block `b` holds `tx` exactly as given. */
  function holds(b: ProvenBlock, tx: ParsedTx): boolean {
    if (!b.txids.has(tx.txid)) return false;
    if (!b.wtxids) return !tx.hasWitness;
    // The coinbase's witness is the reserved value the commitment was checked with.
    if (tx.txid === b.coinbase.txid) return tx.wtxid === b.coinbase.wtxid;
    return b.wtxids.has(tx.wtxid);
  }

  const authority: PackAuthority = {
    txServable(txid, value) {
      const tx = attempt(() => parseTx(raw(value)));
      if (!tx || tx.txid !== txid) return false;
      return index.blocksListing(txid).some((hash) => {
        const b = block(hash);
        return b !== undefined && holds(b, tx);
      });
    },
    branchServable(txid, value) {
      const proof = attempt(() => parseMerkleProof(value));
      if (!proof) return false;
      const root = attempt(() => rootFromMerkleProof(txid, proof.merkle, proof.pos));
      return root !== undefined && index.blocksWithRoot(root).some((hash) => block(hash)?.height === proof.block_height);
    },
    serves(key, value) {
      const id = key.slice(key.indexOf(':') + 1);
      if (key.startsWith('tx:')) return authority.txServable(id, value);
      if (key.startsWith('merkle:')) return authority.branchServable(id, value);
      return true;
    },
  };
  return authority;
}

/** Blocks by the txids their lists name, and by their headers' Merkle roots, each built on first use. */
function lazyIndexes(entries: ReadonlyMap<string, unknown>) {
  let byTxid: Map<string, string[]> | undefined;
  let byRoot: Map<string, string[]> | undefined;
  const add = (m: Map<string, string[]>, k: string, hash: string) => m.set(k, [...(m.get(k) ?? []), hash]);
  return {
    blocksListing(txid: string): string[] {
      if (!byTxid) {
        byTxid = new Map();
        for (const [key, list] of entries) {
          if (key.startsWith('txids:') && Array.isArray(list)) for (const t of list) if (typeof t === 'string') add(byTxid, t, key.slice(6));
        }
      }
      return byTxid.get(txid) ?? [];
    },
    blocksWithRoot(root: string): string[] {
      if (!byRoot) {
        byRoot = new Map();
        for (const [key, value] of entries) {
          if (!key.startsWith('header:')) continue;
          const h = attempt(() => parseHeader(raw(value)));
          if (h) add(byRoot, h.merkleRoot, key.slice(7));
        }
      }
      return byRoot.get(root) ?? [];
    },
  };
}

/** The block `hash` proven from the pack's header, txid list, coinbase and (when it commits to one) wtxid list. */
function proveBlock(hash: string, entries: ReadonlyMap<string, unknown>): ProvenBlock | undefined {
  const header = parseHeader(raw(entries.get(`header:${hash}`)));
  if (header.hash !== hash) return undefined;
  const txids = entries.get(`txids:${hash}`) as string[];
  if (merkleRootFromTxids(txids) !== header.merkleRoot) return undefined;
  const coinbase = parseTx(raw(entries.get(`tx:${txids[0]}`)));
  if (coinbase.txid !== txids[0]) return undefined;
  const height = heightFromCoinbase(coinbase);
  const base = { header, txids: new Set(txids), coinbase, height };
  const commitment = [...coinbase.outputs].reverse().find((o) => o.script.length >= 38 && equalBytes(o.script.subarray(0, 6), COMMITMENT_PREFIX));
  if (!commitment) return base;
  const wtxids = entries.get(`wtxids:${hash}`) as string[] | undefined;
  const reserved = coinbase.inputs[0]?.witness;
  if (!wtxids || wtxids.length !== txids.length || wtxids[0] !== ZERO_HASH || reserved?.length !== 1 || reserved[0]!.length !== 32) return undefined;
  const root = reverse(hexToBytes(merkleRootFromTxids(wtxids)));
  if (!equalBytes(sha256d(concatBytes(root, reserved[0]!)), commitment.script.subarray(6, 38))) return undefined;
  return { ...base, wtxids: new Set(wtxids.slice(1)) };
}
