/**
 * The adversarial vectors (vectors/adversarial/<case>/): for every rejection code of docs/protocol.md §14.2 a month in
 * which exactly that rule is broken, so that the code is the month's **first failing check**; months the protocol
 * absorbs (a disputed KEM, an invalid lead and a new draw, junk packages, a failed month, an outsider's spam) that
 * must verify, listing the information codes of §14.3; and verification options (another genesis id, network,
 * checkpoint, a depositor) on another case's chain. Each case is a small chain (5 actuaries, batch size 1): setup,
 * month 1 played honestly, month 2 played as `month` says (scripts.ts).
 */
import { bytesToHex } from '../../core/bytes';
import type { NetworkName } from '../../core/chain/network';
import type { FinalPayload, GenesisPayload } from '../../core/protocol/payloads';
import type { AllocationRow } from '../../core/table/allocation';
import type { MonthScript, SetupScript } from './scripts';

export interface CaseSpec {
  /** The code that must be the first failing check (§14.2, or §14.4 when `unavailable`), or null: the month must verify. */
  code: string | null;
  /** The code is one of the user's settings (§14.4): the month must end unavailable, not rejected. */
  unavailable?: true;
  step: string;
  what: string;
  /** Information codes (§14.3) the report must list. */
  info?: string[];
  /** A penalty the verified month's final must carry (and the verifier recompute). */
  penalty?: string;
  /** An earlier month that must have failed, and its first failing code. */
  failed?: { month: number; code: string };
  /** How to verify: the month (default 2), depth and depositor, or another genesis id, client network, checkpoint. */
  verify?: { month?: number; depth?: 'quick'; user?: 'row1' | 'nobody'; genesis?: 'malformed' | 'program'; clientNetwork?: NetworkName; checkpoint?: 'wrong' };
  /** The chain of another case, verified with other options. */
  chain?: string;
  setup?: SetupScript;
  month?: MonthScript;
  /** An honest month follows the adversarial one (and is the one verified). */
  monthAfter?: boolean;
  /** The outsider writes to the markers (outsider.ts). */
  outsider?: boolean;
}

const genesisOnly = (s: SetupScript): SetupScript => ({ ...s, setupOnly: true });
/** A genesis without `params.months`: finals are found on the markers (docs/protocol.md §2.4.1, last item). */
const withoutMonthOutpoints = (g: GenesisPayload): GenesisPayload => {
  const { months: _months, ...params } = g.params;
  return { ...g, params };
};
const keepLead = (fault: NonNullable<MonthScript['invalidLeads']>[number]): MonthScript => ({ invalidLeads: [fault], group: { keepInvalidLead: true } });
const editFinal = (edit: (p: FinalPayload, ctx: { secondaries: string[] }) => FinalPayload): MonthScript => ({ group: { editFinal: edit } });
const flip = (hex: string): string => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');
const intruder = (kind: NonNullable<SetupScript['intruder']>): Pick<CaseSpec, 'setup' | 'month'> => ({ setup: { intruder: kind }, month: { intruderCommits: true } });
const dispute = (edit: (shares: { party: number; share: string; e: string; z: string }[], t: number) => typeof shares): MonthScript => ({
  secondaries: [{ package: 'broken-kem' }],
  group: { editReveal: (p) => ({ ...p, disputes: p.disputes!.map((d) => ({ ...d, shares: edit(d.shares, d.shares.length) })) }) },
});

/** One Dreybit moved from the first funded member after row 1 to row 1: same total, rows that no longer hash to the root. */
function moveOneDreybit(rows: AllocationRow[]): AllocationRow[] {
  const from = rows.findIndex((r, i) => i > 1 && r.allocation > 0n);
  return rows.map((r, i) => (i === 1 ? { ...r, allocation: r.allocation + 1n } : i === from ? { ...r, allocation: r.allocation - 1n } : r));
}

export const ADVERSARIAL_CASES = {
  // ---- months that verify
  honest: { code: null, step: 'rewards', what: 'two honest months; month 2 verifies' },
  // Kept without month outpoints: its month 2, recorded (vectors/month-sources), is the step tests' real data.
  'kem-disputed': { code: null, penalty: 'unopenable', setup: { genesis: withoutMonthOutpoints }, step: 'reveal', what: 'an instance without month outpoints: a secondary encrypts its package key with randomness not derived from the key; the group proves the key with threshold decryption shares, the package is unopenable and penalised, and the month is verified', month: { secondaries: [{ package: 'broken-kem' }] } },
  'month-failed': { code: null, verify: { month: 3 }, failed: { month: 2, code: 'REVEAL_MISSING' }, monthAfter: true, step: 'signatures', what: "month 2 fails (the group never reveals, so there is no final); month 3 starts from month 1's table and month log and is verified", month: { group: { reveal: 'never', final: 'never' } } },
  'lead-invalid-redraw': { code: null, penalty: 'unopenable', step: 'lottery', what: "attempt 0's lead commits a package that does not open; the group reveals it, the lottery draws again excluding that lead, and attempt 1 is finalised", month: { invalidLeads: ['unopenable'] } },
  'lead-proof-redraw': { code: null, penalty: 'invalid_package', step: 'lottery', what: "attempt 0's lead commits a package whose batch 0 carries batch 1's proof; the group reveals it and the lottery draws again", month: { invalidLeads: ['proof-invalid'] } },
  'package-malformed': { code: null, info: ['REVEAL_PACKAGE_MALFORMED'], penalty: 'invalid_package', step: 'reveal', what: 'a counted secondary seals a plaintext that is no v1 package: invalid and penalised, the month verifies', month: { secondaries: [{ package: 'malformed' }] } },
  'package-signature': { code: null, info: ['REVEAL_PACKAGE_SIGNATURE'], penalty: 'invalid_package', step: 'reveal', what: "a counted secondary's package is signed by another key", month: { secondaries: [{ package: 'bad-signature' }] } },
  'package-context': { code: null, info: ['REVEAL_PACKAGE_CONTEXT'], penalty: 'invalid_package', step: 'reveal', what: "a counted secondary's package names the next month", month: { secondaries: [{ package: 'wrong-context' }] } },
  'outsider-spam': { code: null, outsider: true, info: ['INSCRIPTION_NOT_TAPROOT', 'MESSAGE_MALFORMED', 'MESSAGE_COPY', 'STAKE_NOT_CONTROLLED', 'LOTTERY_ANCHOR_MISMATCH'], step: 'signatures', what: "an outsider pays the markers, hides a drey/1 envelope in a P2WSH witness, inscribes junk, a loose final, a message naming 2,000 ids, a final and a commit under its own key, copies of real messages, a 300 KB envelope and 400 dust payments; month 2 verifies (what it writes after month 2's final is never read: the markers are listed back from the final)" },
  'user-not-found': { code: null, chain: 'honest', info: ['MERKLE_USER_NOT_FOUND'], verify: { depth: 'quick', user: 'nobody' }, step: 'roots', what: 'a quick check for a user id that is not in the table: information, the month verifies' },

  // ---- the user's settings (another case's chain)
  'anchor-genesis-id': { code: 'ANCHOR_GENESIS_ID', unavailable: true, chain: 'honest', verify: { genesis: 'malformed' }, step: 'anchors', what: 'the genesis id is not <txid>i<index>' },
  'anchor-network-mismatch': { code: 'ANCHOR_NETWORK_MISMATCH', unavailable: true, chain: 'honest', verify: { clientNetwork: 'testnet' }, step: 'anchors', what: 'the client is set for testnet, the month is regtest' },
  'anchor-checkpoint-mismatch': { code: 'ANCHOR_CHECKPOINT_MISMATCH', unavailable: true, chain: 'honest', verify: { checkpoint: 'wrong' }, step: 'anchors', what: 'the user expects another block hash at a checkpoint height' },
  'anchor-genesis-missing': { code: 'ANCHOR_GENESIS_MISSING', chain: 'honest', verify: { genesis: 'program' }, step: 'signatures', what: 'the genesis id names the allocation program, not a genesis message' },

  // ---- the founders' genesis
  'genesis-param-range': { code: 'GENESIS_PARAM_RANGE', setup: genesisOnly({ params: { reveal_confirmations: 1 } }), verify: { month: 1 }, step: 'signatures', what: 'reveal_confirmations is 1 (bounds 6..1,000)' },
  'genesis-race-delay': { code: 'GENESIS_RACE_DELAY', setup: genesisOnly({ params: { race_delay: 6 } }), verify: { month: 1 }, step: 'signatures', what: 'race_delay is 6, below the floor of 7' },
  'genesis-batch-size': { code: 'GENESIS_BATCH_SIZE', setup: genesisOnly({ params: { batch_size: 2 } }), verify: { month: 1 }, step: 'signatures', what: 'batch_size is 2: a power of two but not of four' },
  'genesis-super-majority': { code: 'GENESIS_SUPER_MAJORITY', setup: genesisOnly({ params: { super_majority: { num: 1, den: 2 } } }), verify: { month: 1 }, step: 'signatures', what: 'super_majority is 1/2, not above one half' },
  'genesis-reward-shares': { code: 'GENESIS_REWARD_SHARES', setup: genesisOnly({ params: { reward_shares: [6000, 5000] } }), verify: { month: 1 }, step: 'signatures', what: 'reward_shares add up to 11,000 basis points' },
  'genesis-month-too-short': { code: 'GENESIS_MONTH_TOO_SHORT', setup: genesisOnly({ params: { blocks_per_month: 30 } }), verify: { month: 1 }, step: 'signatures', what: '30 blocks per month, while three attempts of 25 blocks may take 75' },
  'genesis-start-height': { code: 'GENESIS_START_HEIGHT', setup: genesisOnly({ genesis: (g) => ({ ...g, params: { ...g.params, start_height: g.params.start_height - 3 } }) }), verify: { month: 1 }, step: 'signatures', what: "month 1's anchor is the genesis' own block" },
  'genesis-group': { code: 'GENESIS_GROUP', setup: genesisOnly({ genesis: (g) => ({ ...g, bls: { ...g.bls, threshold: 2 } }) }), verify: { month: 1 }, step: 'signatures', what: 'the lottery key is 2 of 5: a minority of the group could draw' },
  'genesis-paillier': { code: 'GENESIS_PAILLIER', setup: genesisOnly({ genesis: (g) => ({ ...g, paillier: { ...g.paillier, v: '00' } }) }), verify: { month: 1 }, step: 'signatures', what: 'the Paillier share verification base v is 0' },
  'genesis-month-outputs': { code: 'GENESIS_MONTH_OUTPUTS', setup: genesisOnly({ monthOutputs: 'wrong-key' }), verify: { month: 1 }, step: 'signatures', what: "the genesis transaction's last month outpoint pays another key than the group's, so that month's final could not be told" },
  'genesis-proof-system': { code: 'GENESIS_PROOF_SYSTEM', setup: genesisOnly({ genesis: (g) => ({ ...g, proof_system: 'plonk-bn254-v1' }) }), verify: { month: 1 }, step: 'signatures', what: 'the genesis names a proof system v1 does not define' },

  // ---- the Proof-of-Life service
  'inputs-missing': { code: 'TABLE_INPUTS_MISSING', step: 'tables', what: 'the Proof-of-Life service never publishes month 2\'s inputs; the actuaries play the month anyway', month: { inputs: { timing: 'never' } } },
  'inputs-late': { code: 'TABLE_INPUTS_LATE', step: 'tables', what: 'the inputs confirm one block after the anchor', month: { inputs: { timing: 'late' } } },
  'inputs-row-order': { code: 'TABLE_ROW_ORDER', step: 'tables', what: 'the inputs table swaps two of the previous table\'s rows', month: { inputs: { swapRows: true } } },
  'part-missing': { code: 'TABLE_PART_MISSING', step: 'tables', what: 'the inputs table\'s part is inscribed without the drey/1 metaprotocol', month: { inputs: { part: 'not-drey' } } },
  'part-content-type': { code: 'TABLE_CONTENT_TYPE', step: 'tables', what: 'the inputs table\'s part is inscribed as application/json', month: { inputs: { part: 'json-content' } } },
  'part-hash': { code: 'TABLE_PART_HASH', step: 'tables', what: 'the inputs message lists another SHA-256 for its part', month: { inputs: { part: 'wrong-hash' } } },

  // ---- the pinned program and verification key
  'program-trap': { code: 'PROGRAM_TRAP', setup: { program: 'trap' }, step: 'program', what: 'the genesis pins a program that traps' },
  'program-totals': { code: 'PROGRAM_TOTALS_MISMATCH', setup: { program: 'totals' }, step: 'agreement', what: 'the genesis pins a program that reports R one higher than the circuit proves' },
  'program-output': { code: 'PROGRAM_OUTPUT_MISMATCH', setup: { program: 'output' }, step: 'agreement', what: 'the genesis pins a program that moves one Dreybit to the reserve row: its table is not the proven one' },
  'proof-key-malformed': { code: 'PROOF_KEY_MALFORMED', setup: { vkey: 'malformed' }, step: 'program', what: 'the genesis pins a verification key that is cut in half' },

  // ---- the lottery
  'lottery-missing': { code: 'LOTTERY_MISSING', step: 'lottery', what: 'no lottery signature is ever published for attempt 0', month: { lottery: 'never', stopAfterLottery: true } },
  'lottery-late': { code: 'LOTTERY_LATE', step: 'lottery', what: "attempt 0's lottery signature is inscribed only after attempt 0's lead window; its lead commits and is finalised anyway", month: { lottery: 'late' } },
  'lottery-no-candidates': { code: 'LOTTERY_NO_CANDIDATES', step: 'lottery', what: 'every stake is spent in the anchor block: nobody is eligible when the lottery draws', month: { spendStakes: 'all', stopAfterLottery: true } },
  'lottery-wrong-lead': { code: 'LOTTERY_WRONG_LEAD', step: 'lottery', what: "attempt 0's lead commits one block after its window; the group finalises it anyway", month: { leadLate: true } },

  // ---- the race and who may race
  'race-no-quorum': { code: 'RACE_NO_QUORUM', step: 'race', what: 'one of four eligible secondaries commits; the group reveals and finalises anyway', month: { absent: 3 } },
  'race-void-counted': { code: 'RACE_VOID_COUNTED', step: 'reveal', what: 'the reveal counts a commit made at h_L + 3', month: { secondaries: [{ timing: 'void', countedByGroup: true }] } },
  'race-late-counted': { code: 'RACE_LATE_COUNTED', step: 'reveal', what: 'the reveal counts a commit made after the race window', month: { secondaries: [{ timing: 'late', countedByGroup: true }] } },
  'race-repeat-counted': { code: 'RACE_REPEAT_COUNTED', step: 'reveal', what: "the reveal counts an actuary's second commit", month: { secondaries: [{ timing: 'repeat' }] } },
  'race-other-attempt-counted': { code: 'RACE_OTHER_ATTEMPT_COUNTED', step: 'reveal', what: 'the reveal counts a commit that answers attempt 1', month: { secondaries: [{ timing: 'other-attempt', countedByGroup: true }] } },
  'non-actuary-commit': { code: 'MESSAGE_NOT_ACTUARY', ...intruder('unregistered'), step: 'reveal', what: 'a commit signed by a key that never registered is counted in the reveal and rewarded in the final' },
  'keylink-bad': { code: 'MESSAGE_BAD_KEYLINK', ...intruder('bad-keylink'), step: 'reveal', what: 'a key registered with a key link from a key that never registered is counted' },
  'stake-registered-late': { code: 'STAKE_REGISTERED_LATE', ...intruder('registered-late'), step: 'reveal', what: 'a key registered after the anchor is counted' },
  'stake-missing': { code: 'STAKE_MISSING', ...intruder('missing'), step: 'reveal', what: 'a key whose stake transaction does not exist is counted' },
  'stake-not-p2tr': { code: 'STAKE_NOT_P2TR', ...intruder('not-p2tr'), step: 'reveal', what: 'a key staking a P2WPKH output is counted' },
  'stake-not-controlled': { code: 'STAKE_NOT_CONTROLLED', ...intruder('not-controlled'), step: 'reveal', what: "a key registered on another actuary's stake, which it cannot sign for, is counted" },
  'stake-duplicate': { code: 'STAKE_DUPLICATE', ...intruder('duplicate'), step: 'reveal', what: 'an actuary registers a second key on its own stake outpoint; the second key is counted' },
  'stake-too-low': { code: 'STAKE_TOO_LOW', ...intruder('too-low'), step: 'reveal', what: 'a key staking 400,000 sats (minimum 500,000) is counted' },
  'stake-spent': { code: 'STAKE_SPENT', step: 'reveal', what: "a secondary's stake outpoint is spent in the anchor block; it still races, is counted and rewarded", month: { spendStakes: 'one' } },

  // ---- the group's reveal
  'reveal-missing': { code: 'REVEAL_MISSING', step: 'reveal', what: 'the group never reveals, yet finalises', month: { group: { reveal: 'never' } } },
  'reveal-too-early': { code: 'REVEAL_TOO_EARLY', step: 'reveal', what: 'the reveal confirms five blocks after the last counted commit', month: { group: { reveal: 'early' } } },
  'reveal-too-late': { code: 'REVEAL_TOO_LATE', step: 'reveal', what: 'the reveal confirms one block after its window', month: { group: { reveal: 'late' } } },
  'reveal-unknown-commit': { code: 'REVEAL_UNKNOWN_COMMIT', step: 'reveal', what: 'the reveal gives a key for the inputs message, which is no commit', month: { group: { editReveal: (p, c) => ({ ...p, keys: [...p.keys, { commit: c.inputsId, key: bytesToHex(c.rng(32)) }] }) } } },
  'reveal-malformed': { code: 'REVEAL_MALFORMED', step: 'reveal', what: 'the reveal names a counted commit twice', month: { group: { editReveal: (p) => ({ ...p, keys: [...p.keys, p.keys[1]!] }) } } },
  'reveal-key-missing': { code: 'REVEAL_KEY_MISSING', step: 'reveal', what: 'the reveal leaves out the last counted secondary', month: { group: { editReveal: (p) => ({ ...p, keys: p.keys.slice(0, -1) }) } } },
  'reveal-key-wrong': { code: 'REVEAL_KEM_MISMATCH', step: 'reveal', what: "the reveal gives the lead's commit a key that does not re-encrypt to its KEM ciphertext", month: { group: { editReveal: (p, c) => ({ ...p, keys: p.keys.map((k, i) => (i === 0 ? { ...k, key: bytesToHex(c.rng(32)) } : k)) }) } } },
  'dispute-share-invalid': { code: 'REVEAL_SHARE_INVALID', step: 'reveal', what: "a dispute's first decryption share carries a proof that does not verify", month: dispute((s) => s.map((x, i) => (i === 0 ? { ...x, z: flip(x.z) } : x))) },
  'dispute-share-duplicate': { code: 'REVEAL_SHARE_DUPLICATE', step: 'reveal', what: 'a dispute lists one party\'s share twice', month: dispute((s) => [...s, s[0]!]) },
  'dispute-shares-too-few': { code: 'REVEAL_SHARES_TOO_FEW', step: 'reveal', what: 'a dispute carries one share fewer than the threshold', month: dispute((s, t) => s.slice(0, t - 1)) },
  'dispute-key-contradicts': { code: 'REVEAL_KEY_CONTRADICTS_SHARES', step: 'reveal', what: 'the group reveals another key for a disputed commit than its decryption shares prove', month: { secondaries: [{ package: 'broken-kem' }], group: { editReveal: (p, c) => ({ ...p, keys: p.keys.map((k) => (k.commit === p.disputes![0]!.commit ? { ...k, key: bytesToHex(c.rng(32)) } : k)) }) } } },

  // ---- the group finalises a lead whose package is not valid, instead of drawing again
  'lead-invalid-finalised': { code: 'AGREEMENT_LEAD_INVALID', step: 'agreement', what: "attempt 0's lead's package does not open; the group finalises it instead of drawing again", month: keepLead('unopenable') },
  'proof-batch-count': { code: 'PROOF_BATCH_COUNT', step: 'proofs', what: "the finalised lead's package has one batch fewer than the inputs make", month: keepLead('batch-count') },
  'proof-batch-sums': { code: 'PROOF_BATCH_SUMS', step: 'proofs', what: "the finalised lead's package's batch 0 claims one Dreybit more of F", month: keepLead('batch-sums') },
  'proof-root-mismatch': { code: 'PROOF_ROOT_MISMATCH', step: 'proofs', what: "the finalised lead's root is not the root of its batch roots", month: keepLead('root-mismatch') },
  'proof-invalid': { code: 'PROOF_INVALID', step: 'proofs', what: "batch 0 of the finalised lead's package carries batch 1's proof", month: keepLead('proof-invalid') },
  'table-hash-mismatch': { code: 'TABLE_HASH_MISMATCH', step: 'proofs', what: "the finalised lead's package names another table than the one its root and the program give", month: keepLead('table-hash') },

  // ---- the group's final
  'agreement-wrong-lead': { code: 'AGREEMENT_WRONG_LEAD', step: 'agreement', what: 'the final names a counted secondary as the lead', month: editFinal((p, c) => ({ ...p, lead: c.secondaries[0]! })) },
  'agreement-root-mismatch': { code: 'AGREEMENT_ROOT_MISMATCH', step: 'agreement', what: "the final's root is not the lead package's", month: editFinal((p) => ({ ...p, root: flip(p.root) })) },
  'race-no-agreement': { code: 'RACE_NO_AGREEMENT', step: 'agreement', what: 'two of four counted secondaries commit another root; the group finalises with 2 of 4 agreeing', month: { secondaries: [{ package: 'wrong-root' }, { package: 'wrong-root' }] } },
  // With month outpoints the markers are listed back from the final, so a reveal after it is never read (§2.4.1):
  // the rule is one of instances without them.
  'final-early': { code: 'AGREEMENT_FINAL_EARLY', setup: { genesis: withoutMonthOutpoints }, step: 'agreement', what: 'an instance without month outpoints: the group inscribes its final in the block of its reveal, ahead of the reveal', month: { group: { final: 'early' } } },
  'final-late': { code: 'AGREEMENT_FINAL_LATE', step: 'agreement', what: 'the group inscribes its final one block after the month end', month: { group: { final: 'late' } } },
  'merkle-root-mismatch': { code: 'MERKLE_ROOT_MISMATCH', step: 'roots', what: "the final's table moves one Dreybit to row 1: its rows no longer hash to the root", month: { group: { tableRows: moveOneDreybit } } },
  'merkle-batch-root-mismatch': { code: 'MERKLE_BATCH_ROOT_MISMATCH', chain: 'merkle-root-mismatch', verify: { depth: 'quick', user: 'row1' }, step: 'roots', what: "a quick check of row 1's depositor on the chain of merkle-root-mismatch: the batch does not hash to the proven batch root" },
  'log-size': { code: 'MERKLE_LOG_SIZE', step: 'roots', what: "the final's month log claims two new leaves", month: editFinal((p) => ({ ...p, log: { ...p.log, size: p.log.size + 1 } })) },
  'log-proof-length': { code: 'MERKLE_PROOF_LENGTH', step: 'roots', what: "the final's consistency proof carries one hash too many", month: editFinal((p) => ({ ...p, log: { ...p.log, consistency: [...p.log.consistency, '00'.repeat(32)] } })) },
  'month-log-inconsistent': { code: 'MERKLE_CONSISTENCY_MISMATCH', step: 'roots', what: "the final's month log head is not consistent with month 1's", month: editFinal((p) => ({ ...p, log: { ...p.log, root: flip(p.log.root) } })) },
  'log-inclusion': { code: 'MERKLE_INCLUSION_MISMATCH', step: 'roots', what: "the final's inclusion proof of this month's leaf is altered", month: editFinal((p) => ({ ...p, log: { ...p.log, inclusion: p.log.inclusion.map((h, i) => (i === 0 ? flip(h) : h)) } })) },
  'reward-mismatch': { code: 'REWARD_MISMATCH', step: 'rewards', what: 'the final gives the lead one sat more', month: editFinal((p) => ({ ...p, rewards: p.rewards.map((r, i) => (i === 0 ? { ...r, sats: r.sats + 1 } : r)) })) },
  'penalty-mismatch': { code: 'REWARD_PENALTY_MISMATCH', step: 'rewards', what: 'the final penalises the lead for disagreeing', month: editFinal((p) => ({ ...p, penalties: [...p.penalties, { actuary: p.lead, reason: 'disagreed', sats: 5000 }] })) },
  'final-not-spender': { code: 'AGREEMENT_NO_FINAL', step: 'ranking', what: "the group signs a final but inscribes it without spending the month's outpoint: it is not the month's final, so the month has none", month: { group: { final: 'unspent' } } },
  'no-final': { code: 'AGREEMENT_NO_FINAL', step: 'ranking', what: 'the group reveals but never publishes a final', month: { group: { final: 'never' } } },
} satisfies Record<string, CaseSpec>;

export type AdversarialCase = keyof typeof ADVERSARIAL_CASES;
export const ADVERSARIAL_CASE_NAMES = Object.keys(ADVERSARIAL_CASES) as AdversarialCase[];
