/** The settings store: the active network settings, loaded once from the URL and the embedded config. */
import { create } from 'zustand';
import { EMPTY_SETTINGS, mergeSettings, searchFromSettings, settingsFromConfig, settingsFromSearch, type Settings } from './settings';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
}

export const useSettingsStore = create<SettingsState>(() => ({ settings: EMPTY_SETTINGS, loaded: false }));

/** Reads ./drey-config.json (absent on a plain static host: then only the URL counts) and the page URL. */
export async function loadSettings(): Promise<void> {
  let config: unknown = undefined;
  try {
    const res = await fetch('./drey-config.json', { cache: 'no-store' });
    if (res.ok) config = await res.json();
  } catch {
    config = undefined;
  }
  useSettingsStore.setState({ settings: mergeSettings(settingsFromConfig(config), settingsFromSearch(location.search)), loaded: true });
}

/** Applies new settings and writes them into the address bar, so the page can be shared as it is. */
export function applySettings(settings: Settings): void {
  history.replaceState(null, '', `${searchFromSettings(settings)}${location.hash}`);
  useSettingsStore.setState({ settings });
}

export function resetSettingsStore(): void {
  useSettingsStore.setState({ settings: EMPTY_SETTINGS, loaded: false });
}
