/**
 * Step "proofs" (design §2.5): every batch proof of the lead's and the agreeing packages, batch-verified under the
 * genesis' proof system; per package the public inputs hang together (Σ partials = globals, indexes, month), the new
 * batch roots make the package's root, each previous batch root is last month's, and each inputs batch root is
 * recomputed from the published inputs table (the proof alone does not show that its inputs are the published ones).
 */
import { failed, failedOn, passed, type Check } from '../../check';
import { utf8 } from '../../bytes';
import { allocationBatchRoots, batchCount, inputsBatchRoots, monthRoot } from '../../commit/batches';
import { batchPublicInputs, verifyBatchSums, type BatchPublic } from '../../commit/public-inputs';
import { userIdField } from '../../commit/user-id';
import { VerifyError } from '../../errors';
import { proofSystemFor, type BatchResult, type ProofSystem } from '../../proof/proof-system';
import type { Fraction, GenesisPayload } from '../../protocol/payloads';
import type { InscriptionRecord } from '../records';
import type { Depth } from '../report';
import type { StepResult } from '../step-result';
import { objectBody } from '../table-refs';
import { superMajority, type Agreement } from './agreement';
import type { OpenedPackage } from './reveal';
import type { MonthTables } from './tables';

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
  /** Proofs verified so far and in all, after each chunk. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Proofs verified per batch check: large enough for the combined check to pay, small enough to report progress often. */
export const PROOF_CHUNK = 64;

/** Lets the thread answer (progress, a cancel, a person's next request) between chunks of proofs. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  const pkg = p.pkg;
  if (!pkg) throw new RangeError('publicsOfPackage: only a valid package has proofs');
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
  const items = pkg.batches.map((b, i) => {
    const pub = publics[i];
    return pub && (ctx.onlyBatch === undefined || i === ctx.onlyBatch) ? { proof: ctx.system.parseProof(b.proof), publicSignals: batchPublicInputs(pub) } : undefined;
  });
  return { pkg: p, publics, items };
}

/**
 * Every item's proof, batch-verified in chunks of PROOF_CHUNK: after each chunk the count is reported and the thread
 * yields (an abort then stops the step). One result per item, in order; `combined` when every chunk was one check.
 */
async function verifyInChunks(ctx: ProofContext, items: readonly { proof: unknown; publicSignals: bigint[] }[]): Promise<BatchResult> {
  const results: BatchResult['results'] = [];
  let combined = true;
  ctx.onProgress?.(0, items.length);
  for (let at = 0; at < items.length; at += PROOF_CHUNK) {
    ctx.signal?.throwIfAborted();
    const chunk = ctx.system.verifyBatch(ctx.key, items.slice(at, at + PROOF_CHUNK), ctx.randomBytes ? { randomBytes: ctx.randomBytes } : {});
    combined &&= chunk.combined;
    results.push(...chunk.results);
    ctx.onProgress?.(results.length, items.length);
    if (at + PROOF_CHUNK < items.length) await yieldToEventLoop();
  }
  return { ok: results.every((r) => r.ok), combined, results };
}

/** Lead failures reject the month; a secondary's failure makes its package invalid (returned). */
export async function proofsOfPackages(ctx: ProofContext, lead: OpenedPackage, agreeing: readonly OpenedPackage[]): Promise<{ checks: Check[]; invalid: Set<OpenedPackage>; leadPublics?: BatchPublic[] }> {
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
  const result = await verifyInChunks(ctx, items);
  result.results.forEach((r, i) => {
    const it = items[i];
    if (it && !r.ok && !invalid.has(it.owner.pkg)) reject(it.owner.pkg, new VerifyError(r.code.startsWith('PROOF_') ? r.code : 'PROOF_INVALID', `batch ${it.batch} of ${it.owner.pkg.entry.actuary}'s package: ${r.message}`, { actuary: it.owner.pkg.entry.actuary, batch: it.batch }));
  });
  for (const x of parsed) {
    if (invalid.has(x.pkg)) continue;
    const n = ctx.onlyBatch === undefined ? x.items.length : 1;
    const totals = x.publics[0];
    checks.push(passed('proofs', `${x.pkg.entry.actuary}'s ${n} batch proof(s) verify (${result.combined ? 'one combined check' : 'one by one'}); Σ partials = globals; with previous roots from last month's table and inputs roots from the inputs table`, {
      actuary: x.pkg.entry.actuary, batches: x.items.length, verified: n, F: totals?.F.toString(), W: totals?.W.toString(), R: totals?.R.toString(),
    }));
  }
  const leadParsed = parsed.find((x) => x.pkg === lead && !invalid.has(lead));
  return { checks, invalid, ...(leadParsed ? { leadPublics: leadParsed.publics } : {}) };
}

/** The genesis' proof system and its first verification key (a key that starts as JSON must parse as JSON). */
export function verificationKeyOf(genesis: GenesisPayload, records: ReadonlyMap<string, InscriptionRecord>): { system: ProofSystem; key: unknown } {
  const system = proofSystemFor(genesis.proof_system);
  const ref = genesis.verification_keys[0];
  if (!ref) throw new RangeError('a genesis names at least one verification key');
  const body = objectBody(records, ref, 'verification key');
  let input: unknown = body;
  const text = utf8.decodeStrict(body);
  if (text !== undefined && text.trimStart().startsWith('{')) {
    try { input = JSON.parse(text); } catch { throw new VerifyError('PROOF_KEY_MALFORMED', 'the verification key is not JSON', {}); }
  }
  return { system, key: system.parseVerifyingKey(input) };
}

export interface ProofKeyInput {
  genesis: GenesisPayload;
  records: ReadonlyMap<string, InscriptionRecord>;
  agreement?: Agreement;
}

/** The verification key, read only when there are proofs to check (the lead's package is valid). */
export function verifyProofKey({ genesis, records, agreement }: ProofKeyInput): StepResult<{ system: ProofSystem; key: unknown }> {
  if (agreement?.lead?.status !== 'valid') return { checks: [] };
  try {
    return { checks: [], value: verificationKeyOf(genesis, records) };
  } catch (e) {
    return { checks: [failedOn('proofs', e)] };
  }
}

/** What the proofs step establishes: the packages its proofs invalidate, the lead's public inputs, the agreement left. */
export interface ProvenPackages {
  invalid: Set<OpenedPackage>;
  leadPublics?: BatchPublic[];
  /** The agreement without the packages whose proofs failed. */
  agreement: Agreement;
}

export interface ProofsInput {
  depth: Depth;
  /** Quick depth: the depositor whose batch is proven (batch 0 when absent from the inputs). */
  user?: string;
  month: number;
  batchSize: number;
  superMajority: Fraction;
  key: { system: ProofSystem; key: unknown };
  tables: MonthTables;
  agreement: Agreement;
  randomBytes?: (n: number) => Uint8Array;
  /** Batch proofs verified so far and in all (the step reports them as it goes). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Full depth: every batch of the lead's and the agreeing packages; quick depth: the depositor's batch of the lead's.
 * Previous batch roots are recomputed from last month's table, inputs batch roots from the inputs table and its rates.
 */
export async function verifyProofs(input: ProofsInput): Promise<StepResult<ProvenPackages>> {
  const { tables, agreement, month, batchSize: B } = input;
  const lead = agreement.lead;
  const inputs = tables.inputs?.table;
  const q = tables.reference?.q;
  if (!lead || lead.status !== 'valid' || !inputs || !q || tables.previous === undefined) return { checks: [] };
  const previous = tables.previous;
  try {
    const count = batchCount(inputs.rows, B);
    // Quick mode: only the depositor's batch is recomputed and proven; full mode: every batch.
    let only: number | undefined;
    if (input.depth === 'quick') {
      const row = input.user === undefined ? -1 : inputs.userIds.indexOf(input.user);
      only = row < 0 ? 0 : Math.floor(row / B);
    }
    const slice = <T>(rows: T[]): T[] => (only === undefined ? rows : rows.slice(only * B, (only + 1) * B));
    const offset = only === undefined ? [] : Array<bigint>(only).fill(0n);
    const prevAll = previous ? previous.userIds.map((u, i) => ({ uid: userIdField(u), allocation: previous.allocations[i] ?? 0n })) : [];
    const inputsAll = inputs.userIds.map((u, i) => ({ uid: userIdField(u), alive: inputs.alive[i] === 1, deposit: inputs.deposit[i] ?? 0n, q: BigInt(q[i] ?? 0) }));
    const ctx: ProofContext = {
      system: input.key.system, key: input.key.key, month, batchCount: count,
      prevBatchRoots: [...offset, ...allocationBatchRoots(month - 1, slice(prevAll), B, only === undefined ? count : 1)],
      inputsBatchRoots: [...offset, ...inputsBatchRoots(slice(inputsAll), B)],
      ...(only === undefined ? {} : { onlyBatch: only }), ...(input.randomBytes ? { randomBytes: input.randomBytes } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}), ...(input.signal ? { signal: input.signal } : {}),
    };
    const r = await proofsOfPackages(ctx, lead, input.depth === 'quick' ? [] : agreement.agreeing);
    const proven = r.invalid.size > 0 ? { ...agreement, agreeing: agreement.agreeing.filter((p) => !r.invalid.has(p)) } : agreement;
    const checks = r.invalid.size > 0 ? [...r.checks, superMajority(proven, input.superMajority)] : r.checks;
    return { checks, value: { invalid: r.invalid, ...(r.leadPublics ? { leadPublics: r.leadPublics } : {}), agreement: proven } };
  } catch (e) {
    return { checks: [failedOn('proofs', e)] };
  }
}
