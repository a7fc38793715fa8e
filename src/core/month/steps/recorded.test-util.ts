/**
 * Step inputs from real chain data: month 2 of the kem-disputed chain as the fetch layer recorded it
 * (vectors/month-sources), carried through the steps once, so each step's tests start from real values and change one.
 */
import { readFileSync } from 'node:fs';
import { networkFromName } from '../../chain/network';
import { recordedMonth } from '../../../../vectors/month-sources/codec';
import { ofType, type InscriptionRecord } from '../records';
import { signaturesInputOf } from '../spenders';
import { anchorHeight, monthEnd } from '../timeline';
import { verifyAgreement } from './agreement';
import { verifyEligibility } from './eligibility';
import { verifyHeaders, type VerifiedBlock } from './headers';
import { verifyInscriptions } from './inscriptions';
import { verifyLotteryAttempts } from './lottery';
import { verifyProgram } from './program';
import { judgePackages, proofContext, verifyProofKey } from './proofs';
import { revealContext, type OpenedPackage } from './reveal';
import { verifySignatures } from './signatures';
import { readFinalTable, readMonthTables } from './tables';

export const REGTEST = networkFromName('regtest');

export function recorded(depth: 'full' | 'quick') {
  return recordedMonth(readFileSync(new URL(`../../../../vectors/month-sources/kem-disputed-month-2.${depth}.json`, import.meta.url), 'utf8'));
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the recorded month has no ${what}`);
  return value;
}

let cached: ReturnType<typeof carry> | undefined;

/** Every step's value on the recorded full-depth month (each step verified without a failed check); computed once. */
export function fullMonth(): ReturnType<typeof carry> {
  cached ??= carry();
  return cached;
}

async function carry() {
  const { sources: src } = recorded('full');
  const month = src.month;
  const blocks: Map<number, VerifiedBlock> = need(verifyHeaders({ blocks: src.blocks, network: REGTEST }).value, 'blocks');
  const records: Map<string, InscriptionRecord> = need(verifyInscriptions({ reveals: src.reveals, blocks, failures: src.failures }).value, 'records');
  const signed = need(verifySignatures(signaturesInputOf(src, records)).value, 'messages');
  const { genesis } = signed;
  const final = need(signed.final, 'final');
  const anchor = anchorHeight(genesis.params, month);
  const current = signed.messages.current;
  const commits = ofType(current, 'commit');
  const tables = need((await readMonthTables({ genesis, month, records, previous: signed.previous, inputs: ofType(current, 'inputs'), anchor })).value, 'tables');
  const numbers = need((await verifyProgram({ depth: 'full', month, genesis, records, tables })).value, 'program numbers');
  const key = need(verifyProofKey({ genesis, records }).value, 'verification key');
  const proofCtx = need(proofContext({ month, batchSize: genesis.params.batch_size, key, tables, numbers }), 'proof context');
  const judge = (lead: OpenedPackage, agreeing: readonly OpenedPackage[]) => judgePackages(proofCtx, numbers, lead, agreeing);
  const eligibility = need(verifyEligibility({ depth: 'full', anchor, tipHeight: src.tipHeight, minStake: genesis.params.min_stake, registers: ofType(signed.messages.setup, 'register'), stakes: src.stakes }).value, 'eligibility');
  const context = revealContext('regtest', src.genesisId, month, genesis, src.tipHeight);
  const lotteryInput = {
    network: 'regtest' as const, genesisId: src.genesisId, month, genesis, anchor, anchorBlock: blocks.get(anchor), tipHeight: src.tipHeight,
    lotteries: ofType(current, 'lottery'), commits, reveals: ofType(current, 'reveal'), copies: signed.messages.copies, eligibility, final: final.payload, judge,
  };
  const lottery = need((await verifyLotteryAttempts(lotteryInput, context)).value, 'lottery');
  const lead = need(lottery.lead, 'lead');
  const round = need(lottery.round, 'round');
  const judgement = need(round.judgement, 'judgement');
  const agreement = need(verifyAgreement({ depth: 'full', final, reveal: round.reveal, lead, invalid: judgement.invalid, monthEnd: monthEnd(genesis.params, month), superMajority: genesis.params.super_majority }).value, 'agreement');
  const finalTable = await readFinalTable(final, records, agreement.lead?.pkg?.tableSha256);
  return { src, month, blocks, records, signed, genesis, final, anchor, commits, eligibility, context, lotteryInput, lottery, lead, round, race: round.race, reveal: round.reveal, judgement, agreement, key, tables, numbers, proofCtx, finalTable };
}
