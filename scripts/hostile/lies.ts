/**
 * How a lying Esplora host changes its answers: each lie rewrites the honest upstream answer of the endpoints it
 * concerns (a flipped witness under the same txid, a header that no longer hashes to its block, a wrong Merkle
 * position, a listing missing entries, a block hash no chain has, a spend that never happened, …).
 */
import { bytesToHex, hexToBytes } from '../../src/core/bytes';
import { parseTx } from '../../src/core/chain/tx';
import { fakeHash, draw } from './chance';

export const LIE_NAMES = [
  'flip-witness', 'flip-header', 'flip-merkle-pos', 'flip-merkle-branch', 'drop-listing', 'add-listing', 'wrong-block-hash',
  'tip-high', 'flip-tx', 'swap-txids', 'outspend-spent', 'outspend-unspent',
] as const;
export type LieName = (typeof LIE_NAMES)[number];

export interface LieContext {
  seed: string;
  /** Share of eligible items the lie touches (listings), in [0, 1]. */
  rate: number;
}

type Rewrite = (body: Buffer, path: string, ctx: LieContext) => Buffer | undefined;

const HASH = '[0-9a-f]{64}';
const LISTING = new RegExp(`^/(address|scripthash)/[^/]+/txs(/chain(/${HASH})?)?$`);
const TX_JSON = new RegExp(`^/tx/${HASH}$`);
const TX_RAW = new RegExp(`^/tx/${HASH}/raw$`);
const TX_HEX = new RegExp(`^/tx/${HASH}/hex$`);

const json = (body: Buffer): unknown => JSON.parse(body.toString('utf8'));
const out = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

/** The raw transaction with one byte flipped in the middle of its largest witness item (the tapscript of a reveal). */
function flipWitnessRaw(raw: Uint8Array): Uint8Array | undefined {
  const tx = parseTx(raw);
  const item = tx.inputs.flatMap((i) => i.witness).reduce<Uint8Array | undefined>((a, w) => (!a || w.length > a.length ? w : a), undefined);
  if (!item || item.length === 0) return undefined;
  const at = Buffer.from(raw).lastIndexOf(Buffer.from(item));
  if (at < 0) return undefined;
  const copy = Uint8Array.from(raw);
  copy[at + (item.length >> 1)]! ^= 0x01;
  return copy;
}

/** The same lie on a Tx JSON object: one bit of the largest witness item's middle byte. */
function flipWitnessJson(t: { vin?: { witness?: string[] }[] }): boolean {
  let best: { w: string[]; i: number } | undefined;
  for (const input of t.vin ?? []) {
    (input.witness ?? []).forEach((item, i) => {
      if (!best || item.length > best.w[best.i]!.length) best = { w: input.witness!, i };
    });
  }
  if (!best || best.w[best.i]!.length < 2) return false;
  const bytes = hexToBytes(best.w[best.i]!);
  bytes[bytes.length >> 1]! ^= 0x01;
  best.w[best.i] = bytesToHex(bytes);
  return true;
}

const REWRITES: Record<LieName, Rewrite> = {
  'flip-witness': (body, path) => {
    if (TX_RAW.test(path)) {
      const flipped = flipWitnessRaw(body);
      return flipped && Buffer.from(flipped);
    }
    if (TX_HEX.test(path)) {
      const flipped = flipWitnessRaw(hexToBytes(body.toString('utf8').trim()));
      return flipped && Buffer.from(bytesToHex(flipped));
    }
    if (TX_JSON.test(path)) {
      const t = json(body) as Parameters<typeof flipWitnessJson>[0];
      return flipWitnessJson(t) ? out(t) : undefined;
    }
    if (LISTING.test(path)) {
      const list = json(body) as Parameters<typeof flipWitnessJson>[0][];
      return list.map(flipWitnessJson).some(Boolean) ? out(list) : undefined;
    }
    return undefined;
  },
  'flip-header': (body, path) => {
    if (new RegExp(`^/block/${HASH}/header$`).test(path)) {
      const h = hexToBytes(body.toString('utf8').trim());
      h[79]! ^= 0x01;
      return Buffer.from(bytesToHex(h));
    }
    if (new RegExp(`^/block/${HASH}/raw$`).test(path)) {
      const copy = Buffer.from(body);
      copy[79]! ^= 0x01;
      return copy;
    }
    return undefined;
  },
  'flip-merkle-pos': (body, path) => {
    if (!new RegExp(`^/tx/${HASH}/merkle-proof$`).test(path)) return undefined;
    const p = json(body) as { merkle: string[]; pos: number };
    if (p.merkle.length === 0) return undefined;
    return out({ ...p, pos: p.pos ^ 1 });
  },
  'flip-merkle-branch': (body, path) => {
    if (!new RegExp(`^/tx/${HASH}/merkle-proof$`).test(path)) return undefined;
    const p = json(body) as { merkle: string[]; pos: number };
    if (p.merkle.length === 0) return undefined;
    const first = hexToBytes(p.merkle[0]!);
    first[0]! ^= 0x01;
    return out({ ...p, merkle: [bytesToHex(first), ...p.merkle.slice(1)] });
  },
  'drop-listing': (body, path, ctx) => {
    if (!LISTING.test(path)) return undefined;
    const list = json(body) as { txid: string }[];
    const kept = list.filter((t) => draw(ctx.seed, `drop/${t.txid}`) >= ctx.rate);
    return kept.length === list.length ? undefined : out(kept);
  },
  'add-listing': (body, path, ctx) => {
    // Every page (a listing paged back from a known transaction starts at a `/txs/chain/:txid` page too).
    if (!LISTING.test(path)) return undefined;
    const list = json(body) as { status: unknown }[];
    const status = list.find((t) => (t.status as { confirmed?: boolean }).confirmed)?.status ?? { confirmed: false };
    const fake = { txid: fakeHash(ctx.seed, `listed${path}`), version: 2, locktime: 0, vin: [], vout: [], size: 100, weight: 400, fee: 0, status };
    return out([fake, ...list]);
  },
  'wrong-block-hash': (body, path, ctx) => (/^\/block-height\/\d+$/.test(path) ? Buffer.from(fakeHash(ctx.seed, path)) : undefined),
  'tip-high': (body, path, ctx) => {
    if (path === '/blocks/tip/height') return Buffer.from(String(Number(body.toString('utf8').trim()) + 1000));
    if (path === '/blocks/tip/hash') return Buffer.from(fakeHash(ctx.seed, path));
    return undefined;
  },
  'flip-tx': (body, path) => {
    if (!TX_RAW.test(path)) return undefined;
    const copy = Buffer.from(body);
    copy[0]! ^= 0x01;
    return copy;
  },
  'swap-txids': (body, path) => {
    if (!new RegExp(`^/block/${HASH}/txids$`).test(path)) return undefined;
    const list = json(body) as string[];
    if (list.length < 2) return undefined;
    return out([list[1], list[0], ...list.slice(2)]);
  },
  'outspend-spent': (_body, path, ctx) => {
    if (!new RegExp(`^/tx/${HASH}/outspend/\\d+$`).test(path)) return undefined;
    return out({ spent: true, txid: fakeHash(ctx.seed, `spender${path}`), vin: 0, status: { confirmed: true, block_height: 1, block_hash: fakeHash(ctx.seed, 'block'), block_time: 1 } });
  },
  'outspend-unspent': (_body, path) => (new RegExp(`^/tx/${HASH}/outspend/\\d+$`).test(path) ? out({ spent: false }) : undefined),
};

/** The lying answer for `path`, or undefined when this lie leaves the endpoint alone. */
export function lieAbout(name: LieName, body: Buffer, path: string, ctx: LieContext): Buffer | undefined {
  try {
    return REWRITES[name](body, path, ctx);
  } catch {
    // An upstream answer this lie cannot read (an error text, say) goes through unchanged.
    return undefined;
  }
}
