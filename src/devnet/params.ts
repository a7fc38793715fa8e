/** Regtest consensus parameters the devnet chain follows (Bitcoin Core `chainparams.cpp`, CRegTestParams). */

/** scure network descriptor for regtest addresses (bech32 `bcrt`, base58 testnet prefixes). */
export const REGTEST = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef } as const;

/** Compact target used by every regtest block (powLimit 7fff…ff). */
export const REGTEST_BITS = 0x207fffff;

/** Real regtest genesis block facts. */
export const GENESIS = {
  hash: '0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206',
  merkleRoot: '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b',
  time: 1296688602,
  nonce: 2,
  version: 1,
} as const;

/** Block version of mined blocks (BIP9 top bits, as Core's regtest miner sets with no deployment signalled). */
export const BLOCK_VERSION = 0x20000000;

/** Seconds between consecutive devnet block timestamps (deterministic time). */
export const BLOCK_INTERVAL = 600;

/** Coinbase outputs may be spent only after this many confirmations (consensus COINBASE_MATURITY). */
export const COINBASE_MATURITY = 100;

/** Regtest halves the subsidy every 150 blocks. */
export const HALVING_INTERVAL = 150;

export function blockSubsidy(height: number): bigint {
  const halvings = Math.floor(height / HALVING_INTERVAL);
  if (halvings >= 64) return 0n;
  return (50n * 100_000_000n) >> BigInt(halvings);
}

/** Deterministic block time: genesis time + 600 s per height (monotone). */
export function blockTime(height: number): number {
  return GENESIS.time + BLOCK_INTERVAL * height;
}
