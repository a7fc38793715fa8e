/** Pipeline stages from the chain up: fetch, trust anchors, headers, inscriptions, message signatures. */
import { passed, failed, type Check } from '../check';
import { VerifyError } from '../errors';
import { parseInscriptionId } from '../protocol/ids';
import { fetchBlock, fetchMonthSources } from './fetch-month';
import { ofType, verifyMessages } from './verify-messages';
import { verifyHeaders } from './verify-headers';
import { verifyInscriptions } from './verify-inscriptions';
import { anchorHeight, monthEnd } from './timeline';
import { timelyFinal } from './verify-final-timing';
import type { MonthState } from './state';

export async function stageFetch(s: MonthState): Promise<Check[]> {
  const o = s.opts;
  s.src = await fetchMonthSources(o.client, { network: o.network, genesisId: o.genesisId, month: o.month, depth: o.depth, ...(o.reuse ? { reuse: o.reuse } : {}) });
  if (o.checkpoint && !s.src.blocks[o.checkpoint.height]) s.src.blocks[o.checkpoint.height] = await fetchBlock(o.client, o.checkpoint.height);
  o.onSources?.(s.src);
  return [];
}

/** The network the hosts serve is the one asked for, the genesis id is well formed, the checkpoint (if any) holds. */
export function stageAnchors(s: MonthState): Check[] {
  const o = s.opts;
  const checks: Check[] = [];
  if (o.client.network.name !== o.network) {
    checks.push(failed('anchors', new VerifyError('ANCHOR_NETWORK_MISMATCH', `the client is set for ${o.client.network.name}, the month for ${o.network}`, { client: o.client.network.name, network: o.network })));
  } else checks.push(passed('anchors', `network ${o.network}; genesis ${o.genesisId}`, { network: o.network, genesis: o.genesisId, hosts: [...o.client.hosts] }));
  if (o.checkpoint) {
    const b = s.src!.blocks[o.checkpoint.height];
    if (!b || b.hash !== o.checkpoint.hash.toLowerCase()) {
      checks.push(failed('anchors', new VerifyError('ANCHOR_CHECKPOINT_MISMATCH', `the hosts name ${b?.hash ?? 'nothing'} at checkpoint height ${o.checkpoint.height}`, { checkpoint: o.checkpoint, served: b?.hash ?? null })));
    } else checks.push(passed('anchors', `checkpoint ${o.checkpoint.height} matches`, { checkpoint: o.checkpoint }));
  }
  return checks;
}

export function stageHeaders(s: MonthState): Check[] {
  const { checks, verified } = verifyHeaders(s.src!.blocks, s.opts.client.network);
  s.blocks = verified;
  return checks;
}

export function stageInscriptions(s: MonthState): Check[] {
  const { checks, records } = verifyInscriptions(s.src!.reveals, s.blocks, s.src!.failures);
  s.records = records;
  for (const r of records.values()) s.inputsHashes[r.id] = r.bodySha256;
  return checks;
}

/** Messages parsed and signed; the month's final (the group's first) and last month's are picked out. */
export function stageSignatures(s: MonthState): Check[] {
  const o = s.opts;
  parseInscriptionId(o.genesisId, 'ANCHOR_GENESIS_ID', 'genesis id');
  const previous = s.src!.previousMonth ?? o.month - 1;
  const { checks, messages } = verifyMessages(s.records, o.genesisId, o.network, o.month, previous);
  if (!messages) return checks;
  s.messages = messages;
  s.genesis = messages.genesis.payload;
  s.anchor = anchorHeight(s.genesis.params, o.month);
  s.final = ofType(messages.current, 'final')[0];
  s.previousMonth = previous;
  if (previous >= 1) s.previousFinal = timelyFinal(ofType(messages.previous, 'final'), monthEnd(s.genesis.params, previous));
  if (previous < o.month - 1) {
    const skipped = previous + 1 === o.month - 1 ? `month ${o.month - 1} has` : `months ${previous + 1}–${o.month - 1} have`;
    checks.push(passed('signatures', `${skipped} no final confirmed by ${previous + 1 === o.month - 1 ? 'its' : 'their'} end (failed): this month starts from ${previous >= 1 ? `month ${previous}'s final` : 'an empty table, as the first month does'}`, { previousMonth: previous, failed: Array.from({ length: o.month - 1 - previous }, (_, i) => previous + 1 + i) }));
  }
  if (s.final) checks.push(passed('signatures', `final ${s.final.inscription.id} signed by the FROST group key`, { id: s.final.inscription.id, height: s.final.inscription.height, groupKey: s.genesis.frost.group_key }));
  return checks;
}
