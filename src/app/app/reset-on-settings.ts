/** When the network settings change, everything verified under the old ones is dropped from the feature stores. */
import { useSettingsStore } from '../features/settings/settings-store';
import { resetMonthsStore } from '../features/months/months-store';
import { resetTableStore } from '../features/table/table-store';
import { resetAllocationStore } from '../features/my-allocation/allocation-store';
import { resetRankingStore } from '../features/ranking/ranking-store';

export function resetFeatureStores(): void {
  resetMonthsStore();
  resetTableStore();
  resetAllocationStore();
  resetRankingStore();
}

export function resetOnSettingsChange(): () => void {
  return useSettingsStore.subscribe((next, prev) => {
    if (prev.loaded && next.settings !== prev.settings) resetFeatureStores();
  });
}
