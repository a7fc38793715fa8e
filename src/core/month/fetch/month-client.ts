/** The Esplora client methods the month's fetch layer uses (every answer re-hashed or re-checked by the client). */
import type { EsploraClient } from '../../esplora/client';

export type MonthClient = Pick<EsploraClient,
  | 'hosts' | 'network' | 'liveHosts' | 'blame' | 'sourceOf'
  | 'fetchTipHeight' | 'fetchBlockHash' | 'fetchHeader' | 'fetchTx' | 'fetchTxStatus' | 'fetchMerkleProof' | 'fetchOutspend' | 'fetchOutspends' | 'fetchAddressTxs'
  | 'fetchBlockTxids'>;
