// Node bootstrap of the proof worker: installs tsx's loader in this thread, then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./proof-worker.node.ts');
