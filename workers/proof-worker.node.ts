/** Node entry of the proof worker: serves the same comlink surface on worker_threads' parentPort. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import { endpointFromPort } from './node-worker';
import { proofWorkerApi } from './proof-worker';

if (parentPort) expose(proofWorkerApi, endpointFromPort(parentPort));
