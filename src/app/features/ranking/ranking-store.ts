/** The ranking store: nostr profile names of actuary keys (unconfirmed display data, fetched once per key set). */
import { create } from 'zustand';
import { verifier } from '../../worker/client';

interface RankingState {
  names: Record<string, string>;
  asked: string;
}

export const useRankingStore = create<RankingState>(() => ({ names: {}, asked: '' }));

export async function loadProfiles(relays: string[], keys: string[]): Promise<void> {
  const asked = `${relays.join(',')}|${[...keys].sort().join(',')}`;
  if (!keys.length || useRankingStore.getState().asked === asked) return;
  useRankingStore.setState({ asked });
  const names = await verifier().profiles(relays, keys);
  useRankingStore.setState((s) => ({ names: { ...s.names, ...names } }));
}

export function resetRankingStore(): void {
  useRankingStore.setState({ names: {}, asked: '' }, true);
}
