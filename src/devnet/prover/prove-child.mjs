/**
 * Child process of the devnet prover: proves the batches it is sent with snarkjs (single-threaded curve per child).
 * A process, not a worker thread: snarkjs' `web-worker` dependency takes over any worker thread it is loaded in.
 * With a `seed` (8 u32 words) Groth16's blinding r, s are drawn from a ChaCha stream of that seed, so the same
 * input and key give the same proof (the scenario's reproducible chains).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const snarkjs = require('snarkjs');
const { ChaCha } = require('ffjavascript');

let current;
const original = ChaCha.prototype.nextU32;
ChaCha.prototype.nextU32 = function nextU32() {
  return original.call(current ?? this);
};

process.on('message', async ({ id, input, wasm, zkey, seed }) => {
  current = seed ? new ChaCha(seed) : undefined;
  try {
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(input, wasm, zkey, undefined, undefined, { singleThread: true });
    process.send({ id, proof, publicSignals });
  } catch (e) {
    process.send({ id, error: e instanceof Error ? e.message : String(e) });
  } finally {
    current = undefined;
  }
});
