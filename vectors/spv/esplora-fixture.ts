/** An Esplora answering from the real vectors (headers, raw txs, merkle proofs, block hashes), for tests and benchmarks. */
import { hexToBytes } from '@noble/hashes/utils.js';
import mainnetBlock from '../esplora/esplora-mainnet-block-696394.json';
import testnetBlock from '../esplora/esplora-testnet3-block-2582756.json';
import { REAL_PROOFS } from './real-proofs';

export interface FixtureAnswer {
  status: number;
  body: string | Uint8Array;
  contentType: string;
}

const TIP = { mainnet: 800_000, testnet: 2_600_000 } as const;
const BLOCK_JSON: Record<string, unknown> = { [mainnetBlock.blockJson.id]: mainnetBlock.blockJson, [testnetBlock.blockJson.id]: testnetBlock.blockJson };

const text = (body: string, status = 200): FixtureAnswer => ({ status, body, contentType: 'text/plain' });
const json = (value: unknown): FixtureAnswer => ({ status: 200, body: JSON.stringify(value), contentType: 'application/json' });

/** Answer one Esplora path (without the base URL) from the vectors of `network`, as electrs would. */
export function answerFromVectors(network: 'mainnet' | 'testnet', path: string): FixtureAnswer {
  const proofs = REAL_PROOFS.filter((p) => p.network === network);
  const seg = path.split('?')[0]!.split('/').filter(Boolean);
  const byTx = proofs.find((p) => p.txid === seg[1]);
  const byBlock = proofs.find((p) => p.blockHash === seg[1]);
  if (path === '/blocks/tip/height') return text(String(TIP[network]));
  if (seg[0] === 'block-height') {
    if (!/^\d+$/.test(seg[1] ?? '')) return text('Invalid number', 400);
    const p = proofs.find((q) => q.proof.block_height === Number(seg[1]));
    return p ? text(p.blockHash) : text('Block not found', 404);
  }
  if (seg[0] === 'block' && byBlock) {
    if (seg.length === 3 && seg[2] === 'header') return text(byBlock.headerHex);
    if (seg.length === 2 && BLOCK_JSON[byBlock.blockHash]) return json(BLOCK_JSON[byBlock.blockHash]);
    return text('Block not found', 404);
  }
  if (seg[0] === 'tx' && byTx) {
    const height = byTx.proof.block_height;
    if (seg[2] === 'raw') return { status: 200, body: hexToBytes(byTx.txHex), contentType: 'application/octet-stream' };
    if (seg[2] === 'hex') return text(byTx.txHex);
    if (seg[2] === 'merkle-proof') return json(byTx.proof);
    if (seg[2] === 'status') return json({ confirmed: true, block_height: height, block_hash: byTx.blockHash, block_time: 1 });
  }
  if (seg[0] === 'tx' && seg[2] === 'status') return json({ confirmed: false });
  if (seg[0] === 'tx') return text('Transaction not found', 404);
  return text(`endpoint does not exist "${path}"`, 404);
}

/** A fetch over `answerFromVectors` for hosts whose base URL ends in /api. */
export function vectorFetch(network: 'mainnet' | 'testnet'): typeof fetch {
  return async (input) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const a = answerFromVectors(network, url.pathname.replace(/^.*?\/api/, ''));
    return new Response(a.body as BodyInit, { status: a.status, headers: { 'content-type': a.contentType, 'access-control-allow-origin': '*' } });
  };
}
