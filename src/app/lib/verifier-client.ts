/** Owns the verifier Worker: created on first use, one instance for the page; callers get Outcome values. */
import { wrap, type Remote } from 'comlink';
import type { VerifierApi } from '../../../workers/verifier-worker';

let remote: Remote<VerifierApi> | undefined;

export function verifier(): Remote<VerifierApi> {
  remote ??= wrap<VerifierApi>(new Worker(new URL('../../../workers/verifier-worker.ts', import.meta.url), { type: 'module', name: 'drey-verifier' }));
  return remote;
}
