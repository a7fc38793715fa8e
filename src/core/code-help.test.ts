import { describe, expect, it } from 'vitest';
import { INTERNAL_CODES, MONTH_INFO_CODES, MONTH_UNAVAILABLE_CODES, VERIFY_CODES } from './codes';
import { CODE_HELP, explainCode } from './code-help';

describe('every code a person can meet', () => {
  it.each([...VERIFY_CODES, ...INTERNAL_CODES])('%s has a plain sentence and something to do', (code) => {
    const help = CODE_HELP[code];
    expect(help, code).toBeDefined();
    expect(help.what, code).toMatch(/^[A-Z].{15,}[.]$/);
    expect(help.todo.length, code).toBeGreaterThan(15);
    // The sentence is for people: it does not just repeat the code.
    expect(help.what, code).not.toContain(code);
  });

  it('has no sentence for a code that does not exist', () => {
    const known = new Set<string>([...VERIFY_CODES, ...INTERNAL_CODES]);
    expect(Object.keys(CODE_HELP).filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('when a code is unknown', () => {
  it('is explained as the verifier’s own failure, never as a finding about the month', () => {
    expect(explainCode('SOMETHING_NEW')).toBe(CODE_HELP.INTERNAL_ERROR);
    expect(explainCode('toString')).toBe(CODE_HELP.INTERNAL_ERROR);
  });
});

describe('when the hosts could not answer', () => {
  it('says nothing is concluded about the month', () => {
    for (const code of VERIFY_CODES.filter((c) => c.startsWith('FETCH_') && c !== 'FETCH_HOSTS_DISAGREE' && c !== 'FETCH_NOT_FOUND' && c !== 'FETCH_NETWORK' && c !== 'FETCH_RATE_LIMITED')) {
      expect(`${CODE_HELP[code].what} ${CODE_HELP[code].todo}`, code).toMatch(/Nothing (is|was) concluded/);
    }
  });
});

describe('what a code says about the month follows its class (docs/protocol.md §14)', () => {
  it('an information code says it changes nothing', () => {
    for (const code of MONTH_INFO_CODES) expect(CODE_HELP[code].todo, code).toMatch(/does not change the verdict/);
    expect(CODE_HELP.MERKLE_USER_NOT_FOUND.what).toMatch(/nothing against the month/);
  });

  it('an unavailable code never reads as a finding about the month', () => {
    for (const code of MONTH_UNAVAILABLE_CODES) expect(`${CODE_HELP[code].what} ${CODE_HELP[code].todo}`, code).toMatch(/Nothing is concluded/);
  });
});
