/** App entry: load settings (URL over embedded defaults), follow the hash route, then render the shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startRouting } from './app/route-store';
import { resetOnSettingsChange } from './app/reset-on-settings';
import { loadSettings } from './features/settings/settings-store';

startRouting();
resetOnSettingsChange();
void loadSettings();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
