/**
 * Step "proofs" (design §2.5): every batch proof of the lead's and the agreeing packages, batch-verified under the
 * genesis' proof system; per package the public inputs hang together (Σ partials = globals, indexes, month), the new
 * batch roots make the package's root, each previous batch root is last month's, and each inputs batch root is
 * recomputed from the published inputs table (the proof alone does not show that its inputs are the published ones).
 */
import { passed, failed, type Check } from '../check';
import { batchPublicInputs, verifyBatchSums, type BatchPublic } from '../commit/public-inputs';
import { monthRoot } from '../commit/batches';
import { VerifyError } from '../errors';
import type { ProofSystem } from '../proof/proof-system';
import type { OpenedPackage } from './verify-reveal';

export interface ProofContext {
  system: ProofSystem;
  key: unknown;
  month: number;
  /** How many batches this month's table has (from the inputs table). */
  batchCount: number;
  /** Last month's batch roots as this month's batches see them (only `onlyBatch` needs to be set in quick mode). */
  prevBatchRoots: readonly bigint[];
  /** Inputs batch roots recomputed from the published inputs table (idem). */
  inputsBatchRoots: readonly bigint[];
  /** Quick mode: verify only this batch's proof (the depositor's). */
  onlyBatch?: number;
  randomBytes?: (n: number) => Uint8Array;
}

interface Parsed {
  pkg: OpenedPackage;
  publics: BatchPublic[];
  /** Parsed proofs by batch; in quick mode only the depositor's batch is parsed (parsing checks G2 subgroups: costly). */
  items: ({ proof: unknown; publicSignals: bigint[] } | undefined)[];
}

/**
 * A package's public inputs: month, batch index, previous and inputs batch roots recomputed from public data, the
 * package's new batch roots, totals and partials. Checks Σ partials = globals and that the new batch roots make the
 * package's root. Proofs are parsed (not yet verified).
 */
export function publicsOfPackage(ctx: ProofContext, p: OpenedPackage): Parsed {
  const pkg = p.pkg!;
  if (pkg.batches.length !== ctx.batchCount) {
    throw new VerifyError('PROOF_BATCH_COUNT', `the package has ${pkg.batches.length} batches; the inputs table makes ${ctx.batchCount}`, { batches: pkg.batches.length, expected: ctx.batchCount });
  }
  const publics: BatchPublic[] = pkg.batches.map((b, i) => ({
    month: BigInt(ctx.month), batchIndex: BigInt(i), prevBatchRoot: ctx.prevBatchRoots[i] ?? 0n, inputsBatchRoot: ctx.inputsBatchRoots[i] ?? 0n,
    newBatchRoot: b.newRoot, F: pkg.F, W: pkg.W, R: pkg.R, partialF: b.partialF, partialW: b.partialW, partialS: b.partialS,
  }));
  verifyBatchSums(publics);
  const root = monthRoot(publics.map((b) => b.newBatchRoot));
  if (root !== BigInt('0x' + pkg.newRoot)) {
    throw new VerifyError('PROOF_ROOT_MISMATCH', 'the batches\' new roots do not make the package\'s root', { computed: root.toString(16).padStart(64, '0'), package: pkg.newRoot });
  }
  const items = pkg.batches.map((b, i) => (ctx.onlyBatch === undefined || i === ctx.onlyBatch
    ? { proof: ctx.system.parseProof(b.proof), publicSignals: batchPublicInputs(publics[i]!) }
    : undefined));
  return { pkg: p, publics, items };
}

/** Lead failures reject the month; a secondary's failure makes its package invalid (returned). */
export function verifyProofs(ctx: ProofContext, lead: OpenedPackage, agreeing: readonly OpenedPackage[]): { checks: Check[]; invalid: Set<OpenedPackage>; leadPublics?: BatchPublic[] } {
  const checks: Check[] = [];
  const invalid = new Set<OpenedPackage>();
  const parsed: Parsed[] = [];
  const reject = (p: OpenedPackage, e: VerifyError) => {
    invalid.add(p);
    if (p === lead) checks.push(failed('proofs', e));
    else checks.push(passed('proofs', `secondary ${p.entry.actuary}'s package is invalid: ${e.message}`, { actuary: p.entry.actuary, invalid: e.code }));
  };
  for (const p of [lead, ...agreeing]) {
    try {
      parsed.push(publicsOfPackage(ctx, p));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      reject(p, e);
    }
  }
  const items: { owner: Parsed; batch: number; proof: unknown; publicSignals: bigint[] }[] = [];
  for (const x of parsed) {
    x.items.forEach((it, batch) => {
      if (it) items.push({ owner: x, batch, ...it });
    });
  }
  const result = ctx.system.verifyBatch(ctx.key, items, ctx.randomBytes ? { randomBytes: ctx.randomBytes } : {});
  result.results.forEach((r, i) => {
    const it = items[i]!;
    if (!r.ok && !invalid.has(it.owner.pkg)) reject(it.owner.pkg, new VerifyError(r.code.startsWith('PROOF_') ? r.code : 'PROOF_INVALID', `batch ${it.batch} of ${it.owner.pkg.entry.actuary}'s package: ${r.message}`, { actuary: it.owner.pkg.entry.actuary, batch: it.batch }));
  });
  for (const x of parsed) {
    if (invalid.has(x.pkg)) continue;
    const n = ctx.onlyBatch === undefined ? x.items.length : 1;
    checks.push(passed('proofs', `${x.pkg.entry.actuary}'s ${n} batch proof(s) verify (${result.combined ? 'one combined check' : 'one by one'}); Σ partials = globals; with previous roots from last month's table and inputs roots from the inputs table`, {
      actuary: x.pkg.entry.actuary, batches: x.items.length, verified: n, F: x.publics[0]!.F.toString(), W: x.publics[0]!.W.toString(), R: x.publics[0]!.R.toString(),
    }));
  }
  const leadParsed = parsed.find((x) => x.pkg === lead && !invalid.has(lead));
  return { checks, invalid, ...(leadParsed ? { leadPublics: leadParsed.publics } : {}) };
}
