/** The scenario's only way to the chain: the Esplora REST API (`POST /tx`, `GET …`) and `POST /devnet/mine`, via the devnet wallet. */
import { bytesToHex, sha256 } from '../../core/bytes';
import { METAPROTOCOL } from '../../core/protocol/message';
import { RestClient, type FetchLike } from '../rest-client';
import { DevWallet, type ExternalKeyInput, type Payment } from '../wallet';

/** Value paid to a marker address by every reveal (the P2TR dust limit is 330 sats; 546 clears every policy). */
export const MARKER_VALUE = 546n;

export interface Published {
  id: string;
  revealTxid: string;
  commitTxid: string;
  sha256: string;
  bytes: number;
}

export class ChainIO {
  readonly rest: RestClient;
  readonly wallet: DevWallet;

  constructor(url: string, seed: string, fetchFn?: FetchLike) {
    this.rest = new RestClient(url, fetchFn);
    this.wallet = new DevWallet({ baseUrl: url, seed: `drey-scenario:${seed}`, ...(fetchFn ? { fetch: fetchFn } : {}) });
  }

  async tip(): Promise<number> {
    return Number(await this.rest.text('/blocks/tip/height'));
  }

  async blockHash(height: number): Promise<string> {
    return this.rest.text(`/block-height/${height}`);
  }

  /** The block's header time at `height` (Unix seconds). */
  async blockTime(height: number): Promise<number> {
    const block = await this.rest.json<{ timestamp: number }>(`/block/${await this.blockHash(height)}`);
    return block.timestamp;
  }

  async mine(blocks = 1): Promise<void> {
    if (blocks > 0) await this.wallet.mine(blocks);
  }

  /** Mine until the tip is `height` (nothing when it already is). */
  async mineTo(height: number): Promise<void> {
    const tip = await this.tip();
    if (tip > height) throw new Error(`mineTo(${height}): tip is already ${tip}`);
    await this.mine(height - tip);
  }

  /**
   * Inscribe a protocol object (metaprotocol `drey/1`, or `metaprotocol` when given; `null` for none), paying
   * MARKER_VALUE to each marker given, then `extraOutputs`; `extraInputs` are spent by the reveal too (key path).
   */
  async inscribe(
    body: Uint8Array, contentType: string, marker?: string | string[], metaprotocol: string | null = METAPROTOCOL,
    opts: { extraOutputs?: Payment[]; extraInputs?: ExternalKeyInput[] } = {},
  ): Promise<Published> {
    const markers = marker === undefined ? [] : Array.isArray(marker) ? marker : [marker];
    const extraOutputs = [...markers.map((address) => ({ address, value: MARKER_VALUE })), ...(opts.extraOutputs ?? [])];
    const r = await this.wallet.inscribe({
      contentType, body, ...(metaprotocol === null ? {} : { metaprotocol }),
      ...(extraOutputs.length ? { extraOutputs } : {}),
      ...(opts.extraInputs?.length ? { extraInputs: opts.extraInputs } : {}),
    });
    return { id: r.inscriptionId, revealTxid: r.revealTxid, commitTxid: r.commitTxid, sha256: bytesToHex(sha256(body)), bytes: body.length };
  }

  /** Confirmation height and position in block of a transaction. */
  async position(txid: string): Promise<{ height: number; pos: number }> {
    const tx = await this.rest.json<{ status: { block_height?: number; block_hash?: string } }>(`/tx/${txid}`);
    if (tx.status.block_hash === undefined || tx.status.block_height === undefined) throw new Error(`${txid} is unconfirmed`);
    const txids = await this.rest.json<string[]>(`/block/${tx.status.block_hash}/txids`);
    return { height: tx.status.block_height, pos: txids.indexOf(txid) };
  }
}
