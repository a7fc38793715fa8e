// Node bootstrap of the program worker: installs tsx's loader in this thread, then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./program-worker.node.ts');
