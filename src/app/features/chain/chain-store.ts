/** Chain-tip store: the last verified tip (or the coded reason it could not be verified). */
import { create } from 'zustand';
import type { OutcomeError } from '../../../core/outcome';
import type { TipReport } from '../../../core/tip';
import { verifier } from '../../worker/client';
import type { Settings } from '../settings/settings';
import type { NetworkName } from '../../../core/chain/network';

type ChainState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ok'; tip: TipReport; ms: number }
  | { status: 'error'; error: OutcomeError };

export const useChainStore = create<ChainState>(() => ({ status: 'idle' }));

export async function refreshTip(settings: Settings): Promise<void> {
  if (settings.esplora.length === 0) {
    useChainStore.setState({ status: 'idle' });
    return;
  }
  useChainStore.setState({ status: 'loading' });
  const t0 = performance.now();
  const r = await verifier().chainTip({ network: settings.network as NetworkName, esplora: settings.esplora, rps: settings.rps });
  useChainStore.setState(r.ok ? { status: 'ok', tip: r.value, ms: performance.now() - t0 } : { status: 'error', error: r.error });
}
