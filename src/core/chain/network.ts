/** Bitcoin network parameters for the light client (Bitcoin Core chainparams.cpp; ord chain.rs for jubilee heights). */

export type NetworkName = 'mainnet' | 'testnet' | 'testnet4' | 'signet' | 'regtest';

export interface NetworkParams {
  name: NetworkName;
  /** BIP173 human-readable part of segwit addresses. */
  bech32: string;
  /** Genesis block hash, display hex. */
  genesisHash: string;
  /** Consensus powLimit: no valid header has a target above it. */
  powLimit: bigint;
  /**
   * The light client's minimum-difficulty floor: a header whose target is above it is rejected even if its hash
   * meets its own bits. Never above powLimit. See `floorReason`.
   */
  floorTarget: bigint;
  floorReason: string;
  /** Height from which ord treats cursed inscriptions as blessed (ord `Chain::jubilee_height`). */
  jubileeHeight: number;
  /**
   * First height whose coinbase must start with the block height (BIP34; Bitcoin Core `consensus.BIP34Height`): from
   * it on a block proves its own height; below it no height can be proven.
   */
  bip34Height: number;
}

/** Target of bits 0x1d00ffff: "difficulty 1". */
export const DIFFICULTY_1_TARGET = 0xffffn << 208n;

/** Mainnet difficulty first passed 10^12 in late 2017 and has never fallen back below it. */
export const MAINNET_MIN_DIFFICULTY = 10n ** 12n;

const NETWORKS: Record<NetworkName, NetworkParams> = {
  mainnet: {
    name: 'mainnet',
    bech32: 'bc',
    genesisHash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f',
    powLimit: (1n << 224n) - 1n,
    floorTarget: DIFFICULTY_1_TARGET / MAINNET_MIN_DIFFICULTY,
    floorReason: 'difficulty 10^12: every mainnet block since late 2017 meets it, and a forged header must cost about 2^72 hashes instead of 2^32',
    jubileeHeight: 824544,
    bip34Height: 227931,
  },
  testnet: {
    name: 'testnet',
    bech32: 'tb',
    genesisHash: '000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943',
    powLimit: (1n << 224n) - 1n,
    floorTarget: DIFFICULTY_1_TARGET,
    floorReason: 'testnet3 allows difficulty-1 blocks after 20 minutes, so real blocks sit at the powLimit (bits 0x1d00ffff)',
    jubileeHeight: 2544192,
    bip34Height: 21111,
  },
  testnet4: {
    name: 'testnet4',
    bech32: 'tb',
    genesisHash: '00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043',
    powLimit: (1n << 224n) - 1n,
    floorTarget: DIFFICULTY_1_TARGET,
    floorReason: 'testnet4 (BIP94) keeps the 20-minute difficulty-1 exception, so the floor is bits 0x1d00ffff',
    jubileeHeight: 0,
    bip34Height: 1,
  },
  signet: {
    name: 'signet',
    bech32: 'tb',
    genesisHash: '00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6',
    powLimit: 0x0377aen << 216n,
    floorTarget: 0x0377aen << 216n,
    floorReason: 'signet blocks are authorised by the signet challenge, not by work; the floor is the powLimit (bits 0x1e0377ae)',
    jubileeHeight: 175392,
    bip34Height: 1,
  },
  regtest: {
    name: 'regtest',
    bech32: 'bcrt',
    genesisHash: '0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206',
    powLimit: (1n << 255n) - 1n,
    floorTarget: (1n << 255n) - 1n,
    floorReason: 'regtest has no security from work; the floor is the powLimit 0x7fff…ff (blocks use bits 0x207fffff)',
    jubileeHeight: 110,
    bip34Height: 1,
  },
};

export const NETWORK_NAMES = Object.keys(NETWORKS) as NetworkName[];

export function isNetworkName(name: unknown): name is NetworkName {
  return typeof name === 'string' && Object.hasOwn(NETWORKS, name);
}

/** Look a network up by name ('testnet3' is accepted for 'testnet'). Unknown names are a caller bug. */
export function networkFromName(name: string): NetworkParams {
  const key = name === 'testnet3' ? 'testnet' : name;
  if (!isNetworkName(key)) throw new RangeError(`unknown network "${name}" (expected ${NETWORK_NAMES.join(', ')})`);
  return NETWORKS[key];
}
