/**
 * A depositor's inclusion path as drawable steps (docs/allocation-formula.md §Commitments): their row among the batch's
 * rows, the batch commitment absorbing those rows 16 values at a time (each step's node is the state the next step
 * starts from), then each level of the month tree (the node with its three siblings) up to the month root.
 */
import { parseAllocationPath, userIdField } from '../../core/commit';
import { COMMITMENT_RATE } from '../../core/commit/commitment';
import { poseidon, poseidonWithInitMany } from '../../core/crypto/poseidon';

export interface PathLevel {
  tree: 'batch' | 'month';
  level: number;
  /** Month tree: the node's position among its four children (0–3); batch: the depositor's user id among the values absorbed, −1 when the step absorbs other rows. */
  position: number;
  /** Month tree: the four children in order; batch: the values absorbed at this step (hex, 32 bytes). */
  children: string[];
  /** Poseidon of the children (batch: with the previous step's node, or the month, as its initial state). */
  node: string;
}

export interface PathSteps {
  /** The depositor's user id as a field element. */
  leaf: string;
  levels: PathLevel[];
  batchRoot: string;
  monthRoot: string;
}

const hex = (v: bigint): string => v.toString(16).padStart(64, '0');

/** Recomputes every node from the depositor's own row up (the pipeline already checked the path; this is for display). */
export function pathSteps(month: number, user: string, allocation: string, pathJson: unknown): PathSteps {
  const path = parseAllocationPath(pathJson);
  const uid = userIdField(user);
  const own = path.row % path.batchSize;
  const values = path.batchRows.flatMap((pair, k) => (k === own ? [uid, BigInt(allocation)] : pair));
  const levels: PathLevel[] = [];
  let node = BigInt(month);
  for (let start = 0, step = 0; start < values.length; start += COMMITMENT_RATE, step++) {
    const chunk = values.slice(start, start + COMMITMENT_RATE);
    node = poseidonWithInitMany([[node, ...chunk]])[0]!;
    const position = 2 * own - start;
    levels.push({ tree: 'batch', level: step, position: position >= 0 && position < chunk.length ? position : -1, children: chunk.map(hex), node: hex(node) });
  }
  const batchRoot = node;
  let i = Math.floor(path.row / path.batchSize);
  path.monthSiblings.forEach((three, level) => {
    const position = i % 4;
    const children = [...three.slice(0, position), node, ...three.slice(position)];
    node = poseidon(children);
    levels.push({ tree: 'month', level, position, children: children.map(hex), node: hex(node) });
    i = Math.floor(i / 4);
  });
  return { leaf: hex(uid), levels, batchRoot: hex(batchRoot), monthRoot: hex(node) };
}
