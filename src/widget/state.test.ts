import { describe, expect, it } from 'vitest';
import { INTERNAL_CODES, VERIFY_CODES } from '../core/codes';
import { WIDGET_HELP, type WidgetCode } from './codes';
import { problemState, stateFromVerdict } from './state';
import { failedVerdict } from './failed-verdict';

const sentence = /^[A-Z].{15,}[.]$/;

describe('when a verification fails', () => {
  it.each([...VERIFY_CODES, ...INTERNAL_CODES])('the badge says in words what %s means', (code) => {
    const state = stateFromVerdict(failedVerdict(code, 'technical detail', 'Month 3', 3, 120));
    expect(state.code).toBe(code);
    expect(state.reason, code).toMatch(sentence);
    expect(state.reason).not.toContain(code);
    expect(state.title).toMatch(/^(Rejected|Could not verify)$/);
  });

  it('calls a host that could not answer "could not verify", never "rejected"', () => {
    expect(stateFromVerdict(failedVerdict('FETCH_NOT_FOUND', 'genesis tx 404', 'Latest month', null, 5))).toMatchObject({ status: 'unavailable', title: 'Could not verify' });
  });
});

describe('when the page author’s attributes or config cannot be used', () => {
  it.each(Object.keys(WIDGET_HELP) as WidgetCode[])('the badge says in words what %s means', (code) => {
    const state = problemState({ code, message: 'detail' });
    expect(state.reason, code).toMatch(sentence);
    expect(state.code).toBe(code);
  });
});

describe('when a depositor’s quick check verifies', () => {
  it('shows their allocation beside the month', () => {
    const state = stateFromVerdict({ status: 'verified', subject: 'Month 6', month: 6, code: 'OK', explanation: '', message: '', ms: 900, allocation: '1117931' });
    expect(state.meta).toBe('Month 6 · 1,117,931 Dreybits · in 900 ms');
  });
});
