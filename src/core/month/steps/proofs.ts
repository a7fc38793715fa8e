/**
 * Step "proofs" (docs/protocol.md §6.7, §7.1): the packages of an attempt judged against the month's numbers. Per
 * package the public inputs hang together (batch count, Σ partials = globals, the new batch roots make its root), every
 * batch proof verifies — one randomised batch for the attempt's lead and its secondaries with the lead's root — with
 * previous batch roots rebuilt from the previous table and inputs batch roots from the inputs table and the program's
 * rates, and its `table_sha256` names the program's table. A lead whose proofs verify but whose totals or root are not
 * the program's shows that the program and the circuit disagree: a fault of the month, not of the lead.
 */
import { failed, passed, type Check } from '../../check';
import { utf8 } from '../../bytes';
import { batchCount, monthRoot } from '../../commit/batches';
import { inputsCommitments, previousCommitments } from '../../commit/batch-commitments';
import { batchPublicInputs, verifyBatchSums, type BatchPublic } from '../../commit/public-inputs';
import { userIdField } from '../../commit/user-id';
import { VerifyError } from '../../errors';
import { proofSystemFor, type ProofSystem, type ProofWorkers, type WireProof } from '../../proof/proof-system';
import type { GenesisPayload } from '../../protocol/payloads';
import type { FileRecord } from '../records';
import type { StepResult } from '../step-result';
import { objectBody } from '../table-refs';
import type { MonthNumbers } from './program';
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
  /** Inputs batch roots rebuilt from the published inputs table and the program's rates (idem). */
  inputsBatchRoots: readonly bigint[];
  /** Quick mode: verify only this batch's proof (the depositor's). */
  onlyBatch?: number;
  randomBytes?: (n: number) => Uint8Array;
  /** Proofs verified so far and in all, as the verification goes. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Worker threads for the proofs (nested Workers in a browser, worker_threads in Node); this thread when absent. */
  workers?: ProofWorkers;
  /** Package roots already computed from their batch roots (packages with the lead's batch roots share its root). */
  roots?: { batchRoots: readonly bigint[]; root: bigint }[];
}

interface Parsed {
  pkg: OpenedPackage;
  publics: BatchPublic[];
  /** Proofs by batch, as inscribed; in quick mode only the depositor's batch. */
  items: (WireProof | undefined)[];
}

/** The root of a package's batch roots, computed once for every package with the same batch roots. */
function packageRoot(ctx: ProofContext, batchRoots: readonly bigint[]): bigint {
  const known = ctx.roots?.find((r) => r.batchRoots.length === batchRoots.length && r.batchRoots.every((x, i) => x === batchRoots[i]));
  if (known) return known.root;
  const root = monthRoot(batchRoots);
  (ctx.roots ??= []).push({ batchRoots, root });
  return root;
}

/**
 * A package's public inputs: month, batch index, previous and inputs batch roots recomputed from public data, the
 * package's new batch roots, totals and partials. Checks Σ partials = globals and that the new batch roots make the
 * package's root. Proofs stay as inscribed (the proof system parses them where it verifies them).
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
  const root = packageRoot(ctx, publics.map((b) => b.newBatchRoot));
  if (root !== BigInt('0x' + pkg.newRoot)) {
    throw new VerifyError('PROOF_ROOT_MISMATCH', 'the batches\' new roots do not make the package\'s root', { computed: root.toString(16).padStart(64, '0'), package: pkg.newRoot });
  }
  const items = pkg.batches.map((b, i) => {
    const pub = publics[i];
    return pub && (ctx.onlyBatch === undefined || i === ctx.onlyBatch) ? { proof: b.proof, publicSignals: batchPublicInputs(pub) } : undefined;
  });
  return { pkg: p, publics, items };
}

/** How an attempt's packages fared: why each that is not valid is not, the lead's public inputs, the program's faults. */
export interface Judgement {
  /** Packages whose proof checks or table fail, with the first failing check. */
  invalid: Map<OpenedPackage, VerifyError>;
  /** Packages whose every check passed. */
  proven: OpenedPackage[];
  leadPublics?: BatchPublic[];
  /** The lead's proofs verify, yet its totals or root are not the program's: the program and the circuit disagree. */
  programFaults: VerifyError[];
  /** Whether the batch check combined every proof into one. */
  combined: boolean;
}

/**
 * Judge `lead` and `others` (secondaries with the lead's root) in the order of §6.7: the public inputs, every proof in
 * one randomised batch, then (the lead) the program's totals and root, and the program's table.
 */
export async function judgePackages(ctx: ProofContext, numbers: MonthNumbers | undefined, lead: OpenedPackage, others: readonly OpenedPackage[]): Promise<Judgement> {
  const invalid = new Map<OpenedPackage, VerifyError>();
  const parsed: Parsed[] = [];
  for (const p of [lead, ...others]) {
    try {
      parsed.push(publicsOfPackage(ctx, p));
    } catch (e) {
      if (!(e instanceof VerifyError)) throw e;
      invalid.set(p, e);
    }
  }
  const items = parsed.flatMap((x) => x.items.flatMap((it, batch) => (it ? [{ owner: x, batch, ...it }] : [])));
  ctx.onProgress?.(0, items.length);
  const result = await ctx.system.verifyMany(ctx.key, items.map((it) => ({ proof: it.proof, publicSignals: it.publicSignals })), {
    ...ctx.workers, ...(ctx.randomBytes ? { randomBytes: ctx.randomBytes } : {}), ...(ctx.signal ? { signal: ctx.signal } : {}),
    onProgress: (p) => ctx.onProgress?.(p.done, p.total),
  });
  result.results.forEach((r, i) => {
    const it = items[i];
    if (it && !r.ok && !invalid.has(it.owner.pkg)) {
      invalid.set(it.owner.pkg, new VerifyError(r.code.startsWith('PROOF_') ? r.code : 'PROOF_INVALID', `batch ${it.batch} of ${it.owner.pkg.entry.actuary}'s package: ${r.message}`, { actuary: it.owner.pkg.entry.actuary, batch: it.batch }));
    }
  });
  const programFaults: VerifyError[] = [];
  const leadParsed = parsed.find((x) => x.pkg === lead && !invalid.has(lead));
  const totals = leadParsed?.publics[0];
  if (numbers && totals) {
    if (totals.F !== numbers.F || totals.W !== numbers.W || totals.R !== numbers.R) {
      programFaults.push(new VerifyError('PROGRAM_TOTALS_MISMATCH', 'the lead\'s proofs verify, but the program\'s F, W, R differ from theirs: the pinned program and the batch circuit compute different months', {
        program: { F: numbers.F.toString(), W: numbers.W.toString(), R: numbers.R.toString() }, proofs: { F: totals.F.toString(), W: totals.W.toString(), R: totals.R.toString() },
      }));
    }
    if (numbers.table && BigInt('0x' + lead.pkg!.newRoot) !== numbers.table.root) {
      programFaults.push(new VerifyError('PROGRAM_OUTPUT_MISMATCH', 'the lead\'s proofs verify, but the program\'s allocations do not hash to the proven root: the pinned program and the batch circuit compute different months', {
        program: numbers.table.root.toString(16).padStart(64, '0'), proven: lead.pkg!.newRoot,
      }));
    }
  }
  for (const x of parsed) {
    const table = numbers?.table;
    if (table && !invalid.has(x.pkg) && x.pkg.pkg!.tableSha256 !== table.sha256) {
      invalid.set(x.pkg, new VerifyError('TABLE_HASH_MISMATCH', 'the package names another allocation table than the program\'s', { package: x.pkg.pkg!.tableSha256, program: table.sha256, actuary: x.pkg.entry.actuary }));
    }
  }
  return {
    invalid, proven: parsed.map((x) => x.pkg).filter((p) => !invalid.has(p)), programFaults, combined: result.combined,
    ...(leadParsed ? { leadPublics: leadParsed.publics } : {}),
  };
}

/**
 * The genesis' proof system and its first verification key as inscribed (a key that starts as JSON must parse as
 * JSON), checked by the proof system (what needs its curve engine is checked where the proofs are verified).
 */
export function verificationKeyOf(genesis: GenesisPayload, records: ReadonlyMap<string, FileRecord>): { system: ProofSystem; key: unknown } {
  const system = proofSystemFor(genesis.proof_system);
  const ref = genesis.verification_keys[0];
  if (!ref) throw new RangeError('a genesis names at least one verification key');
  const body = objectBody(records, ref, 'verification key');
  let input: unknown = body;
  const text = utf8.decodeStrict(body);
  if (text !== undefined && text.trimStart().startsWith('{')) {
    try { input = JSON.parse(text); } catch { throw new VerifyError('PROOF_KEY_MALFORMED', 'the verification key is not JSON', {}); }
  }
  system.checkKey(input);
  return { system, key: input };
}

export interface ProofKeyInput {
  genesis: GenesisPayload;
  records: ReadonlyMap<string, FileRecord>;
}

/** The verification key, read before any package is judged (a key the genesis pins that does not parse fails the month). */
export function verifyProofKey({ genesis, records }: ProofKeyInput): StepResult<{ system: ProofSystem; key: unknown }> {
  try {
    return { checks: [], value: verificationKeyOf(genesis, records) };
  } catch (e) {
    if (!(e instanceof VerifyError)) throw e;
    return { checks: [failed('proofs', e)] };
  }
}

export interface ProofContextInput {
  month: number;
  batchSize: number;
  key: { system: ProofSystem; key: unknown };
  tables: MonthTables;
  numbers: MonthNumbers;
  /** Quick depth: the depositor whose batch alone is proven (batch 0 when absent from the inputs). */
  user?: string;
  quick?: boolean;
  randomBytes?: (n: number) => Uint8Array;
  /** Batch proofs verified so far and in all (the step reports them as it goes). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  workers?: ProofWorkers;
}

/** The public data every package is proven against: previous batch roots, inputs batch roots with the program's rates. */
export function proofContext(input: ProofContextInput): ProofContext | undefined {
  const { tables, month, batchSize: B, numbers } = input;
  const inputs = tables.inputs?.table;
  if (!inputs || tables.previous === undefined) return undefined;
  const previous = tables.previous;
  const count = batchCount(inputs.rows, B);
  let only: number | undefined;
  if (input.quick) {
    const row = input.user === undefined ? -1 : inputs.userIds.indexOf(input.user);
    only = row < 0 ? 0 : Math.floor(row / B);
  }
  // Only the rows of the batches proven here are read (quick mode: one batch).
  const first = (only ?? 0) * B;
  const end = only === undefined ? inputs.rows : Math.min(inputs.rows, first + B);
  const offset = Array<bigint>(only ?? 0).fill(0n);
  const prevRows = previous ? Array.from(previous.allocations.subarray(first, end)) : [];
  const inputsRows = inputs.userIds.slice(first, end).map((u, k) => {
    const i = first + k;
    return { uid: userIdField(u), alive: inputs.alive[i] === 1, deposit: inputs.deposit[i] ?? 0n, q: BigInt(numbers.q[i] ?? 0) };
  });
  const n = only === undefined ? count : 1;
  return {
    system: input.key.system, key: input.key.key, month, batchCount: count,
    prevBatchRoots: [...offset, ...previousCommitments(month, prevRows, B, n)],
    inputsBatchRoots: [...offset, ...inputsCommitments(month, inputsRows, B, n)],
    ...(only === undefined ? {} : { onlyBatch: only }), ...(input.randomBytes ? { randomBytes: input.randomBytes } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}), ...(input.signal ? { signal: input.signal } : {}),
    ...(input.workers ? { workers: input.workers } : {}),
  };
}

/** The secondaries judged with the lead: counted, of status `valid`, with the lead's root, in race order. */
export function agreeingOf(round: { reveal: { packages: readonly OpenedPackage[] }; leadPackage?: OpenedPackage }): OpenedPackage[] {
  const root = round.leadPackage?.pkg?.newRoot;
  return round.reveal.packages.filter((p) => p.entry.status === 'counted' && p.status === 'valid' && p.pkg.newRoot === root)
    .sort((a, b) => (a.entry.rank ?? 0) - (b.entry.rank ?? 0));
}

/**
 * The proofs step's checks for the round the month rests on: the lead's package (a failure when it is not valid and
 * no earlier step reported it: `leadReported`), each secondary's (invalid ones listed). The program's faults are
 * reported where they are found (the lottery step at full depth).
 */
export function judgementChecks(j: Judgement, lead: OpenedPackage, others: readonly OpenedPackage[], quick = false, leadReported = false): Check[] {
  const checks: Check[] = quick ? j.programFaults.map((e) => failed('proofs', e)) : [];
  for (const p of [lead, ...others]) {
    const why = j.invalid.get(p);
    if (why && p === lead) {
      if (!leadReported) checks.push(failed('proofs', why));
    }
    else if (why) checks.push(passed('proofs', `secondary ${p.entry.actuary}'s package is invalid: ${why.message}`, { actuary: p.entry.actuary, invalid: why.code }));
    else {
      const n = quick ? 1 : p.pkg?.batches.length ?? 0;
      checks.push(passed('proofs', `${p.entry.actuary}'s ${n} batch proof(s) verify (${j.combined ? 'one combined check' : 'one by one'}); Σ partials = globals; previous roots from the previous table, inputs roots from the inputs table and the program's rates${quick ? '' : '; the package names the program\'s table'}`, {
        actuary: p.entry.actuary, batches: p.pkg?.batches.length ?? 0, verified: n, F: p.pkg?.F.toString(), W: p.pkg?.W.toString(), R: p.pkg?.R.toString(),
      }));
    }
  }
  return checks;
}
