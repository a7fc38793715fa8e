/**
 * Every code a person can meet (codes.ts), said in plain words: what it means and what they can do. The app, the
 * widget and the CLI's human output show these; keyed by `VerifyCode | InternalCode`, so a code without a sentence
 * does not type-check.
 */
import type { InternalCode, VerifyCode } from './codes';

export interface CodeHelp {
  /** What happened, in one or two plain sentences. */
  what: string;
  /** What the person can do about it. */
  todo: string;
}

/** The hosts could not give an answer: nothing is concluded about the month. */
const RETRY = 'Nothing is concluded about the month. Try again later, or add a second Esplora host so the verifier can fail over.';
/** A host served data that fails its own hash, proof of work or Merkle proof. */
const HOST = 'A host served data that does not check out. Use another Esplora host; if every host serves this, keep the exported report and report it.';
/** A finding about the published month. */
const PROTOCOL = 'The published month breaks the protocol here. This is a finding about the month, not about your setup: keep the exported report as evidence.';
/** Something in the month's inscriptions is malformed. */
const MALFORMED = 'An inscription the month relies on is malformed, so the month cannot be verified from it. Keep the exported report as evidence.';
const SETTINGS = 'Check the network, the Esplora hosts and the genesis id in the settings.';
const BUG = 'This is a bug in the verifier, not a finding about the month. Reload the page and verify again; if it happens again, export the report and report the bug.';

const protocol = (what: string): CodeHelp => ({ what, todo: PROTOCOL });
const host = (what: string): CodeHelp => ({ what, todo: HOST });
const malformed = (what: string): CodeHelp => ({ what, todo: MALFORMED });
const retry = (what: string): CodeHelp => ({ what, todo: RETRY });
/** Listed for information: what the verifier ignored or how it judged an item; never a failure. */
const info = (what: string): CodeHelp => ({ what, todo: 'Nothing to do: this is listed for information and does not change the verdict.' });

export const CODE_HELP: Record<VerifyCode | InternalCode, CodeHelp> = {
  // Trust anchors: the settings the verification starts from (a mismatch is the user's setting, not the month's fault).
  ANCHOR_GENESIS_ID: { what: 'The genesis id is not an inscription id of the form <txid>i<index>. Nothing is concluded about the month.', todo: 'Correct the genesis id: copy it again from the deployment’s published settings.' },
  ANCHOR_GENESIS_MISSING: { what: 'The genesis id does not name a Drey genesis message on this chain.', todo: SETTINGS },
  ANCHOR_NETWORK_MISMATCH: { what: 'The Esplora hosts are set for another Bitcoin network than the one chosen. Nothing is concluded about the month.', todo: SETTINGS },
  ANCHOR_CHECKPOINT_MISMATCH: { what: 'The hosts name another block than the checkpoint you trust at that height: they follow another chain. Nothing is concluded about the month.', todo: 'Check the checkpoint, then use hosts that follow the chain you trust.' },

  // The genesis' own rules (docs/protocol.md §4.2.1): the founders' faults.
  GENESIS_PARAM_RANGE: protocol('A parameter the genesis fixes is outside the range the protocol allows.'),
  GENESIS_RACE_DELAY: protocol('The genesis lets the secondaries race too soon after the lead commits (fewer than 7 blocks).'),
  GENESIS_BATCH_SIZE: protocol('The genesis fixes a batch size the protocol does not define (1, 4, 16 or 64).'),
  GENESIS_SUPER_MAJORITY: protocol('The genesis’ super-majority is not more than half, so two camps could both claim it.'),
  GENESIS_REWARD_SHARES: protocol('The genesis’ reward shares do not split the pool exactly, or pay a later rank more.'),
  GENESIS_MONTH_TOO_SHORT: protocol('The genesis’ month is shorter than its own attempts can last, so one month could run into the next.'),
  GENESIS_START_HEIGHT: protocol('The genesis starts its first month before its own block, so no actuary could register in time.'),
  GENESIS_MONTH_OUTPUTS: protocol('The genesis transaction lacks an output that should mark where a month’s final is published, so finals could not be found.'),
  GENESIS_GROUP: protocol('The genesis’ actuary groups differ in size, or a threshold is not a majority of its group.'),
  GENESIS_PAILLIER: protocol('The genesis’ encryption key for disputes is not a valid key of the size the protocol requires.'),
  GENESIS_PROOF_SYSTEM: protocol('The genesis names a proof system that protocol v1 does not define.'),

  // Messages and who may sign them.
  MESSAGE_NOT_AUTHORISED: info('A message signed by a key that may not publish its kind was ignored.'),
  MESSAGE_WRONG_MONTH: info('A message published where its kind or month does not belong was ignored.'),
  MESSAGE_NOT_ACTUARY: protocol('An actuary the month counts never registered as an actuary.'),
  MESSAGE_BAD_KEYLINK: protocol('An actuary linked a new key to an old key that had not registered before.'),
  MESSAGE_MALFORMED: malformed('A protocol message is not well-formed JSON with the expected fields.'),
  MESSAGE_TOO_LARGE: malformed('A protocol message is larger than the protocol allows.'),
  MESSAGE_NOT_CANONICAL: malformed('A protocol message is not written in its one canonical form, so its signature cannot be trusted to mean one thing.'),
  MESSAGE_UNSUPPORTED_VERSION: malformed('A protocol message uses a version of the protocol this verifier does not know.'),
  MESSAGE_BAD_KEY: malformed('A message names a public key that is not a valid key.'),
  MESSAGE_BAD_SIGNATURE: protocol('A message’s signature does not verify for the key that claims to have signed it.'),
  MESSAGE_SIGNER_MISMATCH: protocol('A message names one signer inside and another outside.'),
  MESSAGE_WRONG_NETWORK: protocol('A message belongs to another Bitcoin network.'),
  MESSAGE_WRONG_GENESIS: protocol('A message names another genesis: it was copied from another deployment.'),
  MESSAGE_COPY: info('A message was published again, byte for byte; only its first copy counts and the others are ignored.'),
  INSCRIPTION_NOT_TAPROOT: info('An inscription that is not written the way the protocol requires (a taproot script spend) was ignored.'),

  // Eligibility and stakes.
  STAKE_REGISTERED_LATE: protocol('An actuary counted this month registered only after the month’s anchor block.'),
  STAKE_MISSING: { what: 'An actuary’s stake output could not be found on the hosts’ chain.', todo: 'If the hosts are complete, the actuary was not eligible; otherwise try another host. Keep the exported report.' },
  STAKE_NOT_P2TR: protocol('An actuary’s stake is not held in the kind of output (P2TR) the protocol requires.'),
  STAKE_NOT_CONTROLLED: protocol('An actuary registered a stake without proving that it controls it.'),
  STAKE_DUPLICATE: protocol('An actuary registered a stake that already backs another actuary.'),
  STAKE_TOO_LOW: protocol('An actuary’s stake holds less than the minimum stake.'),
  STAKE_SPENT: protocol('An actuary’s stake was spent before the month’s anchor block, so the actuary was not eligible.'),

  // The lottery that draws the lead.
  LOTTERY_ANCHOR_UNVERIFIED: retry('The month’s anchor block, which seeds the lottery, could not be verified from the hosts.'),
  LOTTERY_ANCHOR_MISMATCH: info('A lottery message made over another block than the month’s anchor block was ignored.'),
  LOTTERY_MISSING: protocol('No valid lottery signature was published for an attempt whose time has run out.'),
  LOTTERY_LATE: protocol('The lottery signature for an attempt was published only after that attempt’s deadline.'),
  LOTTERY_WRONG_LEAD: protocol('The final result names a lead other than the one the lottery drew.'),
  LOTTERY_MALFORMED: malformed('A lottery signature is not well-formed.'),
  LOTTERY_BAD_KEY: malformed('The actuaries’ group key for the lottery is not a valid key.'),
  LOTTERY_IDENTITY: protocol('A lottery signature is the trivial value that anyone could produce.'),
  LOTTERY_BAD_SIGNATURE: protocol('The lottery signature does not verify under the actuaries’ group key.'),
  LOTTERY_NO_CANDIDATES: protocol('The lottery had no eligible actuary left to draw.'),

  // The secondaries' commit race.
  RACE_NO_QUORUM: protocol('Fewer than a majority of the eligible secondaries committed in time.'),
  RACE_VOID_COUNTED: protocol('A secondary’s commit was counted although it was made before the race opened.'),
  RACE_LATE_COUNTED: protocol('A secondary’s commit was counted although it was made after the race closed.'),
  RACE_REPEAT_COUNTED: protocol('An actuary’s second commit was counted; only the first one counts.'),
  RACE_OTHER_ATTEMPT_COUNTED: protocol('A commit made for another attempt of the month was counted.'),
  RACE_NO_AGREEMENT: protocol('Too few of the counted secondaries agree with the lead’s result for the month to be accepted (those that hid, copied or broke their result count against it).'),

  // The reveal of the committed packages.
  REVEAL_MISSING: protocol('The actuaries never revealed the committed packages, and the time to do so has passed.'),
  REVEAL_TOO_EARLY: protocol('The packages were revealed before every commit had the confirmations the protocol asks for.'),
  REVEAL_TOO_LATE: protocol('The packages were revealed after the reveal window closed.'),
  REVEAL_UNKNOWN_COMMIT: protocol('The reveal names a commit that does not exist in this month.'),
  REVEAL_KEY_MISSING: protocol('The reveal gives no key for a commit the month counts, so that package cannot be opened.'),
  REVEAL_MALFORMED: malformed('The reveal is not well-formed (a commit named twice, or a malformed key or share).'),
  REVEAL_KEM_MISMATCH: protocol('A revealed key is not the one that was committed: the actuary changed its package after committing.'),
  REVEAL_SHARE_INVALID: protocol('A decryption share in a dispute is invalid: the actuaries’ group signed a false statement.'),
  REVEAL_SHARE_DUPLICATE: protocol('A dispute lists two decryption shares from the same party.'),
  REVEAL_SHARES_TOO_FEW: protocol('A dispute has fewer decryption shares than the threshold needs.'),
  REVEAL_KEY_CONTRADICTS_SHARES: protocol('The decryption shares prove another key than the one the actuaries’ group revealed.'),
  REVEAL_AEAD_FAILED: protocol('A committed package does not decrypt with its revealed key.'),
  REVEAL_PACKAGE_MALFORMED: info('A revealed package is not well-formed, so it counts as invalid and its actuary is penalised.'),
  REVEAL_PACKAGE_SIGNATURE: info('A package’s inner signature does not verify for its actuary, so it counts as invalid and its actuary is penalised.'),
  REVEAL_PACKAGE_CONTEXT: info('A package names another actuary, network, genesis or month than its commit, so it counts as invalid and its actuary is penalised.'),

  // The agreement on the month's result.
  AGREEMENT_LEAD_INVALID: protocol('The group accepted a lead whose own package is invalid instead of drawing a new lead, so the month’s result has nothing valid to rest on.'),
  AGREEMENT_WRONG_LEAD: protocol('The final result names a lead other than the one the lottery drew.'),
  AGREEMENT_ROOT_MISMATCH: protocol('The final result’s root is not the root of the lead’s package.'),
  AGREEMENT_NO_FINAL: protocol('The month ended without a final result: the month failed, and the next one starts from the last finished month.'),
  AGREEMENT_FINAL_EARLY: protocol('The final result was published before the reveal it rests on.'),
  AGREEMENT_FINAL_LATE: protocol('The final result was published after the month had ended.'),

  // The zk proofs.
  PROOF_BATCH_COUNT: protocol('The lead’s package proves a different number of batches than the members table makes.'),
  PROOF_BATCH_SUMS: protocol('The batches’ partial sums do not add up to the month’s totals.'),
  PROOF_ROOT_MISMATCH: protocol('The proven batch roots do not make the package’s root.'),
  PROOF_INVALID: protocol('A batch’s zk proof does not verify: that batch’s allocations are not proven.'),
  PROOF_KEY_MALFORMED: malformed('The verification key the genesis pins is not readable.'),
  PROOF_COORDINATE_RANGE: malformed('A proof or verification key holds a number outside the curve’s field.'),
  PROOF_MALFORMED_ENCODING: malformed('A proof is not encoded in the expected byte format.'),
  PROOF_MALFORMED_PROOF: malformed('A proof is not well-formed.'),
  PROOF_MALFORMED_PUBLIC: malformed('A proof’s public inputs are not well-formed.'),
  PROOF_MALFORMED_VKEY: malformed('The verification key is not well-formed.'),
  PROOF_POINT_AT_INFINITY: malformed('A proof holds a degenerate point that a valid proof never has.'),
  PROOF_POINT_NOT_IN_SUBGROUP: malformed('A proof holds a point outside the group the proof system works in (a known forgery shape).'),
  PROOF_POINT_NOT_ON_CURVE: malformed('A proof holds a point that is not on the curve.'),
  PROOF_PUBLIC_COUNT: malformed('A proof has the wrong number of public inputs.'),
  PROOF_PUBLIC_INPUT_RANGE: malformed('A proof’s public input is outside the proof system’s field.'),
  PROOF_UNKNOWN_SYSTEM: { what: 'The genesis names a proof system this verifier does not know.', todo: 'Use a verifier version that supports the deployment’s proof system, or check the genesis id.' },

  // Re-running the allocation program.
  PROGRAM_OUTPUT_MISMATCH: protocol('Re-running the pinned allocation program gives other allocations than the published table.'),
  PROGRAM_TOTALS_MISMATCH: protocol('Re-running the program gives other month totals than the proofs.'),
  PROGRAM_TRAP: protocol('The pinned allocation program crashed on the month’s inputs.'),
  PROGRAM_ABI_VERSION: protocol('The pinned allocation program speaks another interface version than the protocol’s.'),
  PROGRAM_ABORTED: { what: 'Re-running the allocation program was cancelled.', todo: 'Verify again when you want the result.' },
  PROGRAM_BAD_EXPORTS: protocol('The pinned allocation program does not have the shape the protocol requires.'),
  PROGRAM_BAD_LAYOUT: protocol('The pinned allocation program placed its data outside its own memory.'),
  PROGRAM_BAD_STATUS: protocol('The pinned allocation program returned a status the protocol does not define.'),
  PROGRAM_CONSERVATION: protocol('The program’s result does not conserve Dreybits: what survivors and the reserve gain is not what was forfeited and deposited.'),
  PROGRAM_IMPORTS_FORBIDDEN: protocol('The pinned allocation program asks for outside functions, which the protocol forbids.'),
  PROGRAM_INPUT_DATE: protocol('A date of birth or the month’s reference date in the inputs is not a valid date.'),
  PROGRAM_INPUT_DECEASED_DEPOSIT: protocol('The inputs give a deposit to a member marked deceased.'),
  PROGRAM_INPUT_FIELD: protocol('A member’s inputs hold a value outside its allowed range.'),
  PROGRAM_INPUT_OVERFLOW: protocol('The inputs hold an amount larger than the protocol allows.'),
  PROGRAM_INPUT_RATE: protocol('The mortality table holds a monthly rate above the protocol’s limit.'),
  PROGRAM_INPUT_RESERVE: protocol('The reserve row of the inputs is not the reserve the protocol defines.'),
  PROGRAM_INPUT_SIZE: protocol('The inputs have more or fewer rows than the protocol allows.'),
  PROGRAM_INVALID: protocol('The pinned allocation program is not a valid program for this verifier.'),
  PROGRAM_MEMORY_LIMIT: protocol('The pinned allocation program asks for more memory than the protocol allows.'),
  PROGRAM_TIMEOUT: { what: 'The allocation program did not finish within the time limit.', todo: 'On a slow or busy device, verify again; if it times out again, the pinned program may loop forever: keep the exported report.' },
  PROGRAM_WORKER: { what: 'The browser could not run the allocation program in its own worker.', todo: BUG },

  // Tables.
  TABLE_INPUTS_MISSING: protocol('The month has no members table signed by the Proof-of-Life service.'),
  TABLE_INPUTS_LATE: protocol('The month’s members table was published only after the month’s anchor block.'),
  TABLE_PREVIOUS_MISSING: retry('The final result of the month this one starts from, or its table, could not be obtained from the hosts.'),
  TABLE_PART_MISSING: { what: 'A file the month refers to (a table part, the program or a key) is not among the month’s inscriptions.', todo: 'If the hosts are complete, the month is missing data; otherwise try another host. Keep the exported report.' },
  TABLE_PART_HASH: protocol('A file’s bytes do not match the SHA-256 the month lists for it.'),
  TABLE_CONTENT_TYPE: malformed('A table part is not marked as a Parquet file.'),
  TABLE_HASH_MISMATCH: protocol('The published table is not the one the lead’s package names.'),
  TABLE_ROW_ORDER: protocol('The table’s rows are not in the order of the members table.'),
  TABLE_DUPLICATE_CELL: malformed('The mortality table lists one age group twice.'),
  TABLE_DUPLICATE_USER: malformed('A table lists one user id twice.'),
  TABLE_EMPTY: malformed('A table file holds no rows.'),
  TABLE_LISTING: malformed('A table’s list of parts is not well-formed.'),
  TABLE_NOT_CANONICAL: malformed('A table file is not written in the one canonical form the protocol defines.'),
  TABLE_NOT_PARQUET: malformed('A table file is not a readable Parquet file.'),
  TABLE_NULL: malformed('A table holds an empty cell.'),
  TABLE_ORDER: malformed('The mortality table’s rows are out of order.'),
  TABLE_PART_COUNT: malformed('A table has another number of parts than its listing names.'),
  TABLE_PART_ROWS: malformed('A table part holds another number of rows than its listing says.'),
  TABLE_PART_SIZE: malformed('A table part has another size than its listing says.'),
  TABLE_PART_SPLIT: malformed('A table is not split into parts the way the protocol splits it.'),
  TABLE_RANGE: malformed('A table holds a value outside its allowed range.'),
  TABLE_RESERVE_ROW: malformed('A table’s first row is not the reserve row.'),
  TABLE_SCHEMA: malformed('A table does not have the columns the protocol defines.'),
  TABLE_TOO_LARGE: malformed('A table file is larger than the protocol allows.'),
  TABLE_UTF8: malformed('A table holds text that is not valid UTF-8.'),

  // Roots, paths and the month log.
  MERKLE_ROOT_MISMATCH: protocol('The published table does not hash to the month root the actuaries signed.'),
  MERKLE_BATCH_ROOT_MISMATCH: protocol('The depositor’s batch of the table does not hash to the root its zk proof proves.'),
  MERKLE_USER_NOT_FOUND: { what: 'The user id is not among the rows of this month’s table. This says nothing against the month.', todo: 'Check the id (it is case-sensitive), or choose a month in which you were a member. This does not change the verdict.' },
  MERKLE_PREVIOUS_MISSING: retry('The final result of the month this one starts from could not be obtained, so the month log cannot be checked.'),
  MERKLE_LOG_SIZE: protocol('The month log did not grow by exactly this month.'),
  MERKLE_CONSISTENCY_MISMATCH: protocol('The month log was rewritten: it does not extend the previous month’s log.'),
  MERKLE_INCLUSION_MISMATCH: protocol('The month log’s new entry is not this month’s root.'),
  MERKLE_PROOF_LENGTH: malformed('The month log’s proof has the wrong length.'),
  MERKLE_BAD_SIZE: malformed('The month log names an impossible size.'),
  MERKLE_BAD_INDEX: malformed('The month log names an entry beyond its end.'),
  MERKLE_MALFORMED: malformed('The month log’s proof is not well-formed.'),
  MERKLE_PATH_MALFORMED: malformed('The depositor’s path to the month root is not well-formed.'),
  MERKLE_PATH_NOT_FIELD: malformed('The depositor’s path holds a value outside the hash’s field.'),
  MERKLE_PATH_POSITION: malformed('The depositor’s path points past the end of the table.'),

  // Rewards and the verdict rule.
  REWARD_MISMATCH: protocol('The actuaries’ rewards in the final result differ from what the protocol gives.'),
  REWARD_PENALTY_MISMATCH: protocol('The penalties in the final result differ from what the protocol gives.'),
  PIPELINE_NOT_CHECKED: retry('This check was not run: data it depends on could not be obtained from the hosts.'),
  PIPELINE_STEP_MISSING: { what: 'A check the verdict needs produced no result, so the month cannot be called verified. Nothing is concluded against it.', todo: 'Verify again in full, or with other hosts. If it happens again, export the report: the hosts lack data the month needs, or the verifier has a bug.' },

  // What the hosts could not give.
  FETCH_ABORTED: { what: 'The verification was cancelled before it finished. Nothing was concluded.', todo: 'Verify again when you want the result.' },
  FETCH_ALL_HOSTS_FAILED: retry('None of the Esplora hosts gave a usable answer.'),
  FETCH_BAD_BODY: retry('An Esplora host answered with something that is not what was asked for.'),
  FETCH_CROSS_CHECK_UNAVAILABLE: retry('The hosts could not all be asked, so their answers could not be compared.'),
  FETCH_FAILED: retry('A transaction the month refers to could not be obtained from the hosts.'),
  FETCH_HOSTS_DISAGREE: { what: 'Your Esplora hosts name different blocks at the same height: one of them follows another chain or is lying.', todo: 'Find out which host is wrong (compare with a node you run) and remove it from the settings.' },
  FETCH_HTTP_STATUS: retry('An Esplora host answered with an HTTP error.'),
  FETCH_NETWORK: { what: 'An Esplora host could not be reached (offline, a wrong address, or blocked by the browser).', todo: 'Check the host’s address and your connection. ' + RETRY },
  FETCH_NOT_FOUND: { what: 'Something the month refers to is not on the hosts’ chain.', todo: 'Check the network and the genesis id. If they are right, the hosts may be hiding data: try another host.' },
  FETCH_RATE_LIMITED: { what: 'An Esplora host is limiting how many requests you may make.', todo: 'Wait a minute and verify again, lower the requests per second, or use your own Esplora.' },
  FETCH_TIMEOUT: retry('An Esplora host did not answer in time.'),
  FETCH_TOO_LARGE: retry('An Esplora host answered with more data than such an answer can hold.'),
  FETCH_TRUNCATED: retry('An Esplora host’s answer was cut off before its end.'),
  FETCH_DEADLINE: retry('The hosts did not give everything the month needs within the time allowed.'),
  FETCH_NO_HONEST_HOST: { what: 'Every Esplora host that could answer was caught serving data that does not check out. Nothing is concluded about the month.', todo: HOST },
  FETCH_HOST_DROPPED: retry('An Esplora host was left out after it served data that did not check out earlier in this run.'),
  FETCH_NOT_ASKED: retry('An Esplora host was not asked, because it was busy or out of the run.'),
  FETCH_PACK_REFUSED: { what: 'A month pack (the immutable chain data of a month, published to save requests) was not of this format, chain or month, so it was not used. Nothing was concluded from it: the month is checked against the hosts as without one.', todo: 'Nothing to do for the verdict. Whoever publishes the packs can rebuild this one with drey-verify pack.' },

  // Bitcoin data a host served.
  CHAIN_BAD_HEX: host('A host served bytes that are not valid hexadecimal.'),
  CHAIN_BITS_INVALID: host('A block header states its difficulty in an invalid form.'),
  CHAIN_BLOCK_UNVERIFIED: host('A transaction claims a block that did not verify.'),
  CHAIN_HEADER_HASH_MISMATCH: host('A block header does not hash to the block the host named.'),
  CHAIN_COINBASE_MALFORMED: host('A block’s first transaction does not start with the block height, as every block since BIP34 must.'),
  CHAIN_HEIGHT_MISMATCH: host('A host named a real block at a height that block’s own first transaction contradicts.'),
  CHAIN_HEIGHT_UNPROVABLE: host('A block height before BIP34 cannot be proven by the block itself.'),
  CHAIN_HEADER_MALFORMED: host('A host served a block header that is not 80 well-formed bytes.'),
  CHAIN_HEADER_NOT_LINKED: host('Block headers do not build on each other.'),
  CHAIN_LINKAGE: host('The tip block does not link to the block the host names below it.'),
  CHAIN_MERKLE_DUPLICATE_NODE: host('A transaction’s inclusion proof has the shape of a known forgery.'),
  CHAIN_MERKLE_POS_OUT_OF_RANGE: host('A transaction’s inclusion proof names an impossible position.'),
  CHAIN_MERKLE_PROOF_MALFORMED: host('A transaction’s inclusion proof is not well-formed.'),
  CHAIN_MERKLE_ROOT_MISMATCH: host('A transaction’s inclusion proof does not lead to its block: it is not in that block.'),
  CHAIN_POW_INSUFFICIENT: host('A block header does not carry the proof of work it claims.'),
  CHAIN_TAPROOT_CONTROL_BLOCK_MALFORMED: host('An inscription’s witness is not well-formed.'),
  CHAIN_TAPROOT_INTERNAL_KEY_INVALID: host('An inscription’s witness names an invalid key.'),
  CHAIN_TAPROOT_KEY_MISMATCH: host('An inscription’s content is not the one its transaction committed to: the data was swapped.'),
  CHAIN_TAPROOT_NOT_P2TR: host('An inscription spends an output of the wrong kind.'),
  CHAIN_TAPROOT_NOT_SCRIPT_PATH: host('An inscription’s transaction carries no inscription script.'),
  CHAIN_TAPROOT_PARITY_MISMATCH: host('An inscription’s witness does not match the output it spends.'),
  CHAIN_TAPROOT_PREVOUT_MISMATCH: host('The output an inscription spends could not be matched.'),
  CHAIN_TAPROOT_TWEAK_INVALID: host('An inscription’s witness commits to an impossible key.'),
  CHAIN_TARGET_ABOVE_FLOOR: host('A block is easier to make than this network allows.'),
  CHAIN_TARGET_ABOVE_POW_LIMIT: host('A block’s difficulty is below this network’s minimum.'),
  CHAIN_TXID_MISMATCH: host('A transaction the host served does not hash to the id asked for.'),
  CHAIN_TX_64_BYTES: host('A host served a 64-byte transaction, a shape used to forge inclusion proofs.'),
  CHAIN_TX_MALFORMED: host('A host served a transaction that does not parse.'),
  CHAIN_UNPROVEN_BLOCK: host('A host named a block it cannot show with valid proof of work.'),
  CHAIN_UNPROVEN_TIP: host('A host claims a chain tip that no host can show a block for.'),
  CHAIN_SPENDER_MISMATCH: host('A host named a transaction as spending an output that it does not spend.'),
  CHAIN_SPENDER_HIDDEN: host('A host said an output is unspent although it knows the transaction that spends it, confirmed.'),
  CHAIN_SPENDER_UNKNOWN: host('A host named a transaction as spending an output, and no host has that transaction.'),
  CHAIN_LISTING_OMITS: host('A host left a transaction out of an address’s listing that other hosts show.'),
  CHAIN_LISTING_UNKNOWN_TX: host('A host listed a transaction at an address that it cannot serve.'),

  // Inscription transactions.
  INSCRIPTION_NOT_HEX: host('An inscription’s transaction is not valid hexadecimal.'),
  INSCRIPTION_TXID_MISMATCH: host('An inscription’s transaction does not hash to its id.'),
  INSCRIPTION_TX_BAD_SEGWIT_FLAG: host('An inscription’s transaction has an invalid format flag.'),
  INSCRIPTION_TX_EMPTY_WITNESS: host('An inscription’s transaction claims a witness but carries none.'),
  INSCRIPTION_TX_NONCANONICAL_VARINT: host('An inscription’s transaction encodes a length in a non-standard way.'),
  INSCRIPTION_TX_TRAILING_DATA: host('An inscription’s transaction has extra bytes at its end.'),
  INSCRIPTION_TX_TRUNCATED: host('An inscription’s transaction is cut short.'),

  // The verifier's own failures.
  INTERNAL_ERROR: { what: 'The verifier hit an unexpected error.', todo: BUG },
  INTERNAL_WORKER: { what: 'The verifier’s worker stopped unexpectedly.', todo: BUG },
};

/** The help for any code string; an unknown code is the verifier's own failure (never a finding about the month). */
export function explainCode(code: string): CodeHelp {
  return Object.hasOwn(CODE_HELP, code) ? CODE_HELP[code as keyof typeof CODE_HELP] : CODE_HELP.INTERNAL_ERROR;
}
