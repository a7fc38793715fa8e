/**
 * Child process of the devnet prover: proves the batches it is sent with snarkjs (single-threaded curve per child).
 * A process, not a worker thread: snarkjs' `web-worker` dependency takes over any worker thread it is loaded in.
 */
import { createRequire } from 'node:module';

const snarkjs = createRequire(import.meta.url)('snarkjs');

process.on('message', async ({ id, input, wasm, zkey }) => {
  try {
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(input, wasm, zkey, undefined, undefined, { singleThread: true });
    process.send({ id, proof, publicSignals });
  } catch (e) {
    process.send({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
