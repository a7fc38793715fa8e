/** The verifier Worker: a thin comlink adapter over src/core. Every method returns an Outcome value, never throws. */
import { expose } from 'comlink';
import { createEsploraClient } from '../src/core/esplora/client';
import type { NetworkName } from '../src/core/chain/network';
import { outcomeOf, type Outcome } from '../src/core/outcome';
import { verifyChainTip, type TipReport } from '../src/core/tip';

export interface ChainSettings {
  network: NetworkName;
  esplora: string[];
}

function clientFor(s: ChainSettings) {
  return createEsploraClient({ hosts: s.esplora, network: s.network, fetch: globalThis.fetch.bind(globalThis) });
}

const api = {
  chainTip: (s: ChainSettings): Promise<Outcome<TipReport>> => outcomeOf(() => verifyChainTip(clientFor(s))),
};

export type VerifierApi = typeof api;
expose(api);
