import { describe, expect, it, vi } from 'vitest';
import { VerifyError } from '../../errors';
import type { MessageRecord } from '../records';
import { roundOf, type LotteryInput, type RoundLead } from './lottery';
import { agreeingOf, type Judgement } from './proofs';
import { fullMonth } from './recorded.test-util';
import type { RevealContext } from './reveal';

/** The recorded month's lottery input, context and accepted lead; `tip` moves both tips, `judge` replaces the judge. */
async function month(opts: { tip?: number; judge?: LotteryInput['judge'] | null; lead?: RoundLead; commits?: MessageRecord<'commit'>[]; reveals?: MessageRecord<'reveal'>[] } = {}) {
  const m = await fullMonth();
  const tipHeight = opts.tip ?? m.lotteryInput.tipHeight;
  const { judge: _judge, ...rest } = m.lotteryInput;
  const judge = opts.judge === null ? undefined : (opts.judge ?? m.lotteryInput.judge);
  const input: LotteryInput = { ...rest, tipHeight, ...(judge ? { judge } : {}), ...(opts.commits ? { commits: opts.commits } : {}), ...(opts.reveals ? { reveals: opts.reveals } : {}) };
  const context: RevealContext = { ...m.context, tipHeight };
  return { m, run: () => roundOf(input, context, opts.lead ?? m.lead) };
}

const invalidOf = (lead: object, e: VerifyError): Judgement => ({ invalid: new Map([[lead, e]]), proven: [], programFaults: [], combined: true }) as unknown as Judgement;

describe('an attempt\'s round once its race and reveal are over', () => {
  it('holds the race, the reveal, the lead\'s package (valid) and its judgement, without a fault', async () => {
    const { m, run } = await month();
    const r = await run();
    expect(r.pending).toBeUndefined();
    expect(r.round?.lead).toBe(m.lead);
    expect(r.round?.race).toEqual(m.race);
    expect(r.round?.raceChecks.length).toBeGreaterThan(0);
    expect(r.round?.reveal).toEqual(m.reveal);
    expect(r.round?.revealChecks.length).toBeGreaterThan(0);
    expect(r.round?.leadPackage?.status).toBe('valid');
    expect(r.round?.leadPackage?.entry.status).toBe('lead');
    expect(r.round?.judgement).toBeDefined();
    expect(r.round?.fault).toBeUndefined();
  });

  it('asks the judge once, with the lead\'s package and the packages that agree with it', async () => {
    const { m } = await month();
    const judge = vi.fn(m.lotteryInput.judge);
    const r = await (await month({ judge })).run();
    expect(judge).toHaveBeenCalledTimes(1);
    expect(judge.mock.calls[0]?.[0]).toBe(r.round?.leadPackage);
    expect(judge.mock.calls[0]?.[1]).toEqual(agreeingOf(r.round!));
  });

  it('without a judge, the lead\'s package is neither judged nor faulted', async () => {
    const r = await (await month({ judge: null })).run();
    expect(r.round?.leadPackage?.status).toBe('valid');
    expect(r.round && 'judgement' in r.round).toBe(false);
    expect(r.round && 'fault' in r.round).toBe(false);
  });

  it('a judgement that finds the lead\'s package invalid is the round\'s fault', async () => {
    const wrong = new VerifyError('PROOF_INVALID', 'batch 0 does not verify', { batch: 0 });
    const r = await (await month({ judge: async (lead) => invalidOf(lead, wrong) })).run();
    expect(r.round?.fault).toBe(wrong);
    expect(r.round?.judgement?.invalid.size).toBe(1);
  });

  it('a judgement that finds another package invalid leaves the lead without a fault', async () => {
    const other = new VerifyError('PROOF_INVALID', 'another package', {});
    const r = await (await month({ judge: async () => invalidOf({}, other) })).run();
    expect(r.round?.judgement).toBeDefined();
    expect(r.round && 'fault' in r.round).toBe(false);
  });
});

describe('when the lead\'s package does not open', () => {
  it('the round\'s fault is AGREEMENT_LEAD_INVALID with its status and reason, and the judge is not asked', async () => {
    const { m } = await month();
    const c = m.lead.commit;
    const hex = c.payload.ciphertext;
    const last = hex.slice(-2) === '00' ? '01' : '00';
    const broken: MessageRecord<'commit'> = { ...c, payload: { ...c.payload, ciphertext: hex.slice(0, -2) + last } };
    const judge = vi.fn(m.lotteryInput.judge);
    const r = await (await month({ judge, lead: { ...m.lead, commit: broken }, commits: m.commits.map((x) => (x === c ? broken : x)) })).run();
    expect(r.round?.leadPackage?.status).toBe('unopenable');
    expect(judge).not.toHaveBeenCalled();
    expect(r.round?.fault?.code).toBe('AGREEMENT_LEAD_INVALID');
    expect(r.round?.fault?.evidence).toMatchObject({ lead: m.lead.lead, status: 'unopenable' });
    expect(r.round?.fault?.evidence.reason).toBe(r.round?.leadPackage?.reason?.split(':')[0]);
    expect(r.round?.fault?.message).toContain('unopenable');
  });
});

describe('when the reveal has no key for the lead\'s commit', () => {
  it('the round has no lead package, no judgement and no fault', async () => {
    const { m } = await month();
    const reveals = m.lotteryInput.reveals.map((v) => (v.payload.attempt === m.lead.attempt
      ? { ...v, payload: { ...v.payload, keys: v.payload.keys.filter((k) => k.commit !== m.lead.commit.inscription.id) } } : v));
    const judge = vi.fn(m.lotteryInput.judge);
    const r = await (await month({ judge, reveals })).run();
    expect(r.round).toBeDefined();
    expect(r.round?.leadPackage).toBeUndefined();
    expect(judge).not.toHaveBeenCalled();
    expect(r.round && 'judgement' in r.round).toBe(false);
    expect(r.round && 'fault' in r.round).toBe(false);
  });
});

describe('an attempt\'s round that is not over', () => {
  it('is pending at the race window\'s last block, and not one block later', async () => {
    const { m } = await month();
    const to = m.race.window.to;
    const atEnd = await (await month({ tip: to })).run();
    expect(atEnd.round).toBeUndefined();
    expect(atEnd.pending).toBe(`attempt ${m.lead.attempt}'s race window runs to ${to}`);
    const after = await (await month({ tip: to + 1 })).run();
    expect(after.pending).not.toBe(`attempt ${m.lead.attempt}'s race window runs to ${to}`);
  });

  it('is pending while the group\'s reveal window is open and the reveal is not on chain', async () => {
    const { m } = await month();
    const reveals = m.lotteryInput.reveals.filter((v) => v.payload.attempt !== m.lead.attempt);
    const r = await (await month({ tip: m.race.window.to + 1, reveals })).run();
    expect(r.round).toBeUndefined();
    expect(r.pending).toBe(`the reveal window of attempt ${m.lead.attempt} has not ended`);
  });
});
