/** The Esplora client methods the month's fetch layer uses (every answer re-hashed or re-checked by the client). */
import type { EsploraClient } from '../../esplora/client';

export type MonthClient = Pick<EsploraClient, 'hosts' | 'fetchTipHeight' | 'fetchBlockHash' | 'fetchHeader' | 'fetchTx' | 'fetchMerkleProof' | 'fetchOutspend' | 'fetchAddressTxs' | 'fetchBlockTxids'>;
