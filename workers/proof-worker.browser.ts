/** Browser entry of the proof worker (a nested Worker started by the verifier Worker). */
import { expose } from 'comlink';
import { proofWorkerApi } from './proof-worker';

expose(proofWorkerApi);
