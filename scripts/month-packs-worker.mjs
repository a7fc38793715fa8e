// Node bootstrap of the month-pack builder thread: installs tsx's loader in this thread, then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./month-packs-worker.ts');
