/** A transaction refused by the devnet, reported like bitcoind's `sendrawtransaction` RPC error. */

export class TxRejected extends Error {
  override readonly name = 'TxRejected';
  constructor(
    readonly rpcCode: number,
    readonly reason: string,
  ) {
    super(`sendrawtransaction RPC error: ${JSON.stringify({ code: rpcCode, message: reason })}`);
  }
}

/** RPC codes used by bitcoind for these rejections. */
export const RPC = { DESERIALIZATION: -22, VERIFY_ERROR: -25, VERIFY_REJECTED: -26, ALREADY_IN_CHAIN: -27 } as const;

/** A block refused by the chain (bad PoW, wrong parent, bad Merkle root, bad coinbase, invalid spends). */
export class BlockRejected extends Error {
  override readonly name = 'BlockRejected';
}
