/** A depositor's inclusion path as drawable steps: leaf, each level's siblings and computed node, batch root, month root. */
import { allocationLeaf, parseInclusionPath, userIdField } from '../../core/commit';
import { poseidon } from '../../core/crypto/poseidon';

export interface PathLevel {
  tree: 'batch' | 'month';
  level: number;
  /** The node's position among its four children (0–3). */
  position: number;
  /** The four children in order, the depositor's node at `position` (hex, 32 bytes). */
  children: string[];
  /** Poseidon of the four children. */
  node: string;
}

export interface PathSteps {
  leaf: string;
  levels: PathLevel[];
  batchRoot: string;
  monthRoot: string;
}

const hex = (v: bigint): string => v.toString(16).padStart(64, '0');

/** Recomputes every node from the leaf up (the pipeline already checked the path; this is for display). */
export function pathSteps(month: number, user: string, allocation: string, pathJson: unknown): PathSteps {
  const path = parseInclusionPath(pathJson);
  let node = allocationLeaf(month, userIdField(user), BigInt(allocation));
  const leaf = node;
  const levels: PathLevel[] = [];
  const climb = (tree: 'batch' | 'month', index: number, siblings: bigint[][]) => {
    let i = index;
    siblings.forEach((three, level) => {
      const position = i % 4;
      const children = [...three.slice(0, position), node, ...three.slice(position)];
      node = poseidon(children);
      levels.push({ tree, level, position, children: children.map(hex), node: hex(node) });
      i = Math.floor(i / 4);
    });
  };
  climb('batch', path.row % path.batchSize, path.batchSiblings);
  const batchRoot = node;
  climb('month', Math.floor(path.row / path.batchSize), path.monthSiblings);
  return { leaf: hex(leaf), levels, batchRoot: hex(batchRoot), monthRoot: hex(node) };
}
