import { describe, expect, it } from 'vitest';
import { CODE_PREFIXES } from '../core/errors';
import { explainCode, STEP_ORDER, STEP_TEXT, t } from './i18n';

describe('failure explanations', () => {
  it('give a specific explanation for a known code', () => {
    expect(explainCode('STAKE_SPENT').what).toMatch(/spent before the month’s anchor/);
  });

  it('fall back to the code’s step for every code prefix', () => {
    for (const prefix of CODE_PREFIXES) {
      const help = explainCode(`${prefix}SOMETHING_NEW`);
      expect(help.what, prefix).not.toMatch(/bug in the verifier/);
      expect(help.todo.length).toBeGreaterThan(10);
    }
  });

  it('call an unknown code a verifier bug', () => {
    expect(explainCode('INTERNAL_ERROR').what).toMatch(/bug in the verifier/);
    expect(explainCode('WHATEVER').what).toMatch(/bug in the verifier/);
  });
});

describe('step texts', () => {
  it('name every step the display order lists', () => {
    for (const s of STEP_ORDER) expect(STEP_TEXT[s].name.length, s).toBeGreaterThan(0);
  });
});

describe('when a message has parameters', () => {
  it('fills them, and leaves a missing one visible', () => {
    expect(t('common.month', { month: 3 })).toBe('Month 3');
    expect(t('common.month')).toBe('Month {month}');
  });
});
