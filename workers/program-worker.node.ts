/** Node entry of the program worker: serves the same comlink surface on worker_threads' parentPort. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import { endpointFromPort } from './node-worker';
import { programWorkerApi } from './program-worker';

if (parentPort) expose(programWorkerApi, endpointFromPort(parentPort));
