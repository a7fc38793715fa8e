/**
 * The adversarial months and the error code each must be rejected with (vectors/adversarial/<case>/expected.json); a
 * case with no code is misbehaviour the protocol absorbs: the month (2 unless named) must verify, with the penalty named, after
 * the failed month named, if any.
 */

export const ADVERSARIAL_CASES = {
  'lead-root-wrong': { code: 'RACE_NO_AGREEMENT', step: 'agreement', what: "the lead's package names a wrong root; every revealed secondary disagrees, yet the group finalises the lead's root" },
  'proof-invalid': { code: 'PROOF_INVALID', step: 'proofs', what: "batch 0 of the lead's package carries batch 1's proof" },
  'non-actuary-commit': { code: 'MESSAGE_NOT_ACTUARY', step: 'eligibility', what: 'a commit signed by a key that never registered is counted in the reveal and rewarded in the final' },
  'stake-spent': { code: 'STAKE_SPENT', step: 'eligibility', what: "a secondary's stake outpoint is spent in the anchor block; it still races and is rewarded" },
  'reveal-key-wrong': { code: 'REVEAL_KEM_MISMATCH', step: 'reveal', what: "the reveal gives the lead's commit a key that does not re-encrypt to its KEM ciphertext" },
  'final-table-root': { code: 'MERKLE_ROOT_MISMATCH', step: 'merkle', what: "the final's allocation table moves one Dreybit between rows 0 and 1: its rows no longer hash to the root" },
  'month-log-inconsistent': { code: 'MERKLE_CONSISTENCY_MISMATCH', step: 'merkle', what: "the final's month log is rebuilt over another month-1 leaf: no consistency with month 1's head" },
  'lottery-late': { code: 'LOTTERY_LATE', step: 'lottery', what: "attempt 0's lottery signature is inscribed only after attempt 0's lead window; its lead commits and is finalised anyway" },
  'final-early': { code: 'AGREEMENT_FINAL_EARLY', step: 'agreement', what: 'the group inscribes its final in the block of its reveal, ahead of the reveal' },
  'final-late': { code: 'AGREEMENT_FINAL_LATE', step: 'agreement', what: 'the group inscribes its final one block after the month end' },
  'kem-disputed': { code: null, penalty: 'unopenable', step: 'reveal', what: "a secondary encrypts its package key with randomness not derived from the key; the group proves the key with threshold decryption shares, the package is unopenable and penalised, and the month is verified" },
  'month-failed': { code: null, month: 3, failed: { month: 2, code: 'AGREEMENT_NO_FINAL' }, step: 'signatures', what: "month 2 fails (the group never reveals, so there is no final); month 3 starts from month 1's table and month log and is verified" },
} as const;

export type AdversarialCase = keyof typeof ADVERSARIAL_CASES;
export const ADVERSARIAL_CASE_NAMES = Object.keys(ADVERSARIAL_CASES) as AdversarialCase[];
