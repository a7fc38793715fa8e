/**
 * Allocation programs that a genesis could pin but that disagree with the batch circuit (adversarial vectors only):
 * the reference program (programs/allocation/build/allocation.wat) whose exported `run` is wrapped to report other
 * totals (`totals`: R one higher) or to move one Dreybit of the first funded member to the reserve row (`output`,
 * still conserving Dreybits); and `trap`, which traps (programs/hostile/trap.wasm). Each still passes the host's ABI
 * and conservation checks, so only comparing it with the proven month shows the difference (docs/protocol.md §6.7, §8).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWat } from '../../../programs/hostile/build';
import { REPO_ROOT } from '../prover/setup';

const G = '$programs/allocation/assembly/index';

const POSTPROCESS = {
  totals: `
  (i64.store offset=16 (global.get ${G}/pTotals) (i64.add (i64.load offset=16 (global.get ${G}/pTotals)) (i64.const 1)))`,
  output: `
  (local.set $i (i32.const 1))
  (block $done
   (loop $next
    (br_if $done (i32.ge_u (local.get $i) (global.get ${G}/rows)))
    (local.set $p (i32.add (global.get ${G}/pNew) (i32.shl (local.get $i) (i32.const 3))))
    (if (i64.ne (i64.load (local.get $p)) (i64.const 0))
     (then
      (i64.store (local.get $p) (i64.sub (i64.load (local.get $p)) (i64.const 1)))
      (i64.store (global.get ${G}/pNew) (i64.add (i64.load (global.get ${G}/pNew)) (i64.const 1)))
      (br $done)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $next)))`,
};

export async function deviantProgram(kind: 'trap' | 'totals' | 'output'): Promise<Uint8Array> {
  if (kind === 'trap') return new Uint8Array(readFileSync(join(REPO_ROOT, 'programs/hostile/trap.wasm')));
  const wat = readFileSync(join(REPO_ROOT, 'programs/allocation/build/allocation.wat'), 'utf8');
  const exportRun = `(export "run" (func ${G}/run))`;
  if (!wat.includes(exportRun)) throw new Error('allocation.wat no longer exports run as expected');
  const wrapper = `
 (func $deviant/run (param $d i32) (result i32)
  (local $s i32) (local $i i32) (local $p i32)
  (local.set $s (call ${G}/run (local.get $d)))
  (if (local.get $s) (then (return (local.get $s))))${POSTPROCESS[kind]}
  (i32.const 0))
)`;
  const patched = wat.replace(exportRun, '(export "run" (func $deviant/run))').replace(/\)\s*$/, wrapper);
  return compileWat(`deviant-${kind}.wat`, patched);
}
